/**
 * The errors of the NeoApi adapter. Every failure of a NeoApi call — refused before sending,
 * refused by the server, or lost on the way — is a {@link NeoApiError} with a `code` to switch on.
 *
 * Server texts are matched with {@link NEO_ERROR_PATTERNS} (substring/regex, never equality: the
 * prefix differs by binding and by the server's customErrors setting).
 */
import { DialtoneError } from '../../shared/errors.ts';
import { NEO_ERROR_PATTERNS } from './contract.ts';

/**
 * Why a NeoApi call failed.
 *
 * Refused before any request:
 * - `INVALID_ARGUMENT`: unknown method, missing required or unknown parameter, or a value of the
 *   wrong type (the message names the method, the parameter, the value and what was expected).
 *
 * Answered by the server (HTTP 500 text or SOAP fault):
 * - `NOT_LOGGED` (`1001 not logged.`), `POSITION_NOT_FOUND` (`Position SIP/1001 not found`),
 *   `NOT_FREE` (`Position SIP/1001 not free`), `ALREADY_LOGGED` (`User 1001 already logged on
 *   position SIP/1002`), `NO_LICENSES` (`No more API licenses.`), `BAD_CREDENTIALS` (`User 7777 not
 *   found`, `Invalid password for user 1001`), `BAD_PARAMETER` (`Missing parameter: X.`,
 *   `Cannot convert …`: the server disagrees with our contract), `SERVER_ERROR` (any other text,
 *   kept in {@link NeoApiError.serverText}).
 *
 * Transport:
 * - `HTTP_ERROR`: a status other than 200/500 (404, 502…); `MALFORMED_RESPONSE`: a 200 whose body
 *   is not the ASMX envelope the method's result kind calls for (or too large);
 *   `TIMEOUT`: no answer within the per-request timeout; `ABORTED`: the caller's `AbortSignal`;
 *   `NETWORK`: `fetch` itself failed (server down, DNS, CORS, mixed content).
 */
export type NeoApiErrorCode =
  | 'INVALID_ARGUMENT'
  | 'NOT_LOGGED'
  | 'POSITION_NOT_FOUND'
  | 'NOT_FREE'
  | 'ALREADY_LOGGED'
  | 'NO_LICENSES'
  | 'BAD_CREDENTIALS'
  | 'BAD_PARAMETER'
  | 'SERVER_ERROR'
  | 'HTTP_ERROR'
  | 'MALFORMED_RESPONSE'
  | 'TIMEOUT'
  | 'ABORTED'
  | 'NETWORK';

/** Codes that say the server answered: the request reached NeoApi and was refused. */
export const NEO_SERVER_ERROR_CODES: readonly NeoApiErrorCode[] = [
  'NOT_LOGGED',
  'POSITION_NOT_FOUND',
  'NOT_FREE',
  'ALREADY_LOGGED',
  'NO_LICENSES',
  'BAD_CREDENTIALS',
  'BAD_PARAMETER',
  'SERVER_ERROR',
];

/** The error every NeoApi call rejects with. */
export class NeoApiError extends DialtoneError<NeoApiErrorCode> {
  /** The wire name called (`Position`, `Login_Campaign2`). */
  readonly method: string;
  /** The HTTP status when there was an answer. */
  readonly status: number | undefined;
  /** The server's own text (unescaped, without the SOAP wrapper prefix), when it sent one. */
  readonly serverText: string | undefined;

  constructor(
    code: NeoApiErrorCode,
    method: string,
    message: string,
    options?: { cause?: unknown; status?: number; serverText?: string },
  ) {
    super(code, message, options);
    this.method = method;
    this.status = options?.status;
    this.serverText = options?.serverText;
  }
}

/** True when `error` is a {@link NeoApiError} with one of `codes` (any code when none given). */
export function isNeoApiError(error: unknown, ...codes: NeoApiErrorCode[]): error is NeoApiError {
  return error instanceof NeoApiError && (codes.length === 0 || codes.includes(error.code));
}

/** The order matters: `User 1001 already logged on position …` must not read as "not found". */
const TEXT_CODES: readonly (readonly [RegExp, NeoApiErrorCode])[] = [
  [NEO_ERROR_PATTERNS.noLicenses, 'NO_LICENSES'],
  [NEO_ERROR_PATTERNS.notLogged, 'NOT_LOGGED'],
  [NEO_ERROR_PATTERNS.alreadyLogged, 'ALREADY_LOGGED'],
  [NEO_ERROR_PATTERNS.positionNotFree, 'NOT_FREE'],
  [NEO_ERROR_PATTERNS.positionNotFound, 'POSITION_NOT_FOUND'],
  [NEO_ERROR_PATTERNS.unknownUser, 'BAD_CREDENTIALS'],
  [NEO_ERROR_PATTERNS.wrongPassword, 'BAD_CREDENTIALS'],
  [NEO_ERROR_PATTERNS.missingParameter, 'BAD_PARAMETER'],
  [NEO_ERROR_PATTERNS.badParameter, 'BAD_PARAMETER'],
];

/** The code for a server's error text (`SERVER_ERROR` when no known text matches). */
export function codeForServerText(text: string): NeoApiErrorCode {
  for (const [pattern, code] of TEXT_CODES) if (pattern.test(text)) return code;
  return 'SERVER_ERROR';
}

/** Longest server text kept on an error (an HTML error page can be 10 KB of markup). */
export const MAX_SERVER_TEXT = 500;

/** Shortens a server text for messages and {@link NeoApiError.serverText}. */
export function clipServerText(text: string): string {
  const flat = text.trim();
  return flat.length > MAX_SERVER_TEXT ? `${flat.slice(0, MAX_SERVER_TEXT)}…` : flat;
}
