import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runApex } from '../../dev/lightning/apex/registry.ts';
import {
  KEY_OBJECTS,
  MAX_KEY_RESULTS,
  MAX_TASK_RESULTS,
  MAX_VALUE_LENGTH,
  NeotelDataRetrieval,
  SEARCHABLE_KEY_FIELDS,
  TASK_FIELDS,
} from '../../dev/lightning/apex/neotel-data-retrieval.ts';
import { RecordStore } from '../../dev/lightning/records/record-store.ts';
import { APEX_DIR, apexAssertion, loadContract, methodParams, textValue } from './contract.ts';

/**
 * apex/contract.json is the one table both sides answer: every case runs here on the dev/lightning
 * twin, and NeotelDataRetrievalTest.cls must assert the same call and the same error.
 */
const contract = loadContract();
const CLASSES = `${APEX_DIR}force-app/main/default/classes/`;
const apexClass = readFileSync(`${CLASSES}${contract.className}.cls`, 'utf8');
const apexTest = readFileSync(`${CLASSES}${contract.className}Test.cls`, 'utf8');

/** `webService static String name(String a, String b)` signatures of the Apex class. */
function apexSignatures(): Record<string, string[]> {
  const signatures: Record<string, string[]> = {};
  for (const match of apexClass.matchAll(/webService\s+static\s+String\s+(\w+)\s*\(([^)]*)\)/g)) {
    const [, name = '', params = ''] = match;
    signatures[name] = params
      .split(',')
      .map((p) => p.trim())
      .filter((p) => p !== '')
      .map((p) => {
        const [type, paramName] = p.split(/\s+/);
        expect(type, `${name}: runApex passes text, so ${p} must be a String`).toBe('String');
        return paramName ?? '';
      });
  }
  return signatures;
}

/** An Apex `List<String>` / `Integer` constant of the class. */
function apexConstant(name: string): string {
  const match = new RegExp(`static final [\\w<>]+ ${name} = ([^;]+);`).exec(apexClass);
  if (!match?.[1]) throw new Error(`${contract.className}.cls has no constant ${name}`);
  return match[1];
}
const apexStrings = (name: string): string[] => [...apexConstant(name).matchAll(/'([^']*)'/g)].map((m) => m[1] ?? '');

describe('NeotelDataRetrieval: Apex class, twin and apex/contract.json agree', () => {
  it('on the methods and their parameters', () => {
    expect(apexSignatures()).toEqual(contract.methods);
    expect(Object.keys(NeotelDataRetrieval.methods).sort()).toEqual(Object.keys(contract.methods).sort());
    expect(NeotelDataRetrieval.name).toBe(contract.className);
  });

  it('on the allow-lists and limits', () => {
    expect(apexStrings('KEY_OBJECTS')).toEqual(contract.keyObjects);
    expect(KEY_OBJECTS).toEqual(contract.keyObjects);
    expect(apexStrings('SEARCHABLE_KEY_FIELDS')).toEqual(contract.searchableKeyFields);
    expect(SEARCHABLE_KEY_FIELDS).toEqual(contract.searchableKeyFields);
    expect(Number(apexConstant('MAX_KEY_RESULTS'))).toBe(contract.maxKeyResults);
    expect(MAX_KEY_RESULTS).toBe(contract.maxKeyResults);
    expect(Number(apexConstant('MAX_TASK_RESULTS'))).toBe(contract.maxTaskResults);
    expect(MAX_TASK_RESULTS).toBe(contract.maxTaskResults);
    expect(Number(apexConstant('MAX_VALUE_LENGTH'))).toBe(contract.maxValueLength);
    expect(MAX_VALUE_LENGTH).toBe(contract.maxValueLength);
    expect(TASK_FIELDS).toEqual(contract.taskFields);
    const select = /SELECT ([\w, ]+)\s+FROM Task/.exec(apexClass)?.[1]?.split(',').map((f) => f.trim());
    expect(select).toEqual(contract.taskFields);
  });

  it('on every error code (the Apex class can answer each; the table only uses known ones)', () => {
    for (const code of contract.errorCodes) expect(apexClass, code).toContain(`'${code}'`);
    for (const testCase of contract.cases) expect(contract.errorCodes).toContain(testCase.error.code);
  });

  it.each(contract.cases.map((c) => [`${c.method}(${methodParams(c).slice(0, 60)})`, c] as const))('%s: the twin answers the error', (_label, testCase) => {
    const outcome = runApex(contract.className, testCase.method, methodParams(testCase), new RecordStore());
    expect(outcome.ok).toBe(true);
    const answer: unknown = JSON.parse(outcome.ok ? String(outcome.value) : '{}');
    expect(answer).toEqual({ error: { code: testCase.error.code, parameter: testCase.error.parameter, message: textValue(testCase.error.message) } });
  });

  it.each(contract.cases.map((c) => [`${c.method}(${methodParams(c).slice(0, 60)})`, c] as const))('%s: NeotelDataRetrievalTest.cls asserts it', (_label, testCase) => {
    expect(apexTest).toContain(apexAssertion(contract, testCase));
  });
});
