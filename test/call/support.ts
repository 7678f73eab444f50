/**
 * Fixtures for the call machine tests: a context, one representative state per phase, one
 * representative event per kind, and a driver that runs a sequence of events and fails loudly
 * when one is refused. Ids are fixed so scenarios read like the wire: user 1001, call 100,
 * leg `leg-1`.
 */
import type { NeoRequest } from '../../src/platforms/neotel/contract.ts';
import { neoRequestOf } from '../../src/platforms/neotel/commands.ts';
import { expect } from 'vitest';
import {
  NO_CONTROL,
  initialState,
  parseCallId,
  parseNeoUser,
  parseSipLegId,
  transition,
  type AgentEvent,
  type AgentState,
  type CallFacts,
  type CallId,
  type DeliveredContact,
  type Effect,
  type EventKind,
  type EventOf,
  type MachineConfig,
  type MachineContext,
  type NeoUser,
  type Phase,
  type Ready,
  type RequestId,
  type Session,
  type SipLegId,
} from '../../src/call/index.ts';

function required<T>(value: T | null, what: string): T {
  if (value === null) throw new Error(`Test fixture ${what} did not parse.`);
  return value;
}

export const USER: NeoUser = required(parseNeoUser('1001'), 'user');
export const CALL: CallId = required(parseCallId('100'), 'call id');
export const OTHER_CALL: CallId = required(parseCallId('200'), 'call id');
export const LEG: SipLegId = required(parseSipLegId('leg-1'), 'leg id');
export const OTHER_LEG: SipLegId = required(parseSipLegId('leg-2'), 'leg id');
/** Epoch ms every fixture starts at; scenarios add seconds to it. */
export const T0 = 1_760_000_000_000;

/** The call center's defaults (seed): auto-answer platform legs, release by hand only. */
export const CONFIG: MachineConfig = {
  autoAnswerPlatformLegs: true,
  automaticContactReleaseSeconds: null,
  allowCategorization: true,
  allowContactRelease: true,
  callbackBooking: 'withDisposition',
  loginDeviceTemplate: 'SIP/{device}',
};

/** A context with some settings changed. */
export function contextWith(changes: Partial<MachineConfig> = {}): MachineContext {
  return { config: { ...CONFIG, ...changes } };
}

export const CONTEXT: MachineContext = contextWith();

export const CONTACT: DeliveredContact = {
  crm: 7,
  base: 3,
  contactId: 4567,
  data: '003000000000001AAA',
  phone: '1155550000',
  clave: null,
  searchField: null,
  agendaId: null,
};

export const SESSION: Session = {
  user: USER,
  device: 'SIP/1001',
  loggedInAt: T0,
  availability: { kind: 'available' },
  campaign: { kind: 'none' },
};

/** A call record with every field, for states that need one. */
export function callFacts(changes: Partial<CallFacts> = {}): CallFacts {
  return {
    callId: CALL,
    legId: LEG,
    direction: 'inbound',
    number: '1155550000',
    queue: null,
    campaign: null,
    contact: null,
    ivrData: null,
    platformLeg: false,
    startedAt: T0,
    answeredAt: null,
    endedAt: null,
    endedBy: null,
    disposition: null,
    popped: 'number',
    transfers: [],
    ...changes,
  };
}

const COMMON = { phone: 'registered', neoApi: 'ok', nextRequest: 10, pending: [] } as const;

/** A representative state of each phase: the one a user would most often be in. */
export const STATES: { readonly [P in Phase]: Extract<AgentState, { phase: P }> } = {
  loggedOut: { ...initialState(), phone: 'registered', nextRequest: 10 },
  loggingIn: { ...COMMON, phone: 'registering', phase: 'loggingIn', step: 'registering', user: USER, device: 'SIP/1001', password: 'secret', campaign: null },
  ready: { ...COMMON, phase: 'ready', session: SESSION },
  dialing: { ...COMMON, phase: 'dialing', session: SESSION, call: callFacts({ callId: null, legId: null, direction: 'outbound', popped: 'none' }), hangUpRequested: false },
  ringing: { ...COMMON, phase: 'ringing', session: SESSION, call: callFacts(), autoAnswer: false, answering: false },
  connected: { ...COMMON, phase: 'connected', session: SESSION, call: callFacts({ answeredAt: T0 + 5_000 }), held: false, muted: false, hangUpRequested: false, control: NO_CONTROL },
  wrapUp: {
    ...COMMON,
    phase: 'wrapUp',
    session: SESSION,
    call: callFacts({ direction: 'dialer', contact: CONTACT, answeredAt: T0 + 5_000, endedAt: T0 + 60_000, endedBy: 'remote', popped: 'contact' }),
    step: 'open',
    proposed: null,
    releaseDeadline: T0 + 90_000,
  },
  loggingOut: { ...COMMON, phase: 'loggingOut', session: SESSION },
};

/** Freezes a value and everything inside it, so a transition that mutates its input throws. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** A request id the fixtures never allocate, so a result carrying it is stale. */
export const UNKNOWN_REQUEST = 9_999 as RequestId;

type EventFactories = { readonly [K in EventKind]: (at: number) => EventOf<K> };

/** A representative event of each kind, about the fixtures' call and leg. */
export const EVENTS: EventFactories = {
  login: (at) => ({ kind: 'login', at, user: USER, device: '1001', password: 'secret', campaign: null }),
  logout: (at) => ({ kind: 'logout', at, force: false }),
  pause: (at) => ({ kind: 'pause', at, subtype: 1 }),
  unpause: (at) => ({ kind: 'unpause', at }),
  enterCampaign: (at) => ({ kind: 'enterCampaign', at, campaign: 5 }),
  leaveCampaign: (at) => ({ kind: 'leaveCampaign', at }),
  dial: (at) => ({ kind: 'dial', at, number: '1155550000' }),
  answer: (at) => ({ kind: 'answer', at }),
  reject: (at) => ({ kind: 'reject', at }),
  hangUp: (at) => ({ kind: 'hangUp', at }),
  hold: (at) => ({ kind: 'hold', at }),
  resume: (at) => ({ kind: 'resume', at }),
  mute: (at) => ({ kind: 'mute', at }),
  unmute: (at) => ({ kind: 'unmute', at }),
  sendDtmf: (at) => ({ kind: 'sendDtmf', at, digit: '5' }),
  categorise: (at) => ({ kind: 'categorise', at, subcategory: 12 }),
  scheduleCallback: (at) => ({ kind: 'scheduleCallback', at, subcategory: 12, when: '2026-12-05T10:00:00', phone: null, mine: true }),
  releaseContact: (at) => ({ kind: 'releaseContact', at }),
  available: (at) => ({ kind: 'available', at }),
  holdContacts: (at) => ({ kind: 'holdContacts', at, hold: true }),
  transfer: (at) => ({ kind: 'transfer', at, target: { kind: 'number', number: '1155550001' }, mode: 'blind' }),
  completeTransfer: (at) => ({ kind: 'completeTransfer', at }),
  endTransfer: (at) => ({ kind: 'endTransfer', at }),
  startConference: (at) => ({ kind: 'startConference', at }),
  inviteParticipant: (at) => ({ kind: 'inviteParticipant', at, target: { kind: 'user', user: '1002' } }),
  kickParticipant: (at) => ({ kind: 'kickParticipant', at, participant: 'SIP/1002-00000001' }),
  kickAll: (at) => ({ kind: 'kickAll', at }),
  sipRegistered: (at) => ({ kind: 'sipRegistered', at }),
  sipUnregistered: (at) => ({ kind: 'sipUnregistered', at }),
  sipRegistrationFailed: (at) => ({ kind: 'sipRegistrationFailed', at, reason: '403 Forbidden' }),
  sipTransportLost: (at) => ({ kind: 'sipTransportLost', at }),
  sipTransportRecovered: (at) => ({ kind: 'sipTransportRecovered', at }),
  sipIncoming: (at) => ({ kind: 'sipIncoming', at, legId: LEG, callId: CALL, leg: 'queue', answerAfterZero: false, from: '1155550000', queue: 4 }),
  sipAnswered: (at) => ({ kind: 'sipAnswered', at, legId: LEG }),
  sipEnded: (at) => ({ kind: 'sipEnded', at, legId: LEG, by: 'remote', reason: 'BYE' }),
  sipHoldChanged: (at) => ({ kind: 'sipHoldChanged', at, legId: LEG, held: true }),
  sipMuteChanged: (at) => ({ kind: 'sipMuteChanged', at, legId: LEG, muted: true }),
  sipActionFailed: (at) => ({ kind: 'sipActionFailed', at, legId: LEG, action: 'hold', message: 're-INVITE 488' }),
  platformCallStarted: (at) => ({ kind: 'platformCallStarted', at, callId: CALL, direction: 'inbound', number: '1155550000', queue: 4, campaign: null, callType: null, clave: null }),
  platformCallEnded: (at) => ({ kind: 'platformCallEnded', at, callId: CALL }),
  contactDelivered: (at) => ({ kind: 'contactDelivered', at, callId: CALL, direction: 'outbound', contact: CONTACT }),
  breakChanged: (at) => ({ kind: 'breakChanged', at, subtype: 2 }),
  campaignChanged: (at) => ({ kind: 'campaignChanged', at, campaign: 5 }),
  loggedOutByPlatform: (at) => ({ kind: 'loggedOutByPlatform', at, message: 'Position: 1001 not logged.' }),
  platformDegraded: (at) => ({ kind: 'platformDegraded', at, reason: 'timeout' }),
  platformRecovered: (at) => ({ kind: 'platformRecovered', at }),
  clickedContactFound: (at) => ({ kind: 'clickedContactFound', at, contact: CONTACT, clickedAt: T0 }),
  autoReleaseElapsed: (at) => ({ kind: 'autoReleaseElapsed', at, callId: CALL }),
  commandSucceeded: (at) => ({ kind: 'commandSucceeded', at, requestId: UNKNOWN_REQUEST, op: 'dial', value: true }),
  commandFailed: (at) => ({ kind: 'commandFailed', at, requestId: UNKNOWN_REQUEST, op: 'dial', failure: { code: 'REFUSED', detail: 'Server was unable to process request.' } }),
};

/** The representative event of `kind` at `at`. */
export function eventOf(kind: EventKind, at = T0 + 100_000): AgentEvent {
  return EVENTS[kind](at);
}

/** Runs an event that must be accepted; fails the test with the refusal otherwise. */
export function step(state: AgentState, event: AgentEvent, context: MachineContext = CONTEXT): { state: AgentState; effects: readonly Effect[] } {
  const result = transition(deepFreeze(state), event, context);
  if (!result.ok) throw new Error(`Expected ${event.kind} to be accepted in ${state.phase}, refused ${result.error.code}: ${result.error.message}`);
  return { state: result.state, effects: result.effects };
}

/**
 * A platform command effect with the NeoApi request the Neotel adapter sends for it: the machine's
 * tests keep asserting on the wire, through the real mapping (src/platforms/neotel/commands.ts).
 */
export type NeoEffect = Extract<Effect, { kind: 'platform' }> & { readonly request: NeoRequest };

/** The platform effects in a list, each with its NeoApi request. */
export function neoapiEffects(effects: readonly Effect[]): NeoEffect[] {
  return effects.flatMap((effect) => (effect.kind === 'platform' ? [{ ...effect, request: neoRequestOf(effect.command) }] : []));
}

/** The one platform request the effects carry (fails when there is not exactly one). */
export function onlyRequest(effects: readonly Effect[]): NeoEffect {
  const requests = neoapiEffects(effects);
  expect(requests, 'exactly one NeoApi request').toHaveLength(1);
  const [request] = requests;
  if (request === undefined) throw new Error('No NeoApi request in the effects.');
  return request;
}

/** The success event for a request effect. */
export function succeeded(request: Pick<NeoEffect, 'requestId' | 'op'>, at: number, value: boolean | string | null = null): AgentEvent {
  return { kind: 'commandSucceeded', at, requestId: request.requestId, op: request.op, value };
}

/** The failure event for a request effect. */
export function failed(request: Pick<NeoEffect, 'requestId' | 'op'>, at: number, message = 'Server was unable to process request.', notLogged = false): AgentEvent {
  return { kind: 'commandFailed', at, requestId: request.requestId, op: request.op, failure: { code: notLogged ? 'NOT_LOGGED_IN' : 'REFUSED', detail: message } };
}

/** The effect kinds of a list, in order, for compact expectations. */
export function kinds(effects: readonly Effect[]): string[] {
  return effects.map((effect) => (effect.kind === 'sip' ? `sip:${effect.action}` : effect.kind === 'platform' ? `neoapi:${neoRequestOf(effect.command).method}` : effect.kind === 'notify' ? `notify:${effect.notice}` : effect.kind));
}

/** Logs in through the real flow: register the phone, then Login. */
export function loggedIn(campaign: number | null = null): Ready {
  const asked = step(initialState(), { kind: 'login', at: T0, user: USER, device: '1001', password: 'secret', campaign });
  const registered = step(asked.state, { kind: 'sipRegistered', at: T0 + 200 });
  const done = step(registered.state, succeeded(onlyRequest(registered.effects), T0 + 400));
  if (done.state.phase !== 'ready') throw new Error(`Login ended in ${done.state.phase}, expected ready.`);
  return done.state;
}
