/**
 * Everything that can happen to the agent, as data. Four sources: the SIP phone, the platform
 * (its facts, edge-triggered: a call started or ended, a contact delivered, a break changed…), the
 * agent's intents, and the results of the platform commands the machine asked for. Every event carries `at` (epoch ms) because
 * the machine never reads a clock.
 */
import type { CallId, NeoUser, RequestId, SipLegId } from './ids.ts';
import type { ConferenceTarget, TransferMode, TransferTarget } from './call-control-types.ts';
import type { DeliveredContact, PlatformCallData } from './call-facts.ts';
import type { CommandFailure } from './platform.ts';
import type { SessionIntent } from './session-intents.ts';
import { SESSION_INTENT_KINDS } from './session-intents.ts';
import type { Operation } from './state.ts';

interface At {
  /** When it happened, epoch milliseconds, from the app's clock. */
  readonly at: number;
}

// ── SIP phone ───────────────────────────────────────────────────────────────────────────────
/** The phone registered (first time or again after a transport recovery). */
export interface SipRegistered extends At { readonly kind: 'sipRegistered' }
/** The phone is no longer registered (unregister done, or the registrar dropped it). */
export interface SipUnregistered extends At { readonly kind: 'sipUnregistered' }
/** Registration was refused or timed out. */
export interface SipRegistrationFailed extends At { readonly kind: 'sipRegistrationFailed'; readonly reason: string }
/**
 * The phone stopped being reachable and is getting back by itself: the WebSocket dropped
 * (`transport`; media of a call may still flow), or the registrar refused a refresh or let the
 * binding expire (`registration`; callers get 404/480 until it registers again).
 */
export interface SipTransportLost extends At { readonly kind: 'sipTransportLost'; readonly cause?: 'transport' | 'registration' }
/** The WebSocket is back (registration follows as `sipRegistered`). */
export interface SipTransportRecovered extends At { readonly kind: 'sipTransportRecovered' }

/** `X-Neotel-Leg`: `platform` = originated by the platform (dial, dialer), `queue` = a queued call. */
export type LegKind = 'platform' | 'queue' | 'unknown';

/** An INVITE reached the phone. */
export interface SipIncoming extends At {
  readonly kind: 'sipIncoming';
  readonly legId: SipLegId;
  /** `X-Neotel-CallId`, when the PBX sends it. */
  readonly callId: CallId | null;
  readonly leg: LegKind;
  /** `Call-Info: …;answer-after=0`. */
  readonly answerAfterZero: boolean;
  /** The caller's number (P-Asserted-Identity, Remote-Party-ID, else the From user), or the dialled number on a dial leg. */
  readonly from: string | null;
  /** The caller's display name from the same header, shown while no Salesforce record matches. */
  readonly fromName?: string | null;
  /** `X-Neotel-Queue`, when sent. */
  readonly queue: number | null;
  /** The queue's name as the INVITE of a queue leg gave it (its From display name), when given. */
  readonly queueName?: string | null;
  /**
   * The phone is already answering this leg: it asked the machine ({@link ../auto-answer.ts}
   * `answersAtOnce`) inside the INVITE's own task and started the 200 OK. Absent = it rings, and
   * the machine decides.
   */
  readonly answering?: boolean;
}
/** The leg was answered (by the agent or automatically). */
export interface SipAnswered extends At { readonly kind: 'sipAnswered'; readonly legId: SipLegId }
/** The leg ended: `local` = we sent BYE/CANCEL/reject, `remote` = the other side did. */
export interface SipEnded extends At {
  readonly kind: 'sipEnded';
  readonly legId: SipLegId;
  readonly by: 'local' | 'remote';
  readonly reason: string | null;
}
/** The hold state of the leg changed (re-INVITE done). */
export interface SipHoldChanged extends At { readonly kind: 'sipHoldChanged'; readonly legId: SipLegId; readonly held: boolean }
/** The microphone of the leg was muted or unmuted. */
export interface SipMuteChanged extends At { readonly kind: 'sipMuteChanged'; readonly legId: SipLegId; readonly muted: boolean }
/** A SIP action the machine asked for failed (answer, hold, DTMF…). */
export interface SipActionFailed extends At {
  readonly kind: 'sipActionFailed';
  readonly legId: SipLegId | null;
  readonly action: string;
  readonly message: string;
}

// ── platform status poller ─────────────────────────────────────────────────────────────────────────
/** The platform status shows a call (`platform call id` ≠ 0), or new facts about it. */
export interface PlatformCallStarted extends At {
  readonly kind: 'platformCallStarted';
  readonly callId: CallId;
  /** From `direction`: `ENTRANTE` → inbound, `SALIENTE` → outbound; `null` when blank. */
  readonly direction: 'inbound' | 'outbound' | null;
  readonly number: string | null;
  readonly queue: number | null;
  readonly campaign: number | null;
  /** `call type` (`Manual`, `OriginateExt`, …). */
  readonly callType: string | null;
  /** IVR data from the platform status. */
  readonly clave: string | null;
  /** Dialer, call reason, outbound campaign and recording file, when the platform gives them. */
  readonly platformData?: PlatformCallData;
  /**
   * The platform status `associated channels`: channels of the other parties that are up (customer, consulted
   * party, conference participants), read while the call is a conference (`conference` set);
   * absent otherwise.
   */
  readonly channels?: readonly string[];
}
/** `platform call id` went back to 0 (or changed): the call is over on the platform. */
export interface PlatformCallEnded extends At { readonly kind: 'platformCallEnded'; readonly callId: CallId }
/** `contact state=GetContact` for a new `platform call id`/`contact id`: a record to pop. */
export interface ContactDelivered extends At {
  readonly kind: 'contactDelivered';
  readonly callId: CallId | null;
  readonly direction: 'inbound' | 'outbound' | null;
  readonly contact: DeliveredContact;
  /**
   * The platform named the contact only once call `callId` was already over (a call shorter than
   * the platform status interval is never seen live). Only that call may take it — its wrap-up,
   * or the call itself while the hang-up is on its way; it never offers a call of its own.
   */
  readonly afterCall?: true;
}
/** `break type` changed (0 → `null`). */
export interface BreakChanged extends At { readonly kind: 'breakChanged'; readonly subtype: number | null }
/** `default campaign exit` changed (0 → `null`). */
export interface CampaignChanged extends At { readonly kind: 'campaignChanged'; readonly campaign: number | null }
/** The platform status answered `… not logged.`: the platform logged the agent out. */
export interface LoggedOutByPlatform extends At { readonly kind: 'loggedOutByPlatform'; readonly message: string }
/** Polls are failing (timeouts, 500s other than `not logged.`). */
export interface PlatformDegraded extends At { readonly kind: 'platformDegraded'; readonly reason: string }
/** Polls succeed again. */
export interface PlatformRecovered extends At { readonly kind: 'platformRecovered' }

// ── Agent intents ───────────────────────────────────────────────────────────────────────────
/** Log in on `device` (the SIP user, e.g. `1001`; the login template makes `SIP/1001`). */
export interface LoginIntent extends At {
  readonly kind: 'login';
  readonly user: NeoUser;
  readonly device: string;
  readonly password: string;
  readonly campaign: number | null;
}
/** Log out; `force` confirms it during a call or an unfinished wrap-up (the machine warns first). */
export interface LogoutIntent extends At { readonly kind: 'logout'; readonly force: boolean }
/** Start a break of sub-type `subtype`. */
export interface PauseIntent extends At { readonly kind: 'pause'; readonly subtype: number }
/** End the break. */
export interface UnpauseIntent extends At { readonly kind: 'unpause' }
/** Enter the outbound campaign `campaign`. */
export interface EnterCampaignIntent extends At { readonly kind: 'enterCampaign'; readonly campaign: number }
/** Leave the current outbound campaign. */
export interface LeaveCampaignIntent extends At { readonly kind: 'leaveCampaign' }
/** Manual dial / click-to-dial of `number` (already normalised for the dial plan). */
export interface DialIntent extends At {
  readonly kind: 'dial';
  readonly number: string;
  /**
   * The Neotel contact of the Salesforce record clicked to dial (`allowClickToDialSearch`): the
   * call carries it, so it can be categorised and scheduled like a delivered one.
   */
  readonly contact?: DeliveredContact;
}
/** Answer the ringing call. */
export interface AnswerIntent extends At { readonly kind: 'answer' }
/** Decline the ringing call. */
export interface RejectIntent extends At { readonly kind: 'reject' }
/** End the call (or cancel a dial). */
export interface HangUpIntent extends At { readonly kind: 'hangUp' }
/** Put the customer on hold. */
export interface HoldIntent extends At { readonly kind: 'hold' }
/** Take the customer off hold. */
export interface ResumeIntent extends At { readonly kind: 'resume' }
/** Mute the agent's microphone. */
export interface MuteIntent extends At { readonly kind: 'mute' }
/** Unmute the agent's microphone. */
export interface UnmuteIntent extends At { readonly kind: 'unmute' }
/** Send one DTMF digit (`0-9`, `*`, `#`, `A-D`). */
export interface SendDtmfIntent extends At { readonly kind: 'sendDtmf'; readonly digit: string }
/** Categorise the contact with a Neotel sub-category (`categorise.disposition`). */
export interface CategoriseIntent extends At { readonly kind: 'categorise'; readonly subcategory: number }
/** Categorise and schedule a callback at `when` (`YYYY-MM-DDTHH:mm:ss`, platform wall time). */
export interface ScheduleCallbackIntent extends At {
  readonly kind: 'scheduleCallback';
  readonly subcategory: number;
  readonly when: string;
  /** Number to call back; `null` = the contact's phone. */
  readonly phone: string | null;
  /** Callback for this agent only (`own callback`); otherwise any agent of the campaign. */
  readonly mine: boolean;
}
/** Release the contact without categorising it (`allowContactRelease`). */
export interface ReleaseContactIntent extends At { readonly kind: 'releaseContact' }
/** "Play": done with the contact, available for the next one (`release`). */
export interface AvailableIntent extends At { readonly kind: 'available' }
/** Transfer the call to `target`, blind (the agent leaves) or attended (consult first). */
export interface TransferIntent extends At { readonly kind: 'transfer'; readonly target: TransferTarget; readonly mode: TransferMode }
/** Attended transfer: connect the customer with the consulted party; the agent leaves. */
export interface CompleteTransferIntent extends At { readonly kind: 'completeTransfer' }
/** Attended transfer: "fin de transferencia", drop the consulted party and return to the customer. */
export interface EndTransferIntent extends At { readonly kind: 'endTransfer' }
/** Turn the call into a conference (`startConference`). */
export interface StartConferenceIntent extends At { readonly kind: 'startConference' }
/** Invite one number or platform user into the conference. */
export interface InviteParticipantIntent extends At { readonly kind: 'inviteParticipant'; readonly target: ConferenceTarget }
/** Remove participant `participant` (the id `invite` answered). */
export interface KickParticipantIntent extends At { readonly kind: 'kickParticipant'; readonly participant: string }
/** Remove every participant: the conference ends, the customer stays with the agent. */
export interface KickAllIntent extends At { readonly kind: 'kickAll' }
/**
 * The Neotel contact of the record the agent clicked to dial arrived (`allowClickToDialSearch`):
 * the dial was sent at once, without waiting for it, and the outbound call started at or after
 * `clickedAt` takes it, so the wrap-up can categorise and schedule it.
 */
export interface ClickedContactFound extends At { readonly kind: 'clickedContactFound'; readonly contact: DeliveredContact; readonly clickedAt: number }
/** The automatic-release countdown the machine started has elapsed. */
export interface AutoReleaseElapsed extends At { readonly kind: 'autoReleaseElapsed'; readonly callId: CallId | null }

// ── Platform command results ────────────────────────────────────────────────────────────────
/** A platform command the machine asked for succeeded; `value` = what it answered (a boolean, an id…). */
export interface CommandSucceeded extends At {
  readonly kind: 'commandSucceeded';
  readonly requestId: RequestId;
  readonly op: Operation;
  readonly value: boolean | string | null;
}
/** A platform command failed; `NOT_LOGGED_IN` means the platform logged the agent out. */
export interface CommandFailed extends At {
  readonly kind: 'commandFailed';
  readonly requestId: RequestId;
  readonly op: Operation;
  readonly failure: CommandFailure;
}

/** Every event the machine understands. */
export type AgentEvent =
  | SipRegistered | SipUnregistered | SipRegistrationFailed | SipTransportLost | SipTransportRecovered
  | SipIncoming | SipAnswered | SipEnded | SipHoldChanged | SipMuteChanged | SipActionFailed
  | PlatformCallStarted | PlatformCallEnded | ContactDelivered | BreakChanged
  | CampaignChanged | LoggedOutByPlatform | PlatformDegraded | PlatformRecovered
  | LoginIntent | LogoutIntent | PauseIntent | UnpauseIntent | EnterCampaignIntent | LeaveCampaignIntent
  | DialIntent | AnswerIntent | RejectIntent | HangUpIntent | HoldIntent | ResumeIntent | MuteIntent
  | UnmuteIntent | SendDtmfIntent | CategoriseIntent | ScheduleCallbackIntent | ReleaseContactIntent
  | AvailableIntent | SessionIntent | ClickedContactFound | AutoReleaseElapsed | CommandSucceeded | CommandFailed
  | TransferIntent | CompleteTransferIntent | EndTransferIntent | StartConferenceIntent | InviteParticipantIntent
  | KickParticipantIntent | KickAllIntent;

/** An event kind. */
export type EventKind = AgentEvent['kind'];
/** The event of kind `K`. */
export type EventOf<K extends EventKind> = Extract<AgentEvent, { kind: K }>;

/** Intents: the agent asked. Only these may be refused with an error. */
export const INTENT_KINDS = [
  'login', 'logout', 'pause', 'unpause', 'enterCampaign', 'leaveCampaign', 'dial', 'answer', 'reject',
  'hangUp', 'hold', 'resume', 'mute', 'unmute', 'sendDtmf', 'categorise', 'scheduleCallback',
  'releaseContact', 'available', ...SESSION_INTENT_KINDS,
  'transfer', 'completeTransfer', 'endTransfer', 'startConference', 'inviteParticipant', 'kickParticipant', 'kickAll',
] as const satisfies readonly EventKind[];

/** Facts: they happened, so they are applied or ignored (stale, duplicate) but never refused. */
export const FACT_KINDS = [
  'sipRegistered', 'sipUnregistered', 'sipRegistrationFailed', 'sipTransportLost', 'sipTransportRecovered',
  'sipIncoming', 'sipAnswered', 'sipEnded', 'sipHoldChanged', 'sipMuteChanged', 'sipActionFailed',
  'platformCallStarted', 'platformCallEnded', 'contactDelivered', 'breakChanged',
  'campaignChanged', 'loggedOutByPlatform', 'platformDegraded', 'platformRecovered',
  'clickedContactFound', 'autoReleaseElapsed', 'commandSucceeded', 'commandFailed',
] as const satisfies readonly EventKind[];

/** Every event kind; the table test crosses this list with {@link PHASES}. */
export const EVENT_KINDS: readonly EventKind[] = [...INTENT_KINDS, ...FACT_KINDS];

/** Whether the event is an agent intent (type guard). */
export function isIntent(event: AgentEvent): event is Extract<AgentEvent, { kind: (typeof INTENT_KINDS)[number] }> {
  return (INTENT_KINDS as readonly string[]).includes(event.kind);
}
