/**
 * The one base error of Dialtone. Every boundary (config, opencti, neoapi, sip, storage) has its
 * own subclass with its own `code` union, so callers can switch on `code` without string matching.
 *
 * A message says what was wrong, where (field path, line), the value received and what was
 * expected — see {@link describeValue} for quoting values safely.
 */
export class DialtoneError<Code extends string = string> extends Error {
  readonly code: Code;

  constructor(code: Code, message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.name = new.target.name;
  }
}

/**
 * Quotes a received value for an error message: strings in double quotes (shortened past
 * `max` characters), everything else through JSON, `undefined` as "nothing".
 */
export function describeValue(value: unknown, max = 80): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') {
    const shown = value.length > max ? `${value.slice(0, max)}…` : value;
    return JSON.stringify(shown);
  }
  try {
    // JSON.stringify returns undefined for functions and symbols, whatever its typing says.
    const json = JSON.stringify(value) as string | undefined;
    if (json === undefined) return `a ${typeof value}`;
    return json.length > max ? `${json.slice(0, max)}…` : json;
  } catch {
    // Circular or otherwise unserialisable: the type is the best we can say.
    return `a ${typeof value}`;
  }
}

/** The message of a caught value: an `Error`'s message, anything else as text. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
