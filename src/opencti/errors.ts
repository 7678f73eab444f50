import { DialtoneError, describeValue } from '../shared/errors.ts';
import { SALESFORCE_ERROR_CODES } from './types.ts';
import type { OpenCtiWireError, SalesforceErrorCode } from './types.ts';

/**
 * Why an Open CTI call failed.
 *
 * - `INVALID_PARAM`, `GENERIC_ERROR`, `SERVER_ERROR`, `SOFTPHONE_CONTAINER_ERROR`: Salesforce
 *   answered `success: false`; the code is the first error's (unknown codes and plain-string
 *   errors become `GENERIC_ERROR`).
 * - `INVALID_ARGUMENT`: the shim or the library's own validation refused the arguments before
 *   anything was sent.
 * - `LIBRARY_THREW`: the library threw something other than a validation `Error` (a string, a
 *   `TypeError`…).
 * - `TIMEOUT`: no reply within the time limit; `ABORTED`: the caller's `AbortSignal` fired.
 * - `NOT_SUPPORTED`: the loaded library lacks the method (`hvs.*` needs API 46, LMS 47).
 * - `MALFORMED_RESPONSE`: Salesforce answered, or fired a listener, with something the contract
 *   does not allow.
 */
export type OpenCtiErrorCode =
  | SalesforceErrorCode
  | 'INVALID_ARGUMENT'
  | 'LIBRARY_THREW'
  | 'TIMEOUT'
  | 'ABORTED'
  | 'NOT_SUPPORTED'
  | 'MALFORMED_RESPONSE';

/** The error every `OpenCti` method rejects (or throws) with. */
export class OpenCtiError extends DialtoneError<OpenCtiErrorCode> {
  /** The Open CTI method name, e.g. `saveLog` or `hvs.completeWork`. */
  readonly method: string;
  /** Every error entry Salesforce returned, as received (objects or strings). Empty otherwise. */
  readonly errors: readonly (OpenCtiWireError | string)[];

  constructor(
    code: OpenCtiErrorCode,
    method: string,
    message: string,
    options?: { cause?: unknown; errors?: readonly (OpenCtiWireError | string)[] },
  ) {
    super(code, message, options);
    this.method = method;
    this.errors = options?.errors ?? [];
  }
}

/**
 * A short, safe rendering of a call for messages: `saveLog({"value":{"entityApiName":"Task"…}})`.
 * Functions (callbacks, listeners) are left out.
 */
export function describeCall(method: string, args: object | undefined): string {
  if (args === undefined) return `${method}()`;
  const shown: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(args)) {
    if (typeof value !== 'function') shown[key] = value;
  }
  return `${method}(${describeValue(shown, 120)})`;
}

function isWireError(entry: unknown): entry is OpenCtiWireError {
  return typeof entry === 'object' && entry !== null && 'code' in entry;
}

function isSalesforceCode(code: unknown): code is SalesforceErrorCode {
  return (SALESFORCE_ERROR_CODES as readonly unknown[]).includes(code);
}

function describeEntry(entry: OpenCtiWireError | string): string {
  if (typeof entry === 'string') return entry;
  // Typed by the contract, but straight off the wire: quote anything that is not a string.
  const fields = entry as unknown as Record<string, unknown>;
  const text = (value: unknown): string => (typeof value === 'string' ? value : describeValue(value));
  const details = fields.details === undefined ? '' : ` (details: ${describeValue(fields.details)})`;
  return `${text(fields.code)}: ${text(fields.description)}${details}`;
}

/** The error for a callback response with `success: false`. */
export function errorFromFailedResponse(
  method: string,
  call: string,
  rawErrors: unknown,
): OpenCtiError {
  const entries: (OpenCtiWireError | string)[] = [];
  if (Array.isArray(rawErrors)) {
    for (const entry of rawErrors as unknown[]) {
      if (typeof entry === 'string' || isWireError(entry)) entries.push(entry);
      else entries.push(describeValue(entry));
    }
  } else if (typeof rawErrors === 'string' || isWireError(rawErrors)) {
    // Not an array, but still recognisable: keep it rather than lose the reason.
    entries.push(rawErrors);
  }
  const first = entries[0];
  const code = isWireError(first) && isSalesforceCode(first.code) ? first.code : 'GENERIC_ERROR';
  const reasons =
    entries.length > 0
      ? entries.map(describeEntry).join('; ')
      : `no error details (errors was ${describeValue(rawErrors)})`;
  return new OpenCtiError(code, method, `Salesforce refused Open CTI ${call}: ${reasons}.`, {
    errors: entries,
  });
}

/**
 * The error for a synchronous throw of the library. Plain `Error`s are its argument validation
 * (reference §2.1); anything else (the init string, a `TypeError` from a broken library) is not.
 */
export function errorFromThrow(method: string, call: string, thrown: unknown): OpenCtiError {
  if (thrown instanceof Error && thrown.name === 'Error') {
    return new OpenCtiError(
      'INVALID_ARGUMENT',
      method,
      `The Open CTI library rejected the arguments of ${call}: ${thrown.message}`,
      { cause: thrown },
    );
  }
  const what = thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : describeValue(thrown);
  return new OpenCtiError(
    'LIBRARY_THREW',
    method,
    `The Open CTI library threw while calling ${call}: ${what}. Expected it to accept the call; ` +
      'is sforce.opencti initialised in the Salesforce frame?',
    { cause: thrown },
  );
}

/** The error for arguments the shim refuses before calling the library. */
export function invalidArgument(
  method: string,
  what: string,
  received: unknown,
  expected: string,
): OpenCtiError {
  return new OpenCtiError(
    'INVALID_ARGUMENT',
    method,
    `Open CTI ${method}: ${what} was ${describeValue(received)}; expected ${expected}.`,
  );
}

/** The error for a method the loaded library does not have. */
export function notSupported(method: string, since: number): OpenCtiError {
  return new OpenCtiError(
    'NOT_SUPPORTED',
    method,
    `Open CTI ${method} is not available in the loaded library; it needs Open CTI API ${since}.0 ` +
      'or later (load a newer opencti_min.js).',
  );
}

/** The error for a reply or listener payload that breaks the contract. */
export function malformed(
  method: string,
  what: string,
  received: unknown,
  expected: string,
): OpenCtiError {
  return new OpenCtiError(
    'MALFORMED_RESPONSE',
    method,
    `Open CTI ${method} ${what} ${describeValue(received)}; expected ${expected}.`,
  );
}
