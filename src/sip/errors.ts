import { DialtoneError, describeValue } from '../shared/errors.ts';

/**
 * Every way the SIP phone can fail, one code each, so the app can switch on `code` and show the
 * agent the right fix.
 */
export const SIP_PHONE_ERROR_CODES = [
  /** REGISTER refused with 401/403: wrong device or password. */
  'auth-failed',
  /** REGISTER refused with 404: the PBX does not know the device. */
  'device-not-found',
  /** REGISTER refused with another status (423, 5xx…). */
  'register-rejected',
  /** The registrar refused a refresh (503…) or the binding expired: the phone registers again by itself. */
  'registration-lost',
  /** No REGISTER answer within `registerTimeoutMs`. */
  'register-timeout',
  /** The WebSocket to the PBX could not be opened or closed under us. */
  'transport-failed',
  /** An operation that needs a registered phone was called before `register()`. */
  'not-registered',
  /** The agent (or the browser policy) refused the microphone: `NotAllowedError`. */
  'microphone-denied',
  /** No microphone, or the chosen one is gone: `NotFoundError` / `OverconstrainedError`. */
  'microphone-not-found',
  /** The microphone exists but could not be opened (`NotReadableError`, insecure context…). */
  'microphone-unavailable',
  /** A call control was used with no call, or in the wrong phase (e.g. hold while ringing). */
  'no-call',
  'invalid-call-state',
  /** Answering failed (media, SDP, or the caller cancelled meanwhile). */
  'answer-failed',
  /** `call()` while another call is ringing, calling or up: one call at a time. */
  'call-in-progress',
  /** `call()` with a target that is not a number, a SIP user or a SIP URI. */
  'invalid-target',
  /** Our INVITE could not be sent (transport down, SDP offer failed). A refusal by the far end is not an error: the call ends `refused`. */
  'call-failed',
  /** The hold/resume re-INVITE was refused or failed. */
  'hold-failed',
  /** A digit outside 0-9, *, #, A-D. */
  'dtmf-invalid-digit',
  /** RFC 4733 cannot be sent on this call: use NeoApi `SendDTMF` instead. */
  'dtmf-unavailable',
  /** `setSinkId` is not supported by this browser, or the device id was refused. */
  'output-device-failed',
  /** The phone was disposed. */
  'disposed',
  /** A REFER (blind or attended transfer) was refused, or the transfer target did not answer (see `statusCode`). */
  'transfer-failed',
  /** `consult()`, `completeTransfer()`, `conference()`… without the calls they need (e.g. no consult call up). */
  'no-consult-call',
  /** The browser could not mix the conference (Web Audio unavailable, no microphone track). */
  'conference-failed',
] as const;

/** A {@link SipPhoneError} code. */
export type SipPhoneErrorCode = (typeof SIP_PHONE_ERROR_CODES)[number];

/** The SIP adapter's error: `code` says what failed, the message says where, what was received and what was expected. */
export class SipPhoneError extends DialtoneError<SipPhoneErrorCode> {
  /** SIP status code of the response that caused it, when there was one. */
  readonly statusCode: number | undefined;

  constructor(code: SipPhoneErrorCode, message: string, options: { cause?: unknown; statusCode?: number } = {}) {
    super(code, message, options.cause === undefined ? undefined : { cause: options.cause });
    this.statusCode = options.statusCode;
  }
}

/** Maps a final non-2xx REGISTER response to a typed error. */
export function registerRejection(statusCode: number, reasonPhrase: string, aor: string): SipPhoneError {
  const received = `${statusCode} ${reasonPhrase}`.trim();
  if (statusCode === 401 || statusCode === 403 || statusCode === 407) {
    return new SipPhoneError(
      'auth-failed',
      `REGISTER of ${aor} was refused with ${received}: the device or its SIP password is wrong (expected 200 OK after the digest challenge). Check the device number and the device password typed at login (or remembered in this browser).`,
      { statusCode },
    );
  }
  if (statusCode === 404) {
    return new SipPhoneError(
      'device-not-found',
      `REGISTER of ${aor} was refused with ${received}: the PBX does not know this device (expected a configured SIP device such as sip:1001@domain).`,
      { statusCode },
    );
  }
  return new SipPhoneError('register-rejected', `REGISTER of ${aor} was refused with ${received} (expected 200 OK).`, { statusCode });
}

/** The `name` of a DOMException-like error, or undefined. */
function errorName(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string') return error.name;
  return undefined;
}

/**
 * Maps a `getUserMedia` failure to a typed error. `deviceId` is the microphone that was asked for
 * (undefined = the browser default).
 */
export function microphoneError(error: unknown, deviceId: string | undefined): SipPhoneError {
  if (error instanceof SipPhoneError) return error;
  const name = errorName(error);
  const which = deviceId === undefined ? 'the default microphone' : `microphone ${describeValue(deviceId)}`;
  if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError') {
    return new SipPhoneError(
      'microphone-denied',
      `Access to ${which} was refused (${name}): allow the microphone for this site (the Salesforce utility bar iframe needs allow="microphone").`,
      { cause: error },
    );
  }
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'DevicesNotFoundError') {
    return new SipPhoneError('microphone-not-found', `No audio input matches ${which} (${name}): plug in a headset or choose another microphone.`, {
      cause: error,
    });
  }
  const detail = error instanceof Error ? error.message : describeValue(error);
  return new SipPhoneError('microphone-unavailable', `Could not open ${which} (${name ?? 'error'}: ${detail}); it may be in use by another application.`, {
    cause: error,
  });
}
