import { readFileSync } from 'node:fs';
import { DialtoneError, describeValue } from '../../../src/shared/errors.ts';
import { insertRecord } from './dml.ts';
import type { RecordStore } from './record-store.ts';
import { SOBJECT_NAMES, isSObjectName, type SObjectName } from './schema.ts';

/** Records of a fixture file: object API name → field maps. Keys starting with `$` are comments. */
export type RecordsFixture = Readonly<Record<string, readonly Readonly<Record<string, unknown>>[]>>;

/** Referenced objects first: Contacts point to Accounts, Tasks to everything. */
const LOAD_ORDER: readonly SObjectName[] = ['Campaign', 'Account', 'Contact', 'Lead', 'Opportunity', 'Task'];

/** Reads and parses a records fixture file; the message names the file on failure. */
export function readRecordsFixture(path: string): RecordsFixture {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new DialtoneError('FIXTURE_INVALID', `Records fixture ${path} could not be read as JSON: ${(error as Error).message}`, { cause: error });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new DialtoneError('FIXTURE_INVALID', `Records fixture ${path}: expected an object keyed by object name, received ${describeValue(parsed)}`);
  }
  return parsed as RecordsFixture;
}

/**
 * Loads a fixture into `store` through the same validation as every other write, in dependency
 * order (Accounts before the Contacts that point to them…), so a fixture cannot hold data
 * Salesforce would refuse. Throws with every problem listed.
 */
export function loadRecordsFixture(store: RecordStore, fixture: RecordsFixture, source = 'records fixture'): void {
  const problems: string[] = [];
  for (const key of Object.keys(fixture)) {
    if (!key.startsWith('$') && !isSObjectName(key)) {
      problems.push(`${key}: unknown object; expected one of ${SOBJECT_NAMES.join(', ')}`);
    }
  }
  for (const objectName of LOAD_ORDER) {
    const rows = fixture[objectName] ?? [];
    if (!Array.isArray(rows)) {
      problems.push(`${objectName}: expected an array of records, received ${describeValue(rows)}`);
      continue;
    }
    (rows as readonly Readonly<Record<string, unknown>>[]).forEach((row, index) => {
      const result = insertRecord(store, objectName, row, { allowSystemFields: true });
      if (!result.ok) problems.push(...result.errors.map((e) => `${objectName}[${index}]: ${e.message}`));
    });
  }
  if (problems.length > 0) {
    throw new DialtoneError('FIXTURE_INVALID', `${source} holds records Salesforce would refuse:\n  ${problems.join('\n  ')}`);
  }
}
