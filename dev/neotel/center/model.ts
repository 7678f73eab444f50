/**
 * The state of the simulated contact center: agent sessions (what Position shows), calls and the
 * parties in them. Plain data; the behaviour lives in the modules next to this one.
 *
 * A call's life:
 *
 *   queued ──offer──► ringing ──agent answers──► (dialing ──customer answers──►) up ──► ended
 *      ▲                 │ declined / no answer                                    ▲
 *      └─────────────────┘ (inbound: back to the queue)        hang-up, either side ┘
 *
 * `dialing` only exists for legs the platform places after the agent answered (Dial, Preview).
 */
import type { AgentLeg, CustomerLeg, Leg, Room } from '../pbx/types.ts';
import type { CampaignSpec, UserSpec } from '../scenario/schema.ts';

/** `ESTADO_CRM`. `Available` and `GetContact` are observed; the others are scenario-configurable choices. */
export type CrmStateName = string;

/** The CRM record on the agent's screen: Position `CRM/BASE/IDCONTACTO/DATA/…`. */
export interface CrmRecord {
  readonly crm: number;
  readonly base: number;
  readonly contactId: number;
  readonly data: string;
  readonly searchField: string;
  readonly agendaId: string;
  /** Call data that travels with the record (`CLAVE`), e.g. the CLAVESF `idContacto-Data`. */
  readonly clave: string;
}

export type CallKind = 'manual' | 'inbound' | 'dialer' | 'monitor';
export type CallPhase = 'queued' | 'ringing' | 'dialing' | 'up' | 'ended';
export type SubState = '' | 'RINGING' | 'DIALING' | 'AGENT';

/** A leg in a call other than the owning agent's. */
export interface Party {
  /** Participant id = its channel name (`SIP/NEOTRUNK-0000266b`, `SIP/1002-0000266c`). */
  readonly id: string;
  readonly leg: Leg;
  readonly role: 'customer' | 'consult' | 'participant';
  /** What was asked for: a number, a user id or a device. */
  readonly destination: string;
  /** Set when the party is a platform user (an agent leg). */
  readonly user?: string;
  muted: boolean;
}

export interface MonitorLink {
  readonly agent: string;
  mode: 'listen' | 'assist' | 'barge';
}

export interface Call {
  readonly id: string;
  readonly kind: CallKind;
  /** `DIRECCION`; empty for a supervisor's monitoring leg. */
  direction: 'ENTRANTE' | 'SALIENTE' | '';
  /** `TIPO_LLAMADA`: `Manual`, `OriginateExt`, `NotSet`, `Transfer`, `Monitor`. */
  callType: string;
  /** `ORIGEN_LLAMADA`: `NO PROCESADO`, `AGENDA`, … (dialer calls). */
  origin: string;
  campaign: number;
  queue: number;
  dnis: string;
  /** The customer's number (`ANI` inbound, `TELEFONO` outbound). */
  readonly number: string;
  clave: string;
  record: CrmRecord | undefined;
  /** The user whose position owns the call, if any. */
  agent: string | undefined;
  /** The dialer's agent while the customer is being called (before the agent leg exists). */
  reservedAgent: string | undefined;
  agentLeg: AgentLeg | undefined;
  agentChannel: string;
  customer: Party | undefined;
  consult: Party | undefined;
  participants: Party[];
  conference: boolean;
  /** Monitor calls: who is being monitored and how. */
  monitor: MonitorLink | undefined;
  phase: CallPhase;
  subState: SubState;
  readonly startedAt: number;
  answeredAt: number | undefined;
  endedAt: number | undefined;
  endReason: string;
  recording: boolean;
  recordingFile: string;
  /** `TELEFONO_DESVIO`: where a transfer is going. */
  transferTo: string;
  readonly room: Room;
  digitsSent: string;
  digitsReceived: string;
  /** Users that declined or missed this call while it waited in a queue. */
  readonly triedAgents: Set<string>;
  readonly events: { at: number; what: string }[];
  /** Called once when the call ends (timers to clear). */
  readonly cleanups: (() => void)[];
  /** Preview dialer: dials the customer when the agent reports the record on screen. */
  onShowingContact: (() => void) | undefined;
}

/** The `_ULT` ("last") values, kept after the call. */
export interface LastCallFields {
  subState: SubState;
  campaign: number;
  queue: number;
  phone: string;
  callType: string;
  origin: string;
  direction: string;
  callId: string;
}

/** A logged-in user: everything Position shows. */
export interface AgentSession {
  readonly user: UserSpec;
  readonly device: string;
  readonly loginAt: number;
  campaign: CampaignSpec | undefined;
  campaignLoginAt: number | undefined;
  breakSubtype: number;
  breakStartedAt: number | undefined;
  breakEndedAt: number | undefined;
  crmState: CrmStateName;
  crmSince: number | undefined;
  record: CrmRecord | undefined;
  call: Call | undefined;
  last: LastCallFields;
  lastCallStartedAt: number | undefined;
  /** The dialer picked this agent and is calling the customer (not visible in Position yet). */
  reserved: boolean;
  /** When the agent last became free; the longest-idle agent gets the next inbound call. */
  idleSince: number;
  /** Ids of calls already delivered as GetContact, so a delivery happens once per IDLLAMADA. */
  readonly delivered: Set<string>;
}

/** A customer leg plus its channel, before it becomes a {@link Party}. */
export interface CustomerPartyInput {
  readonly leg: CustomerLeg;
  readonly destination: string;
}
