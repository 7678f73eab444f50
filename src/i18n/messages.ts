import type { CallDirection, Notice } from '../call/index.ts';
import type { AttendantMessages } from './attendant-messages.ts';
import type { PhoneWindowMessages } from './phone-window-messages.ts';
import type { ConnectorMessages } from './connector-messages.ts';
import type { FailureMessages } from './failures.ts';
import type { HealthMessages } from './health-messages.ts';
import type { RefusalHints } from './refusal-hints.ts';
import type { NoticeCauseMessages } from './notice-causes.ts';
import type { OperationMessages } from './operations.ts';

/** Why a typed number was refused (mirrors `DialRefusal` of the agent view). */
export type DialRefusalCode = 'empty' | 'tooShort' | 'tooLong' | 'invalidCharacters' | 'notANumber';

/**
 * Every string Dialtone shows a person. One interface, one object per language; the compiler
 * refuses a language that misses a message. Messages with data are functions so word order can
 * differ between languages.
 */
export interface Messages {
  readonly appName: string;
  readonly booting: string;
  readonly statusOffline: string;
  readonly statusLabel: string;

  readonly standaloneTitle: string;
  readonly standaloneBody: string;
  readonly standaloneReason: (detail: string) => string;
  /** The framing page is not a Salesforce host this deployment trusts (docs/security.md). */
  readonly untrustedOriginTitle: string;
  readonly untrustedOriginBody: (origin: string) => string;
  /** The deployment's trusted-origins.json cannot be used. */
  readonly trustFileTitle: string;
  readonly trustFileBody: string;

  readonly configErrorTitle: string;
  readonly configErrorIntro: (count: number) => string;
  readonly configErrorAdminHint: string;
  readonly configItem: string;
  readonly configReceived: string;
  readonly configExpected: string;
  readonly configNothing: string;

  readonly settingsUnavailableTitle: string;
  readonly settingsUnavailableBody: (detail: string) => string;
  readonly retry: string;

  readonly readyTitle: string;
  /** A part of the panel (transfer, wrap-up, monitoring, record) whose code did not load. */
  readonly partDidNotLoad: string;
  readonly connectedToSalesforce: string;
  /** Beside "Connected to Salesforce" in the settings: the connection is up. */
  readonly connectedYes: string;
  /** Settings: the panel's language (a choice of es, pt, en, or the call center's / browser's). */
  readonly languageLabel: string;
  /** The choice that follows Salesforce: `current` is the language that gives now, by its own name. */
  readonly languageFollowSalesforce: (current: string) => string;
  readonly languageHelp: string;
  readonly contactCenter: string;
  readonly phoneServer: string;

  readonly loginTitle: string;
  readonly loginDevice: string;
  readonly loginDeviceAs: (login: string) => string;
  readonly loginDevicePassword: string;
  readonly loginDevicePasswordRemembered: string;
  readonly loginUser: string;
  readonly loginPassword: string;
  readonly loginCampaign: string;
  readonly loginCampaignNumber: string;
  readonly loginNoCampaign: string;
  readonly loginRemember: string;
  /** Checkbox, only when the admin allows keeping the device password. */
  readonly loginRememberDevicePassword: string;
  /** Under that checkbox: what keeping it means, and that the Neotel password is never kept. */
  readonly loginRememberDevicePasswordHelp: string;
  readonly loginSubmit: string;
  readonly loginRegistering: string;
  readonly loginAuthenticating: string;
  readonly fieldRequired: (field: string) => string;
  readonly campaignNotANumber: (received: string) => string;

  readonly statusLoggedOut: string;
  readonly statusLoggingIn: string;
  readonly statusReady: string;
  /** Logged in but the phone is not registered: callers cannot reach the agent (not "Ready"). */
  readonly statusUnreachable: string;
  readonly statusPausing: string;
  readonly statusOnBreak: (name: string) => string;
  readonly statusInCampaign: (name: string) => string;
  readonly statusDialing: string;
  readonly statusRinging: string;
  readonly statusInCall: string;
  readonly statusOnHold: string;
  readonly statusWrapUp: string;
  readonly statusLoggingOut: string;
  readonly statusTimer: string;
  readonly phoneStatus: Readonly<Record<'registered' | 'registering' | 'reconnecting' | 'down', string>>;
  readonly neoApiDegraded: string;
  readonly tabFollower: string;
  readonly logout: string;
  readonly confirmLogoutTitle: string;
  readonly confirmLogoutBody: string;
  readonly confirmLogoutYes: string;
  readonly cancel: string;

  readonly breakTitle: string;
  readonly breakType: string;
  readonly breakStart: string;
  readonly breakEnd: string;
  readonly breakUnpausing: string;
  readonly breakName: (id: number) => string;

  readonly campaignTitle: string;
  readonly campaignSelect: string;
  readonly campaignNumber: string;
  readonly campaignJoin: string;
  readonly campaignLeave: string;
  readonly campaignJoining: string;
  readonly campaignName: (id: number) => string;

  readonly dialTitle: string;
  readonly dialNumber: string;
  readonly dialButton: string;
  readonly keypad: string;
  readonly dtmfSent: string;
  readonly dialRefused: Readonly<Record<DialRefusalCode, (number: string) => string>>;

  readonly incomingTitle: string;
  readonly direction: Readonly<Record<CallDirection, string>>;
  readonly callNumber: string;
  readonly unknownNumber: string;
  readonly queue: string;
  readonly queueName: (id: number) => string;
  readonly campaign: string;
  readonly autoAnswering: string;
  readonly answer: string;
  readonly answering: string;
  readonly decline: string;

  readonly callControls: string;
  readonly callingNumber: (number: string) => string;
  readonly inCallWith: (number: string) => string;
  readonly callTimer: string;
  readonly hangUp: string;
  readonly hold: string;
  readonly resume: string;
  readonly mute: string;
  readonly unmute: string;
  readonly showKeypad: string;
  readonly hideKeypad: string;

  readonly wrapUpTitle: string;
  readonly available: string;
  readonly disposition: string;
  readonly chooseDisposition: string;
  readonly saveDisposition: string;
  readonly dispositionSaved: (name: string) => string;
  readonly releaseContact: string;
  readonly autoReleaseIn: (time: string) => string;
  readonly wrapUpBusy: string;
  /** Said (not shown) by screen readers at a few points of the countdown, in whole seconds. */
  readonly autoReleaseSeconds: (seconds: number) => string;
  readonly scheduleCallback: string;
  readonly callbackDate: string;
  readonly callbackTime: string;
  readonly callbackPhone: string;
  readonly callbackMine: string;
  readonly callbackAlwaysMine: string;
  readonly callbackSubmit: string;
  readonly callbackNeedsDisposition: string;
  readonly callbackNeedsContact: string;
  readonly callbackMissingDate: string;
  readonly callbackMissingTime: string;
  readonly callbackMalformed: string;
  readonly callbackPast: (now: string) => string;

  readonly infoTitle: string;
  readonly infoCallId: string;
  readonly infoContactId: string;
  readonly infoBaseId: string;
  readonly infoCrmId: string;
  readonly infoSearchKey: string;

  /** The call's Salesforce record and why it was chosen (docs/screen-pop.md). */
  readonly recordTitle: string;
  readonly recordSearching: string;
  readonly recordNone: string;
  readonly recordLayout: string;
  readonly recordNewRecord: string;
  readonly recordUnnamed: string;
  readonly recordObjects: Readonly<Record<'Contact' | 'Account' | 'Lead' | 'Opportunity', string>>;
  readonly recordWhy: string;
  readonly recordReasons: Readonly<Record<'recordId' | 'search' | 'created' | 'clickToDial' | 'agent', string>>;
  readonly recordRule: string;
  readonly recordOthers: string;
  readonly recordUse: string;
  readonly recordSync: string;

  readonly settingsTitle: string;
  readonly panelWidth: string;
  readonly panelHeight: string;
  readonly applyPanelSize: string;
  readonly autoMinimise: string;
  readonly microphone: string;
  readonly speaker: string;
  readonly ringer: string;
  readonly systemDefault: string;
  readonly outputNotSelectable: string;
  readonly allowMicrophone: string;
  readonly microphoneAsk: string;
  readonly microphoneDenied: string;
  readonly forgetMe: string;
  /** Under "forget me": what it erases. */
  readonly forgetMeHelp: string;

  /** The Task-log outbox badge: how many call logs still wait for Salesforce (docs/task-log.md). */
  readonly pendingLogs: (count: number) => string;
  /** Call logs Salesforce kept refusing (the dead-letter list, docs/task-log.md). */
  readonly failedLogs: (count: number) => string;
  readonly failedLogsHelp: string;
  readonly failedLogsLabel: string;
  /** The refusal in the agent's words, by kind (src/components/failed-logs/reason-kind.ts). */
  readonly failedLogReasons: Readonly<Record<'validation' | 'required' | 'field' | 'access' | 'apex' | 'other', string>>;
  readonly failedLogRaw: string;
  readonly failedLogDetails: string;
  readonly copyDetails: string;
  readonly copied: string;
  readonly copyBlocked: string;
  readonly retryLog: string;
  readonly dismissLog: string;
  readonly dismissAfterCopy: string;
  readonly noticesLabel: string;
  readonly notices: Readonly<Record<Notice, string>>;
  /** A failed platform command: what failed, what to do (failures.ts). */
  readonly failures: FailureMessages;
  /** Why the phone could not register, and what the agent does about it (notice-causes.ts). */
  readonly noticeCauses: NoticeCauseMessages;
  /** The pre-shift health gate and the platform lost during a call (health-messages.ts). */
  readonly health: HealthMessages;
  /** Why a call-card or wrap-up button is disabled: one hint per machine refusal code (refusal-hints.ts). */
  readonly refusalHints: RefusalHints;
  /** Each platform operation's texts: what failed, and its button when it has one (operations.ts). */
  readonly operations: OperationMessages;
  readonly dismiss: string;

  /** Supervisor monitoring (docs/monitoring.md). */
  readonly monitorTitle: string;
  readonly monitorAgent: string;
  readonly monitorAgentOption: (name: string, id: string) => string;
  /** `GetUsers` states; an unknown state is shown as the platform sent it. */
  readonly monitorStates: Readonly<Record<'Available' | 'InCall' | 'Break' | 'Busy' | 'NotLogged', string>>;
  readonly monitorNoAgents: string;
  readonly monitorRefresh: string;
  readonly monitorModeLabel: string;
  readonly monitorListen: string;
  readonly monitorAssist: string;
  readonly monitorListenHint: string;
  readonly monitorAssistHint: string;
  /** Barge: the supervisor joins the call (docs/monitoring.md). */
  readonly monitorBarge: string;
  readonly monitorBargeHint: string;
  readonly monitorBarging: (agent: string) => string;
  readonly monitoredBarge: (supervisor: string) => string;
  readonly monitorEnd: string;
  readonly monitorStarting: (agent: string) => string;
  readonly monitorListening: (agent: string) => string;
  readonly monitorAssisting: (agent: string) => string;
  readonly monitorSwitching: string;
  readonly monitorStopping: string;
  readonly monitorFailed: (detail: string) => string;
  /** Shown to the monitored agent (`showMonitoringToAgent`). */
  readonly monitoredListen: (supervisor: string) => string;
  readonly monitoredAssist: (supervisor: string) => string;
  readonly monitoredSomeone: string;

  /** Transfers and conference (docs/transfers-conference.md). */
  readonly transferTitle: string;
  readonly transferTargetType: string;
  readonly transferKinds: Readonly<Record<'number' | 'user' | 'queue' | 'campaign', string>>;
  readonly transferTarget: string;
  readonly transferTypedNumber: string;
  readonly transferNoTargets: string;
  readonly transferBlind: string;
  readonly transferAttended: string;
  readonly transferInFlight: (target: string) => string;
  readonly transferConsulting: (target: string) => string;
  readonly transferComplete: string;
  readonly transferEnd: string;
  readonly conferenceStart: string;
  readonly conferenceStarting: string;
  readonly conferenceOn: string;
  readonly conferenceInvite: string;
  readonly conferenceParticipants: string;
  readonly conferenceNone: string;
  readonly participantStates: Readonly<Record<'inviting' | 'ringing' | 'in' | 'leaving', string>>;
  readonly conferenceRemove: (name: string) => string;
  readonly conferenceRemoveShort: string;
  readonly conferenceEnd: string;

  /** Call history, "Show in CRM" and phone links (src/i18n/attendant-messages.ts). */
  readonly attendant: AttendantMessages;
  /** The phone window (src/i18n/phone-window-messages.ts). */
  readonly phoneWindow: PhoneWindowMessages;
  /** Seed 004 connector: recording player, reopen notice, callback time zones (src/i18n/connector-messages.ts). */
  readonly connector: ConnectorMessages;
}
