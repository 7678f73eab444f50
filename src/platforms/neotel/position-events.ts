/**
 * Turns two consecutive Position snapshots into the agent machine's `position*` facts. Pure: no
 * clock, no I/O; the poller keeps the previous snapshot and supplies `at`.
 *
 * Edge rules (neoapi.md §3–4, docs/position-poller.md):
 *
 * ```
 *  call      = IDLLAMADA ≠ 0 (digits) AND (SUB_ESTADO or DIRECCION not blank)
 *              none → X            platformCallStarted(X)
 *              X → X, facts differ platformCallStarted(X) again (new facts: CLAVE, COLA, …)
 *              X → none            platformCallEnded(X)
 *              X → Y               platformCallEnded(X), platformCallStarted(Y)
 *  delivery  = ESTADO_CRM=GetContact AND a call AND BASE ≠ 0 AND IDCONTACTO ≠ 0
 *              once per (IDLLAMADA, BASE, IDCONTACTO): contactDelivered
 *              (GetContact → ShowingContact → GetContact for the same pair: nothing new)
 *  late      = ESTADO_CRM=GetContact AND no call AND IDLLAMADA_ULT ≠ 0 AND BASE ≠ 0 AND IDCONTACTO ≠ 0,
 *              not already delivered for (IDLLAMADA_ULT, BASE, IDCONTACTO):
 *              contactDelivered(afterCall) — the call began and ended between two polls
 *  break     = SUBTIPO_DESCANSO (0 → null), on change: breakChanged
 *  campaign  = SAL_CAMPAÑA_DEFAULT (0 → null), on change: campaignChanged
 * ```
 *
 * `ESTADO_CRM` is not a call flag: it stayed `Available` during manual and inbound calls and
 * stays `GetContact` after the hang-up while the record is on screen (§4), so calls come only
 * from `IDLLAMADA` corroborated by `SUB_ESTADO`/`DIRECCION`, and a delivery needs a live call: a
 * record left on screen after the call is not a new delivery (the machine would ring for it).
 * Except one case: a short call (answered and hung up within the poll interval) is never seen
 * live, and its record is only on the position afterwards, tied to it by `IDLLAMADA_ULT`. That
 * record is reported once, marked `afterCall`: the machine gives it to that call's wrap-up and
 * never rings for it (docs/position-poller.md, "A call shorter than a poll").
 *
 * With `previous = null` (first poll after start) the current call, delivery, break and campaign
 * are all reported, so a reloaded page catches up.
 */
import type { DeliveredContact, PlatformCallData } from '../../call/call-facts.ts';
import type {
  BreakChanged,
  PlatformCallEnded,
  PlatformCallStarted,
  CampaignChanged,
  ContactDelivered,
  PlatformDegraded,
  LoggedOutByPlatform,
  PlatformRecovered,
} from '../../call/events.ts';
import type { CallId } from '../../call/ids.ts';
import { asBrand } from '../../shared/brand.ts';
import { normalizePositionKey, type ParsedPosition, type PositionSnapshot } from './position.ts';

/** The facts one pair of snapshots can give. */
export type PositionSnapshotEvent =
  | PlatformCallEnded
  | CampaignChanged
  | BreakChanged
  | PlatformCallStarted
  | ContactDelivered;

/** Everything the Position poller reports: snapshot facts plus the poll loop's own health. */
export type PositionPollerEvent = PositionSnapshotEvent | LoggedOutByPlatform | PlatformDegraded | PlatformRecovered;

type Direction = PlatformCallStarted['direction'];
type CallFacts = Omit<PlatformCallStarted, 'at'>;

/** `DIRECCION`: `ENTRANTE` → inbound, `SALIENTE` → outbound, anything else → unknown. */
function directionOf(raw: string | undefined): Direction {
  const value = raw?.trim().toUpperCase();
  return value === 'ENTRANTE' ? 'inbound' : value === 'SALIENTE' ? 'outbound' : null;
}

const blank = (value: string | undefined): boolean => value === undefined || value.trim() === '';
const orNull = <T>(value: T | undefined): T | null => value ?? null;

/**
 * Position's other facts about the call (seed 004's `externalData` keys, the recording file).
 * `SAL_TIPO_DISCADOR=NotSet` is the platform's "no dialer".
 */
function platformDataOf(snapshot: PositionSnapshot): PlatformCallData {
  const dialer = snapshot.outboundDialer?.trim();
  const reason = snapshot.callOrigin?.trim();
  const file = snapshot.recordingFile?.trim();
  return {
    dialer: dialer === undefined || dialer === '' || dialer === 'NotSet' ? null : dialer,
    reason: reason === undefined || reason === '' ? null : reason,
    outboundCrm: orNull(snapshot.outboundCrm),
    outboundBase: orNull(snapshot.outboundBase),
    outboundCampaign: orNull(snapshot.outboundCampaign),
    recordingFile: file === undefined || file === '' ? null : file,
  };
}

function samePlatformData(a: PlatformCallData | undefined, b: PlatformCallData | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.dialer === b.dialer && a.reason === b.reason && a.outboundCrm === b.outboundCrm && a.outboundBase === b.outboundBase &&
    a.outboundCampaign === b.outboundCampaign && a.recordingFile === b.recordingFile;
}

/** The call Position shows, or `null`. A bare `IDLLAMADA` without any call field is not a call. */
function callOf(snapshot: PositionSnapshot): CallFacts | null {
  const id = snapshot.callId?.trim();
  if (id === undefined || !/^\d+$/.test(id) || /^0+$/.test(id)) return null;
  if (blank(snapshot.subState) && blank(snapshot.direction)) return null;
  const direction = directionOf(snapshot.direction);
  // Inbound: the caller is ANI (TELEFONO is blank); outbound: the dialled TELEFONO.
  const number = (direction === 'inbound' ? (snapshot.ani ?? snapshot.phone) : (snapshot.phone ?? snapshot.ani))?.trim();
  const callType = snapshot.callType?.trim();
  return {
    kind: 'platformCallStarted',
    callId: asBrand<CallId>(id),
    direction,
    number: number === undefined || number === '' ? null : number,
    queue: orNull(snapshot.queue),
    campaign: orNull(snapshot.campaign),
    // `NotSet` is how the platform prints "no type".
    callType: callType === undefined || callType === '' || callType === 'NotSet' ? null : callType,
    clave: orNull(snapshot.clave),
    platformData: platformDataOf(snapshot),
    // The parties that are up, while the call is a conference (CONFERENCIA = its id): who answered.
    ...(blank(snapshot.conference) ? {} : { channels: snapshot.associatedChannels }),
  };
}

type Delivery = Omit<ContactDelivered, 'at'>;

/**
 * The record delivered with the current call, or `null`. `held` also accepts the states after
 * `GetContact` (`ShowingContact`, anything but `Available`): the record is still the one delivered,
 * so a flicker back to `GetContact` is not a second delivery.
 */
function deliveryOf(snapshot: PositionSnapshot, call: CallFacts | null, held = false): Delivery | null {
  if (call === null || !recordOnPosition(snapshot, held)) return null;
  const contact = contactOf(snapshot);
  return contact === null ? null : { kind: 'contactDelivered', callId: call.callId, direction: call.direction, contact };
}

/**
 * The record still on the position after a call Position never showed live (see the header), or
 * `null`: only without a current call, and only when `IDLLAMADA_ULT` names the call it came with.
 */
function lateDeliveryOf(snapshot: PositionSnapshot, call: CallFacts | null, held = false): Delivery | null {
  const lastCall = snapshot.callIdLast?.trim();
  if (call !== null || lastCall === undefined || !/^\d+$/.test(lastCall) || /^0+$/.test(lastCall)) return null;
  if (!recordOnPosition(snapshot, held)) return null;
  const contact = contactOf(snapshot);
  if (contact === null) return null;
  return { kind: 'contactDelivered', callId: asBrand<CallId>(lastCall), direction: directionOf(snapshot.directionLast), contact, afterCall: true };
}

function recordOnPosition(snapshot: PositionSnapshot, held: boolean): boolean {
  const state = snapshot.crmState?.trim().toLowerCase() ?? '';
  return state === 'getcontact' || (held && state !== '' && state !== 'available');
}

function contactOf(snapshot: PositionSnapshot): DeliveredContact | null {
  const { base, contactId } = snapshot;
  if (base === undefined || contactId === undefined) return null;
  return {
    crm: snapshot.crm ?? 0,
    base,
    contactId,
    data: snapshot.data ?? '',
    keyLabel: 'DATA',
    phone: orNull(snapshot.phone ?? snapshot.ani),
    clave: orNull(snapshot.clave),
    searchField: orNull(snapshot.searchField),
    agendaId: orNull(snapshot.agendaId),
  };
}

function sameFacts(a: CallFacts, b: CallFacts): boolean {
  return (
    a.callId === b.callId && a.direction === b.direction && a.number === b.number && a.queue === b.queue &&
    a.campaign === b.campaign && a.callType === b.callType && a.clave === b.clave && samePlatformData(a.platformData, b.platformData) &&
    (a.channels ?? []).join('¦') === (b.channels ?? []).join('¦')
  );
}

/**
 * The facts that changed from `previous` to `next`, in the order the machine should apply them:
 * an ended call first, then campaign and break, then the new call and its record.
 */
export function positionEvents(previous: PositionSnapshot | null, next: PositionSnapshot, at: number): PositionSnapshotEvent[] {
  const events: PositionSnapshotEvent[] = [];
  const before = previous === null ? null : callOf(previous);
  const now = callOf(next);
  if (before !== null && before.callId !== now?.callId) events.push({ kind: 'platformCallEnded', callId: before.callId, at });
  if (previous === null || previous.outboundCampaign !== next.outboundCampaign) {
    events.push({ kind: 'campaignChanged', campaign: orNull(next.outboundCampaign), at });
  }
  if (previous === null || previous.breakSubtype !== next.breakSubtype) {
    events.push({ kind: 'breakChanged', subtype: orNull(next.breakSubtype), at });
  }
  if (now !== null && (before === null || !sameFacts(before, now))) events.push({ ...now, at });
  const delivered = previous === null ? null : (deliveryOf(previous, before, true) ?? lateDeliveryOf(previous, before, true));
  const delivery = deliveryOf(next, now) ?? lateDeliveryOf(next, now);
  const sameDelivery =
    delivered !== null && delivery !== null && delivered.callId === delivery.callId &&
    delivered.contact.base === delivery.contact.base && delivered.contact.contactId === delivery.contact.contactId;
  if (delivery !== null && !sameDelivery) events.push({ ...delivery, at });
  return events;
}

/**
 * Keys whose absence or garbage would make {@link positionEvents} invent an edge: a missing
 * `IDLLAMADA` reads as "no call" and would end the agent's call, a missing `SUBTIPO_DESCANSO`
 * would end a break.
 */
export const POSITION_REQUIRED_KEYS = ['IDLLAMADA', 'ESTADO_CRM', 'SUBTIPO_DESCANSO', 'SAL_CAMPAÑA_DEFAULT'] as const;

/**
 * Why a parsed Position must not be compared with the last one, or `null` when it can be.
 * Refused: not a string, truncated (no trailing `|`: `IDLLAMADA=88` may be `883545` cut short),
 * or a {@link POSITION_REQUIRED_KEYS} key missing or unreadable. The poller keeps the previous
 * snapshot instead, so no phantom call starts or ends.
 */
export function unusablePositionReason(parsed: ParsedPosition): string | null {
  const whole = parsed.problems.find((problem) => problem.index === -1 || problem.reason.includes('truncated'));
  if (whole !== undefined) return `Position payload refused: ${whole.reason}`;
  for (const key of POSITION_REQUIRED_KEYS) {
    if (!parsed.entries.has(key)) return `Position payload has no ${key} (expected every one of ${POSITION_REQUIRED_KEYS.join(', ')})`;
    const normalized = normalizePositionKey(key);
    const problem = parsed.problems.find((p) => p.key !== undefined && normalizePositionKey(p.key) === normalized);
    if (problem !== undefined) return `Position ${key} unreadable: ${problem.reason}`;
  }
  return null;
}
