import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * `apex/contract.json`: the cases `NeotelDataRetrieval` (Apex) and its dev/lightning twin must
 * answer alike. A text is a string or parts (`{repeat: 'x', times: 256}` stands for 256 x's), so
 * long values can be written in Apex as `'x'.repeat(256)`.
 */
export type TextPart = string | { readonly repeat: string; readonly times: number };
export type Text = string | readonly TextPart[];

export interface ContractCase {
  readonly method: string;
  readonly params: Readonly<Record<string, Text>>;
  readonly error: { readonly code: string; readonly parameter: string; readonly message: Text };
}

export interface ApexContract {
  readonly className: string;
  readonly methods: Readonly<Record<string, readonly string[]>>;
  readonly keyObjects: readonly string[];
  readonly searchableKeyFields: readonly string[];
  readonly maxKeyResults: number;
  readonly maxTaskResults: number;
  readonly maxValueLength: number;
  readonly taskFields: readonly string[];
  readonly errorCodes: readonly string[];
  readonly cases: readonly ContractCase[];
}

export const APEX_DIR = fileURLToPath(new URL('../../apex/', import.meta.url));

export function loadContract(): ApexContract {
  return JSON.parse(readFileSync(`${APEX_DIR}contract.json`, 'utf8')) as ApexContract;
}

function parts(text: Text): readonly TextPart[] {
  return typeof text === 'string' ? [text] : text;
}

/** The text itself. */
export function textValue(text: Text): string {
  return parts(text)
    .map((part) => (typeof part === 'string' ? part : part.repeat.repeat(part.times)))
    .join('');
}

/** An Apex string literal (single quotes; `\` and `'` escaped). */
export function apexLiteral(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** The text as an Apex expression: `'a' + 'x'.repeat(97) + 'b'`. */
export function apexExpression(text: Text): string {
  return parts(text)
    .map((part) => (typeof part === 'string' ? apexLiteral(part) : `${apexLiteral(part.repeat)}.repeat(${part.times})`))
    .join(' + ');
}

/** `runApex` methodParams for a case: every given parameter, encoded. */
export function methodParams(testCase: ContractCase): string {
  return Object.entries(testCase.params)
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(textValue(value))}`)
    .join('&');
}

/**
 * The statement NeotelDataRetrievalTest.cls must contain for a case: the call with the case's
 * arguments in the method's parameter order (`null` for a missing one), then the expected error.
 */
export function apexAssertion(contract: ApexContract, testCase: ContractCase): string {
  const parameterNames = contract.methods[testCase.method];
  if (!parameterNames) throw new Error(`apex/contract.json: case names method ${testCase.method}, which is not in "methods"`);
  const args = parameterNames.map((name) => {
    const value = testCase.params[name];
    return value === undefined ? 'null' : apexExpression(value);
  });
  const { code, parameter, message } = testCase.error;
  return `assertError(${contract.className}.${testCase.method}(${args.join(', ')}), ${apexLiteral(code)}, ${apexLiteral(parameter)}, ${apexExpression(message)});`;
}
