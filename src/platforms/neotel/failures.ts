/**
 * NeoApi errors → the port's failure codes (src/call/platform.ts `FailureCode`): what the agent
 * can do about it, independent of NeoApi's wording. The error's own text stays as the detail.
 */
import type { CommandFailure, FailureCode } from '../../call/platform.ts';
import { messageOf } from '../../shared/errors.ts';
import { NeoApiError, type NeoApiErrorCode } from './errors.ts';

const CODES: Readonly<Record<NeoApiErrorCode, FailureCode>> = {
  NOT_LOGGED: 'NOT_LOGGED_IN',
  POSITION_NOT_FOUND: 'DEVICE_UNAVAILABLE',
  NOT_FREE: 'DEVICE_UNAVAILABLE',
  ALREADY_LOGGED: 'ALREADY_LOGGED_IN',
  NO_LICENSES: 'NO_LICENCES',
  BAD_CREDENTIALS: 'BAD_CREDENTIALS',
  // The server disagrees with the request our contract built: a name or type this deployment
  // spells differently (neoApiMethods), or an answer we cannot read.
  BAD_PARAMETER: 'MISCONFIGURED',
  INVALID_ARGUMENT: 'MISCONFIGURED',
  MALFORMED_RESPONSE: 'MISCONFIGURED',
  // Any other server text: the platform answered and said no.
  SERVER_ERROR: 'REFUSED',
  HTTP_ERROR: 'UNREACHABLE',
  TIMEOUT: 'UNREACHABLE',
  ABORTED: 'UNREACHABLE',
  NETWORK: 'UNREACHABLE',
};

/** The failure a rejected NeoApi call stands for. */
export function failureOf(error: unknown): CommandFailure {
  if (!(error instanceof NeoApiError)) return { code: 'REFUSED', detail: messageOf(error) };
  // 404 = no such method at that URL (a misspelt service or method name), not an outage.
  const code = error.code === 'HTTP_ERROR' && error.status === 404 ? 'MISCONFIGURED' : CODES[error.code];
  return { code, detail: error.message };
}
