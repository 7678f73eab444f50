/**
 * What the machine asks the app to do, as data. The app runs them in list order; the machine
 * never performs I/O. Platform commands are in domain terms (platform.ts); the platform adapter
 * (src/platforms/*) turns them into its wire requests.
 */
import type { CallFacts } from './call-facts.ts';
import type { CallId, RequestId, SipLegId } from './ids.ts';
import type { FailureCode, PlatformCommand } from './platform.ts';
import type { Operation } from './state.ts';

/** An action on the SIP phone. */
export type SipAction =
  | { readonly action: 'register' }
  | { readonly action: 'unregister' }
  | { readonly action: 'answer'; readonly legId: SipLegId }
  /**
   * Decline an offered leg: 486 Busy Here (busy, or the agent declined) or 480 Temporarily
   * Unavailable (not logged in). Never 603 Decline, which is global and cancels forked branches.
   */
  | { readonly action: 'reject'; readonly legId: SipLegId; readonly status: 486 | 480 }
  | { readonly action: 'hangup'; readonly legId: SipLegId }
  | { readonly action: 'hold'; readonly legId: SipLegId }
  | { readonly action: 'resume'; readonly legId: SipLegId }
  | { readonly action: 'mute'; readonly legId: SipLegId }
  | { readonly action: 'unmute'; readonly legId: SipLegId }
  | { readonly action: 'dtmf'; readonly legId: SipLegId; readonly digit: string };

/** What the agent is told. The UI turns the code into words through i18n. */
export const NOTICES = [
  'loginFailed',
  'phoneRegistrationFailed',
  'phoneUnregistered',
  'transportLost',
  'transportRecovered',
  /** The registrar refused a refresh or dropped the binding: calls cannot reach the agent until it registers again. */
  'registrationLost',
  /** Registered again after `registrationLost`. */
  'registrationRecovered',
  /** The platform stopped answering its status polls (its facts may be late). */
  'neoApiDegraded',
  'neoApiRecovered',
  'forcedLogout',
  'operationFailed',
  'dialFailed',
  'sipActionFailed',
  'callRejectedBusy',
  'callEndedByPlatform',
  /** The browser refused the microphone: calls cannot carry the agent's voice. */
  'microphoneDenied',
  /** This tab cannot coordinate with the agent's other Salesforce tabs (third-party storage blocked). */
  'tabsNotShared',
  /** This frame cannot keep the Task-log outbox in IndexedDB: pending logs are lost if the page goes. */
  'logsNotStored',
  /** A call resumed after its page went (a reload): the platform still has it, its audio ended with that page. */
  'callAudioLost',
  /** A session resumed after a reload without the device password (not kept): the phone is not registered. */
  'resumedWithoutPhone',
] as const;
/** A notice code. */
export type Notice = (typeof NOTICES)[number];

/** The failed platform command behind a notice. */
export interface NoticeFailure {
  readonly op: Operation;
  readonly code: FailureCode;
}

/** How loud a notice is. */
export type NoticeLevel = 'info' | 'warning' | 'error';

/** Timers the machine starts; the app fires them back as events. */
export type TimerName = 'autoRelease';

/** Every effect. */
export type Effect =
  /** Ask the platform; its answer comes back as `commandSucceeded`/`commandFailed` with `requestId`. */
  | { readonly kind: 'platform'; readonly requestId: RequestId; readonly op: Operation; readonly command: PlatformCommand }
  | ({ readonly kind: 'sip' } & SipAction)
  /** Start/stop the ringtone. */
  | { readonly kind: 'ringer'; readonly on: boolean }
  /**
   * Tell the agent. `failure` = a platform command failed: the UI says what failed (`op`) and what
   * to do (`code`) in the agent's language, with `detail` (the platform's technical text) behind a
   * disclosure.
   */
  | { readonly kind: 'notify'; readonly notice: Notice; readonly level: NoticeLevel; readonly detail: string | null; readonly failure?: NoticeFailure }
  /** Start a timer that fires at epoch ms `at` (the app converts to a delay with its own clock). */
  | { readonly kind: 'startTimer'; readonly timer: TimerName; readonly callId: CallId | null; readonly at: number }
  | { readonly kind: 'cancelTimer'; readonly timer: TimerName; readonly callId: CallId | null }
  /** Ask the CRM layer to pop the record for this call (by contact when delivered, else by number). */
  | { readonly kind: 'screenPop'; readonly call: CallFacts }
  /**
   * Log the call as a Task. Sent when the call ends (`final: false`) and again when the agent is
   * done with it (`final: true`, with the disposition); `CallObject` = call id makes it one Task.
   */
  | { readonly kind: 'logCall'; readonly call: CallFacts; readonly final: boolean };

/** An effect kind. */
export type EffectKind = Effect['kind'];
