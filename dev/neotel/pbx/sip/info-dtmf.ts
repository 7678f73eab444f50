/**
 * DTMF carried in SIP INFO (not standardised, RFC 6086 §2; the de-facto formats are
 * draft-kaplan-dispatch-info-dtmf-package): `application/dtmf-relay` with `Signal=5` — what
 * sip.js's SessionManager sends — and `application/dtmf` with the bare digit.
 */

/** The content types the PBX accepts in INFO, for a 415's Accept header. */
export const INFO_DTMF_TYPES = 'application/dtmf-relay, application/dtmf';

/** The digit an INFO body carries, or undefined when the type or body is not a DTMF one. */
export function infoDtmfDigit(contentType: string | undefined, body: string): string | undefined {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  const digit = type === 'application/dtmf-relay'
    ? // Blanks, not \s: with /m, \s* would run over line ends from every line start (n² on blank lines).
      /^[ \t]*Signal[ \t]*=[ \t]*([0-9A-D*#])[ \t]*\r?$/im.exec(body)?.[1]
    : type === 'application/dtmf' ? /^\s*([0-9A-D*#])\s*$/i.exec(body)?.[1] : undefined;
  return digit?.toUpperCase();
}
