/**
 * The agent + call state as data: a discriminated union on `phase`, with the parts that change
 * independently of the phase (phone registration, NeoApi health, break, campaign, requests in
 * flight) kept as fields rather than multiplied into phases.
 */
import type { CallControl } from './call-control-types.ts';
import type { CallFacts, Disposition } from './call-facts.ts';
import type { NeoUser, RequestId } from './ids.ts';

/** Every phase, in lifecycle order. The table test walks this list. */
export const PHASES = ['loggedOut', 'loggingIn', 'ready', 'dialing', 'ringing', 'connected', 'wrapUp', 'loggingOut'] as const;
/** A phase of the agent. */
export type Phase = (typeof PHASES)[number];

/** The SIP phone: `reconnecting` = WebSocket lost, sip.js is trying again (shown to the agent). */
export type PhoneStatus = 'down' | 'registering' | 'registered' | 'reconnecting';
/** NeoApi as seen by the platform status poller: `degraded` = polls failing, platform status facts are stale. */
export type NeoApiHealth = 'ok' | 'degraded';

/**
 * Break status. `pausing`/`unpausing` wait for NeoApi; a failure returns to the state before,
 * which these variants carry, so rolling back needs nothing else.
 */
export type BreakStatus =
  | { readonly kind: 'available' }
  | { readonly kind: 'pausing'; readonly subtype: number; readonly previous: OnBreak | null }
  | OnBreak
  | { readonly kind: 'unpausing'; readonly subtype: number; readonly since: number };

/** On a break of `subtype` since epoch ms `since`. */
export interface OnBreak {
  readonly kind: 'onBreak';
  readonly subtype: number;
  readonly since: number;
}

/** Outbound campaign status, shaped like {@link BreakStatus} for the same reason. */
export type CampaignStatus =
  | { readonly kind: 'none' }
  | { readonly kind: 'joining'; readonly id: number; readonly previous: InCampaign | null }
  | InCampaign
  | { readonly kind: 'leaving'; readonly id: number; readonly since: number };

/** In outbound campaign `id` since epoch ms `since`. */
export interface InCampaign {
  readonly kind: 'in';
  readonly id: number;
  readonly since: number;
}

/** What a logged-in agent carries through every phase. */
export interface Session {
  readonly user: NeoUser;
  /** `login(device=…)` as sent, e.g. `SIP/1001`. */
  readonly device: string;
  readonly loggedInAt: number;
  readonly availability: BreakStatus;
  readonly campaign: CampaignStatus;
  /** The agent holds new contacts (session-ops.ts `holdContacts`); absent = not held. */
  readonly contactsHeld?: boolean;
}

/** NeoApi operations the machine starts; a result is matched to one by its request id. */
export const OPERATIONS = [
  'login',
  'logout',
  'pause',
  'unpause',
  'enterCampaign',
  'leaveCampaign',
  'dial',
  'hangUp',
  'showingContact',
  'categorise',
  'schedule',
  /** A callback booked on its own (`schedulingMethod=scheduleCallback`), followed by `release`. */
  'scheduleCall',
  'release',
  /** Hold new contacts / take them again (session-ops.ts). */
  'holdContacts',
  'resumeContacts',
  // Transfers and conference (call-control.ts).
  'transfer',
  'completeTransfer',
  'endTransfer',
  'joinConference',
  'inviteParticipant',
  'kickParticipant',
  'kickAll',
] as const;
/** A platform operation of the machine (what a pending command is for). */
export type Operation = (typeof OPERATIONS)[number];

/** A platform command in flight. */
export interface PendingRequest {
  readonly id: RequestId;
  readonly op: Operation;
}

/** Fields every phase has. */
export interface Common {
  readonly phone: PhoneStatus;
  readonly neoApi: NeoApiHealth;
  /** Next request id; ids only grow, so a result of a forgotten request never matches a new one. */
  readonly nextRequest: number;
  readonly pending: readonly PendingRequest[];
}

/** Not logged in to the platform. */
export interface LoggedOut extends Common {
  readonly phase: 'loggedOut';
}

/**
 * Registering the phone, then `login`. The password is kept only while the phone registers
 * (Neotel refuses `login` for an unregistered device) and dropped once `login` is sent: never
 * persist a `loggingIn` state.
 */
export interface LoggingIn extends Common {
  readonly phase: 'loggingIn';
  readonly step: 'registering' | 'authenticating';
  readonly user: NeoUser;
  readonly device: string;
  readonly password: string | null;
  /** Campaign to enter right after `login`, when the agent chose one on the login form. */
  readonly campaign: number | null;
}

/** Logged in, no call. Break and campaign are in `session`. */
export interface Ready extends Common {
  readonly phase: 'ready';
  readonly session: Session;
}

/** `dial` sent; waiting for the platform to ring the agent's device. */
export interface Dialing extends Common {
  readonly phase: 'dialing';
  readonly session: Session;
  readonly call: CallFacts;
  readonly hangUpRequested: boolean;
}

/** A call offered to the agent: an INVITE ringing, or a delivered contact whose leg is on its way. */
export interface Ringing extends Common {
  readonly phase: 'ringing';
  readonly session: Session;
  readonly call: CallFacts;
  /** The leg will be (or was) answered without the agent: a platform leg and auto-answer on. */
  readonly autoAnswer: boolean;
  readonly answering: boolean;
}

/** The agent's leg is up (the customer may still be ringing after a dial). */
export interface Connected extends Common {
  readonly phase: 'connected';
  readonly session: Session;
  readonly call: CallFacts;
  readonly held: boolean;
  readonly muted: boolean;
  readonly hangUpRequested: boolean;
  /** Transfer or conference in progress (call-control.ts); `{ kind: 'none' }` otherwise. */
  readonly control: CallControl;
}

/** Wrap-up steps: what the agent is doing with the contact after the call. */
export type WrapUpStep = 'open' | 'categorising' | 'scheduling' | 'releasing';

/** The call ended; the agent categorises, schedules or releases, then becomes available. */
export interface WrapUp extends Common {
  readonly phase: 'wrapUp';
  readonly session: Session;
  readonly call: CallFacts;
  readonly step: WrapUpStep;
  /** A disposition sent but not yet confirmed, applied to `call` on success. */
  readonly proposed: Disposition | null;
  /** Epoch ms when the contact is released automatically (`automaticContactReleaseSeconds`). */
  readonly releaseDeadline: number | null;
}

/** `logout` sent. */
export interface LoggingOut extends Common {
  readonly phase: 'loggingOut';
  readonly session: Session;
}

/** The whole agent state. */
export type AgentState = LoggedOut | LoggingIn | Ready | Dialing | Ringing | Connected | WrapUp | LoggingOut;
/** Phases with a logged-in session. */
export type SessionState = Ready | Dialing | Ringing | Connected | WrapUp | LoggingOut;
/** Phases with a call. */
export type CallState = Dialing | Ringing | Connected | WrapUp;

/** The state of a page that just loaded: logged out, phone down, NeoApi assumed fine. */
export function initialState(): LoggedOut {
  return { phase: 'loggedOut', phone: 'down', neoApi: 'ok', nextRequest: 1, pending: [] };
}

/** Whether the state has a session (type guard). */
export function hasSession(state: AgentState): state is SessionState {
  return 'session' in state;
}

/** Whether the state has a call (type guard). */
export function hasCall(state: AgentState): state is CallState {
  return 'call' in state;
}
