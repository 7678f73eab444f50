import type { SessionDescriptionHandlerFactory, UserAgent, UserAgentOptions } from 'sip.js';
import type { ConnectionConfig } from '../config/config-types.ts';
import type { SipPhoneError } from './errors.ts';
import type { IncomingCallInfo } from './incoming-call.ts';
import type { BackoffOptions } from './reconnect-backoff.ts';
import type { DtmfTiming } from './dtmf-timing.ts';

/**
 * Registration state of the phone:
 *
 * ```
 *  unregistered ──register()──► registering ──200──► registered
 *       ▲                          │  401/403/404/timeout          │ WebSocket dropped
 *       │                          ▼                               ▼
 *       └──unregister()────── failed ◄──max attempts── reconnecting ──reconnect + 200──► registered
 * ```
 */
export type RegistrationState = 'unregistered' | 'registering' | 'registered' | 'reconnecting' | 'failed';

/**
 * Phase of the current call. An incoming call starts `ringing` (we may answer), an outgoing one
 * `calling` (our INVITE is out, the far end may answer):
 *
 * ```
 *  incoming:  ringing ──answer()──► answering ──ACK──► established ──► ended
 *  outgoing:  calling ─────────────200 OK──────────► established ──► ended
 * ```
 */
export type CallPhase = 'ringing' | 'calling' | 'answering' | 'established' | 'ended';

/** Who sent the INVITE: the PBX/far end (`incoming`) or this phone, by `call()` (`outgoing`). */
export type CallDirection = 'incoming' | 'outgoing';

/** Why a call ended. */
export type CallEndReason =
  /** We hung up: BYE once up, CANCEL while our outgoing call was still unanswered. */
  | 'local-hangup'
  /** The far end sent BYE. */
  | 'remote-hangup'
  /** We rejected it while ringing (486/480). */
  | 'rejected'
  /** The caller (PBX) cancelled before it was answered: CANCEL. */
  | 'cancelled'
  /** The far end refused our outgoing call with a final 4xx-6xx (486 Busy, 404…): see `finalStatusCode`. */
  | 'refused'
  /** Answering, media or signalling failed (see `detail`). */
  | 'failed'
  /** We handed the call to someone else with a REFER the far end carried out (blind or attended transfer). */
  | 'transferred';

/**
 * The current call, as a read-only snapshot. For an outgoing call `callerNumber` is the user part
 * dialled (the far party), `leg` is `unknown` and `platformCallId` null.
 */
export interface CallSnapshot extends IncomingCallInfo {
  readonly direction: CallDirection;
  readonly phase: CallPhase;
  readonly onHold: boolean;
  readonly muted: boolean;
  /** The WebSocket dropped during the call: signalling (BYE, hold) may not reach the PBX any more. */
  readonly atRisk: boolean;
  /** `performance.now()` when the INVITE arrived (or was started, outgoing) / the call was established. */
  readonly receivedAt: number;
  readonly establishedAt: number | null;
  /**
   * SIP status of the final response that ended the call before it was up: the far end's refusal
   * of our INVITE (`refused`: 486, 404…) or our own reject of an incoming one (486/480); else null.
   */
  readonly finalStatusCode: number | null;
}

/** The events of {@link SipPhone}; subscribe with `phone.on(name, listener)`. */
export interface SipPhoneEvents {
  /** Registration state changed; `error` says why when it is `failed` or `reconnecting`. */
  'registration': (state: RegistrationState, error?: SipPhoneError) => void;
  /** An INVITE arrived. `autoAnswer` is true when the phone is answering it by itself. Not emitted for `call()`. */
  'incoming': (call: CallSnapshot, autoAnswer: boolean) => void;
  /** The ringtone started (true) or stopped (false). */
  'ringing': (ringing: boolean) => void;
  /** The call is up (incoming: our 200 OK was ACKed; outgoing: the far end's 200 OK arrived). */
  'established': (call: CallSnapshot) => void;
  /** Hold, mute or at-risk flag changed. */
  'call-updated': (call: CallSnapshot) => void;
  /** The WebSocket dropped while a call was up: the call may be lost; the app should tell the agent. */
  'call-transport-lost': (call: CallSnapshot) => void;
  /** The call is over. */
  'ended': (call: CallSnapshot, reason: CallEndReason, detail?: string) => void;
  /** A DTMF digit went out by RFC 4733. */
  'dtmf-sent': (call: CallSnapshot, digit: string) => void;
  /** A failure not tied to a method call (auto-answer failed, re-register after reconnect failed…). */
  'error': (error: SipPhoneError) => void;
  /**
   * The consult call (second line, `consult()`) changed: calling, established, ended. The main
   * call's events above never describe it; `phase: 'ended'` is its last report.
   */
  'consult-updated': (call: CallSnapshot) => void;
  /** The browser-mixed three-party conference started (true) or stopped (false). */
  'conference': (active: boolean) => void;
  /** A REFER's progress: `accepted` (202), then `completed` (the transferee reached the target) or `failed`. */
  'transfer': (state: TransferProgress, detail: string) => void;
}

/** What became of a REFER: see {@link SipPhoneEvents.transfer}. */
export type TransferProgress = 'accepted' | 'completed' | 'failed';

/**
 * How DTMF digits travel: `rfc4733` (RTP telephone-events, the default) or `info` (SIP INFO with
 * `application/dtmf-relay`, for PBXes or trunks that drop RFC 4733: a per-deployment fallback).
 */
export type DtmfTransport = 'rfc4733' | 'info';

/** While the agent is not ready, inbound INVITEs are refused with one of these (never 603 Decline). */
export type NotReadyRefusal = 486 | 480;

/** The device the phone registers as. */
export interface SipCredentials {
  /** SIP user of the device, e.g. `1001` for `SIP/1001`. */
  readonly user: string;
  readonly password: string;
  /** Digest user name when it differs from `user`. */
  readonly authorizationUser?: string;
  /** Display name in From headers. */
  readonly displayName?: string;
}

/** The slice of the call-center connection config the phone reads. */
export type SipConnectionSettings = Pick<ConnectionConfig, 'sipWebSocketUrl' | 'sipDomain' | 'iceServers' | 'iceGatheringTimeoutMs' | 'autoAnswerPlatformLegs'>;

/** Builds the sip.js UserAgent (the test seam; default `new UserAgent(options)`). */
export type UserAgentFactory = (options: UserAgentOptions) => UserAgent;

/** What the phone's browser surroundings provide (tests replace parts of it). */
export interface MediaEnvironment {
  readonly getUserMedia: (constraints: MediaStreamConstraints) => Promise<MediaStream>;
  readonly enumerateDevices: () => Promise<MediaDeviceInfo[]>;
  /** Where the phone appends its hidden `<audio>` elements (default `document.body`). */
  readonly container: () => HTMLElement;
}

/** Options of {@link SipPhone}. */
export interface SipPhoneOptions {
  readonly connection: SipConnectionSettings;
  readonly credentials: SipCredentials;
  /** REGISTER expiry, seconds (default 300; the PBX clamps to 60–3600). */
  readonly registerExpiresSeconds?: number;
  /** Give up on a REGISTER after this many ms (default 10 000). */
  readonly registerTimeoutMs?: number;
  /** Reconnect schedule after a dropped WebSocket. */
  readonly reconnect?: Partial<BackoffOptions>;
  readonly dtmfTiming?: Partial<DtmfTiming>;
  /**
   * When true, `sendDtmf` refuses with `dtmf-unavailable` so the app sends digits with NeoApi
   * `SendDTMF` (for PBXes that ignore RFC 4733). Default false.
   */
  readonly dtmfViaPlatform?: boolean;
  /**
   * When true, a platform leg the app answers at once (`answerAfterSeconds` 0) does not ring: no
   * ringtone (and no AudioContext) for the few milliseconds before the app's answer. For an app
   * that keeps `autoAnswerPlatformLegs` off to decide the answer itself. Default false.
   */
  readonly silentPlatformLegs?: boolean;
  /**
   * Asked inside the INVITE's own task, before any event: true = the phone answers this call by
   * itself at once (its `incoming` event then says `autoAnswer`), so the 200 OK's media work is
   * not behind the listeners. Replaces `connection.autoAnswerPlatformLegs` when set; the app
   * passes its state machine's own rule (src/call/auto-answer.ts). Not asked for a refused INVITE.
   */
  readonly answersAtOnce?: (call: CallSnapshot) => boolean;
  /** How digits are sent (default `rfc4733`); `info` sends SIP INFO `application/dtmf-relay`. */
  readonly dtmfTransport?: DtmfTransport;
  /**
   * INVITE header names (e.g. `X-CRM-Id`) whose values every incoming call keeps in
   * `inviteHeaders`, for pop data; matched case-insensitively. Default none.
   */
  readonly inviteHeaders?: readonly string[];
  /** How long a REFER may wait for the transferee's final NOTIFY once accepted (default 30 000 ms). */
  readonly transferTimeoutMs?: number;
  /** Microphone / speaker / ringer device ids chosen by the agent (undefined = default). */
  readonly microphoneId?: string;
  readonly speakerId?: string;
  readonly ringerId?: string;
  /** sip.js log level (default `error`). */
  readonly logLevel?: 'debug' | 'log' | 'warn' | 'error';
  /** Test seams. */
  readonly userAgentFactory?: UserAgentFactory;
  readonly sessionDescriptionHandlerFactory?: SessionDescriptionHandlerFactory;
  readonly media?: Partial<MediaEnvironment>;
  readonly random?: () => number;
}

/** Audio devices the agent can pick from (labels are empty until microphone permission is granted). */
export interface AudioDevices {
  readonly microphones: readonly MediaDeviceInfo[];
  readonly speakers: readonly MediaDeviceInfo[];
  /** Whether output selection (`HTMLMediaElement.setSinkId`) works in this browser. */
  readonly canSelectOutput: boolean;
}
