/**
 * What `SipPhone.call(target)` dials, as a SIP URI, built without sip.js so it is unit-tested on
 * plain strings. A target is one of:
 *
 *   1001, +54 9 11 5555-0000, *43, 12#   a number: visual separators dropped, `#` escaped
 *   customer, agent.smith                a SIP user on the phone's own domain
 *   bob@pbx.example                      a user at another host (`sip:` added)
 *   sip:bob@pbx.example;transport=ws     a full SIP (or SIPS) URI, kept as given
 */

import { describeValue } from '../shared/errors.ts';
import { SipPhoneError } from './errors.ts';
import type { IncomingCallInfo } from './incoming-call.ts';

/** Digits with the separators people type (RFC 3966 visual separators and spaces). */
const DIALLED_NUMBER = /^\+?[\d*#\s().-]+$/;
const VISUAL_SEPARATORS = /[\s().-]/g;
/** RFC 3261 `user`: unreserved, escaped and user-unreserved characters. */
const SIP_USER = /^(?:[\w.!~*'()&=+$,;?/-]|%[\da-f]{2})+$/i;
const SIP_HOST = /^(?:\[[\da-f:.]+\]|[\w.-]+)(?::\d{1,5})?$/i;
const SIP_URI = /^sips?:\S+$/i;

/**
 * The SIP URI for `target` (see the file header for the accepted forms); throws
 * `invalid-target` saying what was received and what is expected.
 */
export function callTargetUri(target: string, sipDomain: string): string {
  const trimmed = target.trim();
  if (SIP_URI.test(trimmed)) return trimmed;
  const at = trimmed.lastIndexOf('@');
  const user = at >= 0 ? trimmed.slice(0, at) : trimmed;
  const host = at >= 0 ? trimmed.slice(at + 1) : sipDomain;
  if (!SIP_HOST.test(host)) {
    const where = at >= 0 ? `host ${describeValue(host)} of the target` : `the phone's sipDomain ${describeValue(host)}`;
    throw invalidTarget(target, `${where} is not a host name or IP address`);
  }
  if (DIALLED_NUMBER.test(user) && /[\d*#]/.test(user)) {
    // `#` is not allowed unescaped in a SIP user part (RFC 3261 §25.1); PBXes decode %23.
    return `sip:${user.replace(VISUAL_SEPARATORS, '').replaceAll('#', '%23')}@${host}`;
  }
  if (!/[a-z\d]/i.test(user)) throw invalidTarget(target, 'it has no number or user');
  if (SIP_USER.test(user)) return `sip:${user}@${host}`;
  throw invalidTarget(target, 'it has characters a SIP user cannot carry');
}

/** The call info of an outgoing call: the far party is the user part dialled. */
export function outgoingCallInfo(sipCallId: string, uri: string): IncomingCallInfo {
  const withoutScheme = uri.replace(/^sips?:/i, '');
  const at = withoutScheme.lastIndexOf('@');
  const user = at >= 0 ? decodeUser(withoutScheme.slice(0, at)) : '';
  return {
    sipCallId,
    platformCallId: null,
    leg: 'unknown',
    answerAfterSeconds: null,
    callerNumber: user === '' ? 'anonymous' : user,
    callerName: null,
  };
}

function decodeUser(user: string): string {
  try {
    return decodeURIComponent(user);
  } catch {
    // A stray `%` that is not an escape: show the user part as dialled.
    return user;
  }
}

function invalidTarget(target: string, why: string): SipPhoneError {
  return new SipPhoneError(
    'invalid-target',
    `call(${describeValue(target)}): ${why} (expected a number such as 1001 or +5491155550000, a SIP user such as customer, user@host, or a SIP URI such as sip:1001@pbx.example).`,
  );
}
