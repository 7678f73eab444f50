/**
 * The machine's platform facts for one INVITE of the sip platform: the call is offered
 * (`platformCallStarted`, with the queue and campaign the pop headers carried) and, when a
 * header named the customer (`recordId` or `crmKey`), the record is delivered (`contactDelivered`)
 * so the screen pop, `externalData` and the Task read it exactly as they read Neotel's.
 */
import type { DeliveredContact } from '../../call/call-facts.ts';
import type { ContactDelivered, PlatformCallStarted } from '../../call/events.ts';
import type { CallId } from '../../call/ids.ts';
import { asBrand } from '../../shared/brand.ts';
import { popDataFromHeaders, type PopHeaderMap } from './pop-data.ts';

/** What the adapter reads of an incoming call (the phone's `CallSnapshot`). */
export interface OfferedCall {
  readonly sipCallId: string;
  readonly callerNumber: string;
  readonly inviteHeaders?: Readonly<Record<string, string>>;
}

const CALL_ID = /^[\w.@:+-]{1,128}$/;

/**
 * The call id of a sip-platform call: the click-to-call hook's id when it gave one, else the SIP
 * Call-ID (unique per INVITE). `null` when it has characters a Task field should not hold.
 */
export function sipCallIdOf(raw: string): CallId | null {
  const value = raw.trim();
  return CALL_ID.test(value) ? asBrand<CallId>(value) : null;
}

const wholeNumber = (value: string | undefined): number | null => (value !== undefined && /^\d{1,9}$/.test(value) ? Number(value) : null);

/** The facts of an offered call, in the order the machine takes them, and what was dropped (for the log). */
export function offeredCallFacts(
  call: OfferedCall,
  headers: PopHeaderMap,
  at: number,
): { readonly events: readonly (PlatformCallStarted | ContactDelivered)[]; readonly dropped: readonly string[] } {
  const callId = sipCallIdOf(call.sipCallId);
  const pop = popDataFromHeaders(headers, call.inviteHeaders);
  const { values } = pop;
  const dropped = [...pop.dropped];
  const number = call.callerNumber === 'anonymous' || call.callerNumber === '' ? null : call.callerNumber;
  const queue = wholeNumber(values.callQueue);
  const campaign = wholeNumber(values.callCampaing);
  if (values.callQueue !== undefined && queue === null) dropped.push(`${headers.callQueue ?? 'callQueue'}: not a whole number`);
  if (values.callCampaing !== undefined && campaign === null) dropped.push(`${headers.callCampaing ?? 'callCampaing'}: not a whole number`);
  if (callId === null) return { events: [], dropped: [...dropped, 'the SIP Call-ID is not usable as a call id'] };
  const started: PlatformCallStarted = { kind: 'platformCallStarted', at, callId, direction: 'inbound', number, queue, campaign, callType: null, clave: null };
  const key = values.recordId ?? values.crmKey;
  if (key === undefined) return { events: [started], dropped };
  const contactId = wholeNumber(values.contactId);
  const contact: DeliveredContact = {
    crm: 0,
    base: 0,
    contactId: contactId ?? 0,
    data: key,
    keyLabel: (values.recordId === undefined ? headers.crmKey : headers.recordId) ?? 'key',
    phone: number,
    clave: null,
    searchField: null,
    agendaId: null,
  };
  return { events: [started, { kind: 'contactDelivered', at, callId, direction: 'inbound', contact }], dropped };
}
