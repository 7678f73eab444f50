/**
 * The contract between the app (src/app) and the agent UI (src/components): what the components
 * draw ({@link AgentView}) and what they ask for ({@link SoftphoneIntent}). Components never see
 * an adapter; they read this view from the softphone context and dispatch intents up as a
 * `dialtone-intent` event, which the shell hands to `SoftphoneService.send`.
 */
import type { NoticeCause } from '../i18n/notice-causes.ts';
import type { Language } from '../i18n/languages.ts';
import type { CustomerZone } from '../crm/customer-zone.ts';
import type { AgentState, SessionIntentRequest, CallbackBooking, ConferenceTarget, DeliveredContact, Notice, NoticeFailure, NoticeLevel, TransferMode, TransferTarget } from '../call/index.ts';
import type { BreakType, Campaign, Category, ExternalNumber, NeotelUser, Queue } from '../config/config-types.ts';
import type { DialRefusal } from '../crm/dial-number.ts';
import type { DeskActionsIntent, DeskActionsView } from './desk-actions-view.ts';
import type { DirectoryIntent, DirectoryView } from './directory-view.ts';
import type { MonitorMode, SupervisionStatus } from '../call/monitoring.ts';
import type { LinkedRecord } from '../crm/linked-record.ts';
import type { AttendantView, CallHistoryEntryView } from './call-history-view.ts';
import type { HealthView } from './health-view.ts';
import type { IntentAvailability } from './intent-availability-view.ts';

export type { AttendantView, CallHistoryEntryView, PhoneLinksView } from './call-history-view.ts';
export type { Availability, IntentAvailability, OfferedIntent } from './intent-availability-view.ts';

/** Which tab this is: the owner runs the phone; a follower mirrors it and relays clicks. */
export type TabRole = 'owner' | 'follower' | 'alone';

/** A notice shown to the agent until dismissed (errors) or for a few seconds (info). */
export interface ShownNotice {
  /** Unique per page; used by `dismissNotice`. */
  readonly id: number;
  readonly notice: Notice;
  readonly level: NoticeLevel;
  /** Technical detail (server text, SIP reason), behind a "Technical details" disclosure; never a secret. */
  readonly detail: string | null;
  /** The platform command that failed, when one did: the notice then says what failed and what to do. */
  readonly failure?: NoticeFailure;
  /** A recognised cause (a refused device password…): its sentence leads instead of the notice's generic one. */
  readonly cause?: NoticeCause;
  /** The agent cannot work until they act on it: drawn in view and focused (src/app/notice-policy.ts). */
  readonly blocking?: boolean;
  /** Epoch ms when it was raised. */
  readonly at: number;
}

/** What the call center offers the agent, from the validated configuration. */
export interface AgentOptions {
  readonly breakTypes: readonly BreakType[];
  /** Outbound campaigns to pick from; empty = the agent types a campaign id. */
  readonly campaigns: readonly Campaign[];
  readonly queues: readonly Queue[];
  readonly categories: readonly Category[];
  readonly allowCategorization: boolean;
  readonly allowContactRelease: boolean;
  /** How callbacks are booked: booked `separate`ly they are always the agent's own. */
  readonly callbackBooking: CallbackBooking;
  /** Offer "remember my user and device" (`rememberUser`). */
  readonly rememberUser: boolean;
  /** Offer "remember the device password" (`allowRememberDevicePassword`). */
  readonly allowRememberDevicePassword: boolean;
  /** `login(device)` template, e.g. `SIP/{device}`, shown next to the device field. */
  readonly loginDeviceTemplate: string;
  /** ISO country used to read national numbers; `null` = numbers dialled as typed. */
  readonly defaultCountry: string | null;
}

/** The seed's information panel: ids of the last call, `0`/empty once it is over. */
export interface CallInfo {
  /** Platform call id (`platform call id`); `'0'` when there is no call. */
  readonly lastCallId: string;
  readonly contactId: string;
  readonly baseId: string;
  readonly crmId: string;
  /** The key the screen pop searches with (`contact key` or the caller's number). */
  readonly searchKey: string;
}

/** An audio device the agent can pick. */
export interface AudioDeviceChoice {
  readonly id: string;
  readonly label: string;
}

/** The agent's local preferences (IndexedDB), as the settings panel shows them. */
export interface AgentPreferences {
  /** Remembered login (never the NeoApi password). */
  readonly user: string;
  readonly device: string;
  /** A device (SIP) password is remembered, sealed, in this browser (only when the admin allows it). */
  readonly devicePasswordRemembered: boolean;
  readonly panelWidth: number | null;
  readonly panelHeight: number | null;
  readonly autoMinimise: boolean;
  readonly microphoneId: string | null;
  readonly speakerId: string | null;
  readonly ringerId: string | null;
  /** The panel's language the agent chose in the settings; absent or `null` = follow Salesforce (the call center's, else the browser's). */
  readonly language?: Language | null;
}

/** Audio devices known to the browser (labels appear once the microphone is allowed). */
export interface AudioDeviceList {
  readonly microphones: readonly AudioDeviceChoice[];
  readonly speakers: readonly AudioDeviceChoice[];
  /** Whether the browser can route audio to a chosen speaker (`setSinkId`). */
  readonly canSelectOutput: boolean;
  /** `denied` = the agent (or policy) refused the microphone: calls cannot carry their voice. */
  readonly microphonePermission: 'unknown' | 'granted' | 'denied';
}

/** An agent a supervisor may monitor: configured (`monitoredUsers`) and/or listed by NeoApi `the user list`. */
export interface MonitorableAgent {
  readonly id: string;
  readonly name: string;
  /** `the user list` `Estado` (`Available`, `InCall`, `Break`, `NotLogged`…); `null` when the platform did not list them. */
  readonly state: string | null;
  /** The agent's current platform call (`the user list` `Llamada`), `null` when none or unknown. */
  readonly callId: string | null;
}

/** The supervisor's monitoring panel (docs/monitoring.md); only for users in `supervisorUserIds`. */
export interface SupervisionView {
  readonly agents: readonly MonitorableAgent[];
  readonly status: SupervisionStatus;
  /** The agent being monitored (or about to be). */
  readonly agent: string | null;
  /** The mode the platform confirmed; `requestedMode` = asked for, not confirmed yet. */
  readonly mode: MonitorMode | null;
  readonly requestedMode: MonitorMode | null;
  /** The last failure in the server's words. */
  readonly error: string | null;
}

/** Shown to an agent being monitored, when the call center enables it (`showMonitoringToAgent`). */
export interface MonitoringIndicator {
  readonly mode: MonitorMode;
  /** The supervisor's user id, as the platform reports it. */
  readonly supervisor: string | null;
  /** Their name, when the platform's user list or the configured users know it; absent/null = show the id. */
  readonly supervisorName?: string | null;
}

/** A Salesforce record the call could be linked to (untrusted name: render as text). */
export interface RecordCandidate {
  readonly id: string;
  readonly objectType: string;
  readonly name: string | null;
}

/** The record the screen pop linked to the current call, and why (src/app/screen-pop.ts). */
export interface CallRecordView {
  /**
   * `searching`; `linked` (see `linked.reason`); `layout` = several matches and no rule picked
   * one (the layout's search page is open); `newRecord` = nothing matched and the new-record
   * modal is open; `none` = nothing to pop.
   */
  readonly status: 'searching' | 'linked' | 'layout' | 'newRecord' | 'none';
  readonly linked: LinkedRecord | null;
  /** Other records that matched: the agent may re-point the call to one. */
  readonly candidates: readonly RecordCandidate[];
  /** The agent may sync the record saved from the new-record modal. */
  readonly canSync: boolean;
  /** The call's recording link, played in the panel (docs/recording-link.md); absent/null = none. */
  readonly recordingUrl?: string | null;
  /**
   * After the pop minimised the softphone and the agent reopened it (seed 004): `synced` = the new
   * record was linked, `notSynced` = none saved yet, `search` = pick one of several; null = nothing to say.
   */
  readonly reopened?: 'synced' | 'notSynced' | 'search' | null;
  /** The customer's time zone for the callback form (docs/wrap-up.md); absent/null = unknown. */
  readonly customerZone?: CustomerZone | null;
}

/**
 * Where the agent may transfer a call or whom to invite to a conference: the configured lists
 * (`transferQueues`, `transferCampaigns`, `transferUsers`, `transferNumbers`) merged with what
 * NeoApi `the user list`/`the queue list`/`the campaign list` list when the platform offers them (src/app/transfer-targets.ts).
 */
export interface TransferTargets {
  readonly users: readonly NeotelUser[];
  readonly queues: readonly Queue[];
  readonly campaigns: readonly Campaign[];
  readonly numbers: readonly ExternalNumber[];
  /** Each campaign's external transfer list (`*12NN` entries, from `the campaign list`), by campaign id. */
  readonly campaignNumbers: Readonly<Record<number, readonly ExternalNumber[]>>;
  /** The agent may type a number (normalised by the dial plan). */
  readonly allowManualNumber: boolean;
  /** `platform` = NeoApi listed at least one kind; `config` = the configured lists only. */
  readonly source: 'config' | 'platform';
}

/** Everything the agent UI draws. */
export interface AgentView {
  /** The machine's state: phase, session (break, campaign), call facts, phone and NeoApi health. */
  readonly agent: AgentState;
  readonly options: AgentOptions;
  readonly info: CallInfo;
  /**
   * Which call-card and wrap-up intents the machine would accept now, else its refusal code: a dry
   * run of `transition()` (src/app/intent-availability.ts). Buttons are enabled from this only.
   */
  readonly can: IntentAvailability;
  readonly notices: readonly ShownNotice[];
  readonly tab: TabRole;
  readonly prefs: AgentPreferences;
  readonly devices: AudioDeviceList;
  /** A logout was refused because a call or wrap-up is open: ask before forcing it. */
  readonly confirmLogout: boolean;
  /** The number typed was refused before dialling: why, in i18n terms. */
  readonly dialError: { readonly number: string; readonly reason: DialRefusal } | null;
  /** Call logs (Tasks) stored in the outbox and not yet confirmed by Salesforce (docs/task-log.md); absent = 0. */
  readonly pendingLogs?: number;
  /** Call logs Salesforce kept refusing, no longer retried: shown until copied and dismissed (docs/task-log.md); absent = none. */
  readonly failedLogs?: readonly FailedLogView[];
  /** The monitoring panel; absent or `null` for anyone who is not a logged-in supervisor. */
  readonly supervision?: SupervisionView | null;
  /** A supervisor is listening to / assisting this agent (only with `showMonitoringToAgent`). */
  readonly monitoredBy?: MonitoringIndicator | null;
  /** Transfer and conference targets; absent or `null` until a session starts. */
  readonly transferTargets?: TransferTargets | null;
  /** The current call's Salesforce record and why it was chosen; absent or `null` without a call. */
  readonly record?: CallRecordView | null;
  /** The agent's last calls, newest first (docs/call-history.md); absent = none or not loaded. */
  readonly history?: readonly CallHistoryEntryView[];
  /** This tab's phone-link registration and "Show in CRM" outcome (docs/phone-links.md, docs/call-history.md). */
  readonly attendant?: AttendantView;
  /** The phone window (docs/phone-window.md); absent = not offered on this page. */
  readonly phoneWindow?: PhoneWindowView;
  /** Agent actions and the text message form (docs/agent-actions.md); absent = none. */
  readonly deskActions?: DeskActionsView | null;
  /** The directory search (docs/directory.md); absent = not offered. */
  readonly directory?: DirectoryView | null;
  /** The pre-shift health gate (docs/health-gate.md); absent = not run on this page. */
  readonly health?: HealthView;
}

/** The phone window as a panel, or the window itself, shows it (src/app/phone-window-*.ts). */
export interface PhoneWindowView {
  /** `panel` = a utility-bar panel; `window` = this page is the phone window. */
  readonly where: 'panel' | 'window';
  /** Panel: the agent's setting (the admin's `phoneWindow` until changed). */
  readonly use: boolean;
  /** Panel: the window runs the phone and this panel controls it. */
  readonly connected: boolean;
  /** Panel: "Show phone window" can bring it forward (this tab opened or re-found it). */
  readonly canShow: boolean;
  /** Panel: the browser blocked the last opening. */
  readonly blocked: boolean;
  /** Panel: a call runs here, so opening the window now would not move it (the window opens after the call). */
  readonly busy: boolean;
}

/** A dead-lettered call log as the agent sees it (src/app/failed-logs.ts builds it). */
export interface FailedLogView {
  /** The outbox key (the Task's CallObject). */
  readonly key: string;
  /** The Task's Subject (e.g. `Call 600111222 (inbound)`), or the key when it has none. */
  readonly subject: string;
  /** Salesforce's code (`FIELD_CUSTOM_VALIDATION_EXCEPTION`…) and its own words. */
  readonly code: string;
  readonly reason: string;
  /** Sends in a row that got this refusal. */
  readonly attempts: number;
  /** Everything an admin needs, as plain text (what the Copy button copies). */
  readonly details: string;
}

/** Why a typed number was not dialled (src/crm/dial-number.ts decides). */
export type { DialRefusal } from '../crm/dial-number.ts';

/** What the agent asks for. The app adds the clock and validates before the machine sees it. */
export type SoftphoneIntent =
  /** The machine's session intents, forwarded unchanged (src/call/session-intents.ts). */
  | SessionIntentRequest
  | {
      readonly kind: 'login';
      readonly user: string;
      /** The device as the agent types it (`1001`); the template makes `SIP/1001`. */
      readonly device: string;
      /** NeoApi password (`login.password`); never stored anywhere (docs/security.md). */
      readonly password: string;
      /** SIP digest password of the device; empty = use the remembered one. */
      readonly devicePassword: string;
      readonly campaign: number | null;
      /** Remember user and device (no password) in this browser. */
      readonly remember: boolean;
      /** Keep the device password, sealed, in this browser; honoured only when the admin allows it. */
      readonly rememberDevicePassword: boolean;
    }
  | { readonly kind: 'logout'; readonly force: boolean }
  | { readonly kind: 'cancelLogout' }
  | { readonly kind: 'pause'; readonly subtype: number }
  | { readonly kind: 'unpause' }
  | { readonly kind: 'enterCampaign'; readonly campaign: number }
  | { readonly kind: 'leaveCampaign' }
  /** A number as typed; the app normalises it for the dial plan or refuses it (`dialError`). */
  | { readonly kind: 'dial'; readonly number: string; /** The clicked record's Neotel contact (click-to-dial search). */ readonly contact?: DeliveredContact }
  | { readonly kind: 'answer' }
  | { readonly kind: 'reject' }
  | { readonly kind: 'hangUp' }
  | { readonly kind: 'hold' }
  | { readonly kind: 'resume' }
  | { readonly kind: 'mute' }
  | { readonly kind: 'unmute' }
  | { readonly kind: 'sendDtmf'; readonly digit: string }
  | { readonly kind: 'available' }
  | { readonly kind: 'releaseContact' }
  | { readonly kind: 'categorise'; readonly subcategory: number }
  /**
   * Categorise and book a callback at `when`, the agent's local wall time `YYYY-MM-DDTHH:mm:ss`
   * (the app refuses a past or impossible one); `phone` empty = the contact's number; `mine` =
   * only this agent may take it (`USUARIO_AGENDA`).
   */
  | { readonly kind: 'scheduleCallback'; readonly subcategory: number; readonly when: string; readonly phone: string; readonly mine: boolean }
  | { readonly kind: 'dismissNotice'; readonly id: number }
  | { readonly kind: 'clearDialError' }
  | { readonly kind: 'requestMicrophone' }
  | { readonly kind: 'setAudioDevice'; readonly role: 'microphone' | 'speaker' | 'ringer'; readonly deviceId: string | null }
  | { readonly kind: 'setPanelSize'; readonly width: number | null; readonly height: number | null }
  | { readonly kind: 'setAutoMinimise'; readonly on: boolean }
  /** The panel's language; `null` = follow Salesforce again. */
  | { readonly kind: 'setLanguage'; readonly language: Language | null }
  /** Forget everything this browser keeps about the agent: user, device, device password, settings. */
  | { readonly kind: 'forgetMe' }
  /** Send a dead-lettered call log again now (`key` from `failedLogs`). */
  | { readonly kind: 'retryFailedLog'; readonly key: string }
  /** Delete a dead-lettered call log from the outbox (the agent copied its details). */
  | { readonly kind: 'dismissFailedLog'; readonly key: string }
  /** Supervisor: monitor `agent` in `mode` (NeoApi `StartMonitor`). */
  | { readonly kind: 'monitorStart'; readonly agent: string; readonly mode: MonitorMode }
  /** Supervisor: switch the active monitoring to `mode` (`StartMonitor` again). */
  | { readonly kind: 'monitorSwitch'; readonly mode: MonitorMode }
  /** Supervisor: end the monitoring (`StopMonitor`). */
  | { readonly kind: 'monitorStop' }
  /** Supervisor: list the agents again (`GetUsers`). */
  | { readonly kind: 'monitorRefresh' }
  /** Transfer the call; a `number` target is as typed (the app normalises it with the dial plan). */
  | { readonly kind: 'transfer'; readonly target: TransferTarget; readonly mode: TransferMode }
  /** Attended transfer: hand the customer to the consulted party. */
  | { readonly kind: 'completeTransfer' }
  /** Attended transfer: "fin de transferencia", drop the consulted party, back to the customer. */
  | { readonly kind: 'endTransfer' }
  | { readonly kind: 'startConference' }
  /** Invite one number (as typed) or platform user to the conference. */
  | { readonly kind: 'inviteParticipant'; readonly target: ConferenceTarget }
  /** Remove one participant by the id `InviteParticipant` answered. */
  | { readonly kind: 'kickParticipant'; readonly participant: string }
  /** Remove everyone: the conference ends, the customer stays. */
  | { readonly kind: 'kickAll' }
  /** The phone window (this panel only): open or show it, or the agent's "use a phone window" setting. */
  | { readonly kind: 'phoneWindow'; readonly action: 'open' | 'use' | 'dontUse' }
  /** Link the current call (and its Task) to another record. */
  | { readonly kind: 'repointCall'; readonly recordId: string }
  /** Find the record saved from the no-match new-record modal and link it. */
  | { readonly kind: 'syncRecord' }
  /** A click on a phone field in Salesforce (relayed to the tab that owns the phone). */
  | { readonly kind: 'clickToDial'; readonly number: string; readonly recordId: string | null; readonly objectType: string | null; readonly recordName: string | null }
  /** "Show in CRM": open this record in Salesforce (Open CTI `screenPop`), from a call or a history entry. */
  | { readonly kind: 'showInCrm'; readonly recordId: string }
  /** Ask the browser to open tel:, sip: and web+callto: links with Dialtone (this tab; docs/phone-links.md). */
  | { readonly kind: 'registerPhoneLinks' }
  /** Agent actions and text messages (src/view/desk-actions-view.ts). */
  | DeskActionsIntent
  /** The directory (src/view/directory-view.ts). */
  | DirectoryIntent
  /** The health gate: run every check again, or play the speaker test tone (docs/health-gate.md). */
  | { readonly kind: 'recheckHealth' }
  | { readonly kind: 'playTestTone' };

/** The kind of a {@link SoftphoneIntent}. */
export type SoftphoneIntentKind = SoftphoneIntent['kind'];

/** Name of the DOM event components dispatch (bubbles, composed) to ask for an intent. */
export const INTENT_EVENT = 'dialtone-intent';

/** The intent event: `detail` is the intent. */
export type IntentEvent = CustomEvent<SoftphoneIntent>;

/** Builds the intent event a component dispatches from itself. */
export function intentEvent(intent: SoftphoneIntent): IntentEvent {
  return new CustomEvent(INTENT_EVENT, { detail: intent, bubbles: true, composed: true });
}

declare global {
  interface GlobalEventHandlersEventMap {
    'dialtone-intent': IntentEvent;
  }
}
