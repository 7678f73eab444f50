/**
 * The call record: every fact learnt about one call, from SIP, from platform status and from the agent,
 * accumulated so later layers can pop the right record and log a complete Task without asking
 * the machine anything else.
 */
import type { TransferRecord } from './call-control-types.ts';
import type { CallId, SipLegId } from './ids.ts';

/** Who the call is with, from the agent's side. `dialer` = the platform's dialer delivered it. */
export const CALL_DIRECTIONS = ['inbound', 'outbound', 'dialer'] as const;
/** A call direction. */
export type CallDirection = (typeof CALL_DIRECTIONS)[number];

/** How a call ended. `platform` = platform status showed the call gone before SIP said anything. */
export const CALL_END_CAUSES = ['local', 'remote', 'platform', 'rejected', 'failed', 'forcedLogout'] as const;
/** A call end cause. */
export type CallEndCause = (typeof CALL_END_CAUSES)[number];

/** A CRM record the platform delivered (platform status `contact state=GetContact`). */
export interface DeliveredContact {
  /** The platform record id: the "CRM de API" id `categorise` wants back. */
  readonly crm: number;
  readonly base: number;
  readonly contactId: number;
  /** The platform status `contact key`: the customer's key (often the Salesforce id) to pop. */
  readonly data: string;
  /** What the platform calls that key, shown beside it (the Neotel adapter gives its field name); default `key`. */
  readonly keyLabel?: string;
  readonly phone: string | null;
  /** The platform status IVR data: or the CLAVESF `idContacto-Data`. */
  readonly clave: string | null;
  readonly searchField: string | null;
  readonly agendaId: string | null;
}

/**
 * What the platform status says about the call beyond who and where (seed 004's `externalData`
 * keys and the recording): each `null` when the platform did not say.
 */
export interface PlatformCallData {
  /** The dialer type (`Predictive`, `Manual`…; the platform's "not set" reads as `null`): `callDialer`. */
  readonly dialer: string | null;
  /** Why the platform brought the call (a retry, a callback, not processed yet…): `callReason`. */
  readonly reason: string | null;
  /** CRM and base of the agent's outbound campaign: `campaignCrmId`, `campaignBaseId`. */
  readonly outboundCrm: number | null;
  readonly outboundBase: number | null;
  /** The outbound campaign the agent is logged into: `userOutCampaign`. */
  readonly outboundCampaign: number | null;
  /** The call's recording file as the platform names it (e.g. `1145551234-883545-20261205231500.mp3`). */
  readonly recordingFile: string | null;
}

/** The agent's disposition of the call, once NeoApi accepted it. */
export interface Disposition {
  readonly subcategory: number;
  /** Callback wall time `YYYY-MM-DDTHH:mm:ss` when the disposition scheduled one. */
  readonly callbackAt: string | null;
}

/** Everything known about one call. Times are epoch milliseconds taken from the events. */
export interface CallFacts {
  readonly callId: CallId | null;
  readonly legId: SipLegId | null;
  readonly direction: CallDirection;
  /** The customer's number (dialled, caller number or the dialer's phone). */
  readonly number: string | null;
  /** The caller's display name from the INVITE (shown when no record matches); null when none. */
  readonly callerName?: string | null;
  readonly queue: number | null;
  /** The queue's name from a queue leg's INVITE, shown when the call center names no queue `queue`; absent when none. */
  readonly queueName?: string | null;
  readonly campaign: number | null;
  readonly contact: DeliveredContact | null;
  /** IVR data of a plain inbound call (the platform status IVR data). */
  readonly ivrData: string | null;
  /** The platform's other facts about the call (absent on platforms that give none). */
  readonly platformData?: PlatformCallData | null;
  /** The INVITE came from the platform (dial, dialer): it may be answered automatically. */
  readonly platformLeg: boolean;
  readonly startedAt: number;
  readonly answeredAt: number | null;
  readonly endedAt: number | null;
  readonly endedBy: CallEndCause | null;
  readonly disposition: Disposition | null;
  /** What the screen pop used so far: a better key (the contact) pops again, the same does not. */
  readonly popped: 'none' | 'number' | 'contact';
  /**
   * Every transfer the agent asked for during the call, oldest first, with its outcome
   * (call-control.ts `TransferRecord`): the Task log writes them (docs/transfers-conference.md).
   */
  readonly transfers: readonly TransferRecord[];
}

/** A new call record with only the facts known at its start. */
export function newCall(direction: CallDirection, at: number, facts: Partial<CallFacts> = {}): CallFacts {
  return {
    callId: null,
    legId: null,
    number: null,
    queue: null,
    campaign: null,
    contact: null,
    ivrData: null,
    platformLeg: false,
    answeredAt: null,
    endedAt: null,
    endedBy: null,
    disposition: null,
    popped: 'none',
    transfers: [],
    ...facts,
    direction,
    startedAt: at,
  };
}

/**
 * Whether a fact about `callId` concerns `call`. A call not yet numbered adopts the first id the
 * platform gives (dial answers before platform status shows platform call id); an event without an id is
 * about the agent's current call, since Neotel gives an agent one call at a time.
 */
export function concernsCall(call: CallFacts, callId: CallId | null): boolean {
  return callId === null || call.callId === null || call.callId === callId;
}

/** Whether a SIP event for `legId` is about this call's leg (or the call still awaits its leg). */
export function concernsLeg(call: CallFacts, legId: SipLegId): boolean {
  return call.legId === legId;
}

/**
 * Keeps facts already known and adds new ones: later, vaguer events never erase earlier data.
 * Returns `call` itself when nothing changes, so a repeated platform status fact is recognised as one.
 */
export function mergeFacts(call: CallFacts, facts: Partial<Omit<CallFacts, 'startedAt'>>): CallFacts {
  const merged: Record<string, unknown> = { ...call };
  let changed = false;
  for (const [key, value] of Object.entries(facts) as [string, unknown][]) {
    if (value !== null && value !== undefined && merged[key] !== value) {
      merged[key] = value;
      changed = true;
    }
  }
  return changed ? (merged as unknown as CallFacts) : call;
}

/** The record at its end; the first end wins, so a late BYE after platform status's end changes nothing. */
export function endCall(call: CallFacts, by: CallEndCause, at: number): CallFacts {
  if (call.endedAt !== null) return call;
  return { ...call, endedAt: at, endedBy: by };
}
