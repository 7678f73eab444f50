/**
 * Branded ids of the call machine. A platform call id, a SIP leg and a Neotel user are all
 * strings on the wire; mixing them up would correlate the wrong call, so the compiler keeps them
 * apart. Only the parsers below (used by the adapters at the boundary) create them.
 */
import { asBrand, type Brand } from '../shared/brand.ts';

/** The platform's call id: the platform status call id / SIP header `X-Neotel-CallId` (digits, never `0`). */
export type CallId = Brand<string, 'CallId'>;
/** A Neotel user (the platform user), e.g. `1001`. */
export type NeoUser = Brand<string, 'NeoUser'>;
/** The SIP phone's id for one INVITE dialog (sip.js session id). */
export type SipLegId = Brand<string, 'SipLegId'>;
/** Correlates a NeoApi request effect with its `commandSucceeded` / `commandFailed` result. */
export type RequestId = Brand<number, 'RequestId'>;

/**
 * Reads a platform call id. `0`, empty and non-numeric values mean "no call" (the platform status prints
 * a zero call id between calls), so they give `null` instead of an id that matches nothing.
 */
export function parseCallId(raw: string | null | undefined): CallId | null {
  const value = raw?.trim() ?? '';
  if (!/^\d+$/.test(value) || /^0+$/.test(value)) return null;
  return asBrand<CallId>(value);
}

/** Reads a Neotel user id; blank gives `null` because NeoApi would answer `not logged.` for it. */
export function parseNeoUser(raw: string | null | undefined): NeoUser | null {
  const value = raw?.trim() ?? '';
  return value === '' ? null : asBrand<NeoUser>(value);
}

/** Brands the SIP adapter's session id; blank gives `null`. */
export function parseSipLegId(raw: string | null | undefined): SipLegId | null {
  const value = raw?.trim() ?? '';
  return value === '' ? null : asBrand<SipLegId>(value);
}

/** Request ids are allocated by the machine itself from a counter kept in the state. */
export function requestIdOf(counter: number): RequestId {
  return asBrand<RequestId>(counter);
}
