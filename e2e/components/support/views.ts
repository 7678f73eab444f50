/**
 * Shell states for the agent-UI tests, one per phase, built with the real types so a change of
 * the contract breaks the tests at compile time rather than silently.
 */
import { NO_CONTROL, parseCallId, parseNeoUser, parseSipLegId, type AgentState, type CallControl, type CallFacts, type Session } from '../../../src/call/index.ts';
import type { Common } from '../../../src/call/state.ts';
import { newCall } from '../../../src/call/call-facts.ts';
import type { AgentPreferences, AgentView } from '../../../src/view/agent-view.ts';
import type { ShellState } from '../../../src/view/shell-state.ts';
import type { Language } from '../../../src/i18n/index.ts';
import { DEFAULT_PREFERENCES } from '../../../src/app/view-model.ts';
import { intentAvailabilityOf, offeredChoicesOf } from '../../../src/app/intent-availability.ts';
import type { MachineContext } from '../../../src/call/index.ts';

/** A queue name an attacker could set on the platform: must show as text. */
export const HOSTILE_QUEUE = '<img src=x onerror=alert(1)>';

/** Preferences of a browser that never saved any (the app's own defaults). */
export const NO_PREFS: AgentPreferences = DEFAULT_PREFERENCES;

const common: Common = { phone: 'registered', neoApi: 'ok', nextRequest: 5, pending: [] };
const agentUser = parseNeoUser('agent7');
if (!agentUser) throw new Error('parseNeoUser refused "agent7"');
/** A session logged in 65 s ago (times are taken when a state is built, so timers read true). */
export const session = (): Session => ({
  user: agentUser,
  device: 'SIP/1001',
  loggedInAt: Date.now() - 65_000,
  availability: { kind: 'available' },
  campaign: { kind: 'none' },
});

const baseView: Omit<AgentView, 'can'> = {
  agent: { ...common, phase: 'loggedOut', phone: 'down' },
  options: {
    breakTypes: [
      { id: 1, name: 'Coffee' },
      { id: 4, name: 'Lunch' },
    ],
    campaigns: [
      { id: 10, name: 'Renewals' },
      { id: 12, name: 'Winback <b>Q4</b>' },
    ],
    queues: [{ id: 3, name: HOSTILE_QUEUE }],
    categories: [
      { id: 1, name: 'Sale', subcategories: [{ id: 101, name: 'Sold' }, { id: 102, name: 'Call back' }] },
      { id: 2, name: 'No sale', subcategories: [{ id: 201, name: 'Not interested' }] },
    ],
    allowCategorization: true,
    allowContactRelease: true,
    callbackBooking: 'withDisposition',
    rememberUser: true,
    allowRememberDevicePassword: true,
    loginDeviceTemplate: 'SIP/{device}',
    defaultCountry: 'ES',
  },
  info: { lastCallId: '0', contactId: '', baseId: '', crmId: '', searchKey: '' },
  notices: [],
  tab: 'alone',
  prefs: NO_PREFS,
  devices: {
    microphones: [{ id: 'mic-1', label: 'Headset microphone' }],
    speakers: [{ id: 'spk-1', label: 'Headset earphones' }],
    canSelectOutput: true,
    microphonePermission: 'granted',
  },
  confirmLogout: false,
  dialError: null,
  record: null,
};

/** The ready shell around `agent`, with view fields overridden by `view`. */
export function shell(agent: AgentState, view: Partial<AgentView> = {}, language: Language = 'en'): ShellState {
  return {
    phase: 'ready',
    language,
    displayName: 'Dialtone',
    neoApiHost: '127.0.0.1:8090',
    sipHost: '127.0.0.1:5066',
    view: { ...baseView, ...view, agent, can: view.can ?? intentAvailabilityOf(agent, machineContextOf({ ...baseView.options, ...view.options }), 0, offeredChoicesOf({ ...baseView.options, ...view.options })) },
  };
}

/**
 * The machine's settings matching the view's options, so `can` is what the app would compute: the
 * buttons a test sees enabled are the ones the real machine accepts (src/app/intent-availability.ts).
 */
export function machineContextOf(options: AgentView['options']): MachineContext {
  return {
    config: {
      autoAnswerPlatformLegs: true,
      automaticContactReleaseSeconds: null,
      allowCategorization: options.allowCategorization,
      allowContactRelease: options.allowContactRelease,
      callbackBooking: options.callbackBooking,
      loginDeviceTemplate: options.loginDeviceTemplate,
    },
  };
}

const callId = parseCallId('4711');
/** The phone's leg of the call: a ringing card and a call card have one (the machine refuses Answer, Hold… without it). */
const legId = parseSipLegId('leg-4711');

/** A call of `direction` that started `agoMs` ago. */
export function call(direction: CallFacts['direction'], agoMs: number, facts: Partial<CallFacts> = {}): CallFacts {
  return newCall(direction, Date.now() - agoMs, { callId, legId, number: '+34600112233', ...facts });
}

export const states = {
  loggedOut: (): AgentState => ({ ...common, phase: 'loggedOut', phone: 'down' }),
  loggingIn: (): AgentState => ({ ...common, phase: 'loggingIn', phone: 'registering', step: 'registering', user: agentUser, device: 'SIP/1001', password: null, campaign: null }),
  ready: (over: Partial<Session> = {}): AgentState => ({ ...common, phase: 'ready', session: { ...session(), ...over } }),
  /** A manual dial just sent: the Ready session, with the outbound call not answered yet. */
  dialing: (): AgentState => ({ ...common, phase: 'dialing', session: session(), call: call('outbound', 1_000), hangUpRequested: false }),
  ringing: (): AgentState => ({
    ...common,
    phase: 'ringing',
    session: session(),
    call: call('inbound', 3_000, { queue: 3, campaign: 12 }),
    autoAnswer: true,
    answering: false,
  }),
  connected: (over: { held?: boolean; muted?: boolean; hangUpRequested?: boolean; control?: CallControl } = {}): AgentState => ({
    ...common,
    phase: 'connected',
    session: session(),
    call: call('outbound', 95_000, { answeredAt: Date.now() - 90_000 }),
    held: over.held ?? false,
    muted: over.muted ?? false,
    hangUpRequested: over.hangUpRequested ?? false,
    control: over.control ?? NO_CONTROL,
  }),
  wrapUp: (): AgentState => ({
    ...common,
    phase: 'wrapUp',
    session: session(),
    call: call('dialer', 200_000, {
      answeredAt: Date.now() - 190_000,
      endedAt: Date.now() - 20_000,
      endedBy: 'remote',
      contact: { crm: 9, base: 77, contactId: 5512, data: '0035g00000AbCdE', phone: '+34600112233', clave: null, searchField: null, agendaId: null },
    }),
    step: 'open',
    proposed: null,
    releaseDeadline: Date.now() + 45_000,
  }),
};
