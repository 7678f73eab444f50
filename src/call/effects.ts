/**
 * What the machine asks the app to do, as data. The app runs them in list order; the machine
 * never performs I/O. NeoApi requests use the wire method and parameter names of
 * `src/neoapi/contract.ts` (a test checks them against that table), but are declared here because
 * `src/call` may not import the adapter.
 */
import type { CallFacts } from './call-facts.ts';
import type { CallId, RequestId, SipLegId } from './ids.ts';
import type { Operation } from './state.ts';

/** `USUARIO`, the one parameter every agent method carries. */
interface U { readonly USUARIO: string }

/** A NeoApi request: wire method name + its parameters. */
export type NeoApiRequest =
  | { readonly method: 'Login'; readonly params: { readonly DEVICE: string; readonly USUARIO: string; readonly CLAVE: string } }
  | { readonly method: 'Logout'; readonly params: U }
  | { readonly method: 'Login_Campaign2'; readonly params: U & { readonly CAMPANA: number } }
  | { readonly method: 'Logout_Campaign'; readonly params: U }
  | { readonly method: 'Pause'; readonly params: U & { readonly SUBTIPO_DESCANSO: number } }
  | { readonly method: 'Unpause'; readonly params: U }
  | { readonly method: 'Dial'; readonly params: U & { readonly TELEFONO: string } }
  | { readonly method: 'Hangup'; readonly params: U }
  | {
      readonly method: 'CRM_ShowingContact';
      readonly params: U & { readonly BASE: number; readonly IDCONTACTO: number; readonly DATA: string };
    }
  | {
      readonly method: 'UpdateContact';
      readonly params: U & {
        readonly CRM: number;
        readonly BASE: number;
        readonly IDCONTACTO: number;
        readonly DATA: string;
        readonly SUBCATEGORIA: number;
        readonly XML_UPDATE: string;
        readonly AGENDA: boolean;
        readonly FECHA_AGENDA: string;
        readonly USUARIO_AGENDA: string;
        readonly TEL_AGENDA: string;
      };
    }
  | {
      readonly method: 'AddScheduleCall';
      readonly params: U & { readonly BASE: number; readonly IDCONTACTO: number; readonly DATA: string; readonly TELEFONO: string; readonly FECHA_AGENDA: string };
    }
  | { readonly method: 'CRM_Available'; readonly params: U }
  // Transfers and conference (call-control.ts; the wire name may be renamed by `neoApiMethods`).
  | { readonly method: 'BlindTransfer' | 'AttendedTransfer'; readonly params: U & { readonly EXTENSION: string } }
  | { readonly method: 'BlindTransferQueue' | 'AttendedTransferQueue'; readonly params: U & { readonly COLA: number } }
  | { readonly method: 'BlindTransferCampaign' | 'AttendedTransferCampaign'; readonly params: U & { readonly CAMPAÑA: number } }
  | { readonly method: 'CompleteTransfer' | 'EndTransfer' | 'JoinConference' | 'KickAll'; readonly params: U }
  | { readonly method: 'InviteParticipant'; readonly params: U & { readonly EXTENSION: string } }
  | { readonly method: 'KickParticipant'; readonly params: U & { readonly PARTICIPANTE: string } };

/** A NeoApi method the machine uses. */
export type NeoApiMethod = NeoApiRequest['method'];

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
] as const;
/** A notice code. */
export type Notice = (typeof NOTICES)[number];

/** How loud a notice is. */
export type NoticeLevel = 'info' | 'warning' | 'error';

/** Timers the machine starts; the app fires them back as events. */
export type TimerName = 'autoRelease';

/** Every effect. */
export type Effect =
  | { readonly kind: 'neoapi'; readonly requestId: RequestId; readonly op: Operation; readonly request: NeoApiRequest }
  | ({ readonly kind: 'sip' } & SipAction)
  /** Start/stop the ringtone. */
  | { readonly kind: 'ringer'; readonly on: boolean }
  | { readonly kind: 'notify'; readonly notice: Notice; readonly level: NoticeLevel; readonly detail: string | null }
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
