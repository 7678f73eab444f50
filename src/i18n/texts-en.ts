/**
 * The English texts of the catalogue's nested sections (health gate, attendant, connector,
 * phone window, notice causes, failures). One file per language, so the browser fetches only the
 * language on screen (src/i18n/lazy.ts; the three together were a shared 8 KB gzip chunk every
 * catalogue pulled, docs/benchmarks.md "Size"). The section files keep the types, and the types
 * keep the three files complete: a key added to one section must be added here in every language.
 */
import type { AttendantMessages } from './attendant-messages.ts';
import type { ConnectorMessages } from './connector-messages.ts';
import type { FailureMessages } from './failures.ts';
import type { HealthMessages } from './health-messages.ts';
import type { NoticeCauseMessages } from './notice-causes.ts';
import type { PhoneWindowMessages } from './phone-window-messages.ts';
import type { RefusalHints } from './refusal-hints.ts';
import { failedIn } from './operations.ts';

export const HEALTH_EN: HealthMessages = {
  title: 'Before you take calls',
  allClear: 'All checks passed: you can take calls.',
  blocked: 'You cannot take calls until this is fixed:',
  checkAgain: 'Check again',
  allowMicrophone: 'Allow the microphone',
  playTone: 'Play a test tone',
  tonePlaying: 'Playing the test tone…',
  tonePlayed: 'The test tone played. If you did not hear it, check your headset or speaker volume.',
  level: 'Microphone level',
  blockedHint: (reason) => `Not possible now: ${reason}`,
  check: { microphone: 'Microphone', speaker: 'Speaker and ringer', phone: 'Phone registration', platform: 'Contact center', salesforce: 'Salesforce', storage: 'Storage in this browser' },
  status: { ok: 'OK', failed: 'Failed', warning: 'Check', checking: 'Checking…', later: 'At login', skipped: 'Not used' },
  reason: {
    micDenied: 'The browser blocks the microphone. Click the padlock left of the address bar, set Microphone to Allow, then come back here.',
    micPrompt: 'The browser will ask for the microphone when you log in: choose Allow.',
    micNoDevice: 'No microphone found. Plug in your headset, then press “Check again”.',
    micSilent: 'Your microphone sends no sound. Check it is not muted (headset switch or system settings).',
    micFailed: 'The microphone could not be opened. Close other programs that use it, then press “Check again”.',
    speakerNoDevice: 'No speaker or headset found. Plug one in, then press “Check again”.',
    toneFailed: 'The test tone could not play. Allow sound for this site, then try again.',
    phoneLater: 'Checked when you log in.',
    phoneDown: 'The phone is not registered: calls cannot reach you. Log out and log in again; if it keeps happening, tell your supervisor.',
    phoneReconnecting: 'The phone is reconnecting: calls cannot reach you until it is back. Wait a moment.',
    platformUnreachable: 'The contact center does not answer. Check your network; Dialtone keeps trying by itself.',
    platformViaPhone: 'This contact center is checked through the phone registration.',
    salesforceStandalone: 'Not opened inside Salesforce: no screen pops or call logs here.',
    salesforceFailed: 'Salesforce did not answer. Reload the Salesforce page; call logs wait in this browser meanwhile.',
    storageUnavailable: 'This browser does not let Dialtone keep data: call logs are lost if this page closes. Allow site data for the Dialtone site.',
  },
  statusPlatformLost: 'Connection lost',
};

export const ATTENDANT_EN: AttendantMessages = {
  locale: 'en',
  historyTitle: 'Recent calls',
  historyEmpty: 'No calls yet: the calls you take or make appear here.',
  historyKept: (limit) => `Your last ${limit} calls are kept in this browser; "Forget me" erases them.`,
  directions: { inbound: 'Incoming', outbound: 'Outgoing', dialer: 'Campaign' },
  withheld: 'Private number',
  unknownCaller: 'Unknown caller',
  notAnswered: 'Not answered',
  talked: (clock) => `Talked ${clock}`,
  notCategorised: 'No result',
  redial: 'Call',
  redialLabel: (who) => `Call ${who}`,
  showInCrm: 'Show in CRM',
  showInCrmLabel: (what) => `Show in CRM: ${what}`,
  foundInCrm: 'Found in Salesforce',
  panelSizeRange: 'Width 200–1920 px, height 240–2560 px. Leave blank for the call center\'s size; your size comes back at every load.',
  panelSizeRefused: 'Not applied: the width must be 200–1920 px and the height 240–2560 px (or blank).',
  linksTitle: 'Phone links',
  linksHelp: 'Let this browser open tel:, sip: and callto: links from any page with Dialtone. Links inside Salesforce already dial with click-to-dial.',
  linksRegister: 'Open phone links with Dialtone',
  linksRegistered: 'Asked the browser. If it shows a prompt, choose Allow: phone links will then dial from the tab that has your phone.',
  linksUnsupported: 'This browser cannot hand phone links to Dialtone. Use click-to-dial in Salesforce, or type the number.',
  linksFailed: (detail) => `The browser refused to register Dialtone for phone links: ${detail}`,
};

export const CONNECTOR_EN: ConnectorMessages = {
  recordingTitle: 'Call recording',
  recordingPlayer: 'Play the call recording',
  recordingOpen: 'Open the recording in a new tab',
  recordingFailed:
    'The recording could not be loaded: it may not be ready yet, or the recording server refused it. Try again in a minute, or open it from the Task\u2019s link.',
  recordingRetry: 'Try again',
  reopenedSynced: 'The new record you saved is now linked to this call.',
  reopenedNotSynced:
    'No new record was saved for this call yet: save it in Salesforce and press \u201cSync new record\u201d, or release the contact to go on working.',
  reopenedSearch: 'Several records match: pick this call\u2019s with \u201cUse this record\u201d.',
  customerTime: (zone) => `Customer\u2019s time (${zone})`,
  agentTime: (time) => `Your time: ${time}`,
  zoneFromRecord: 'time zone from the record',
  zoneFromNumber: 'time zone from the number',
};

export const PHONE_WINDOW_EN: PhoneWindowMessages = {
  windowTitle: 'Dialtone phone',
  windowWhy: 'This window holds your calls, so reloading or closing Salesforce tabs never cuts one. Keep it open; if you close it, the Salesforce panel takes the phone back.',
  connected: 'Your phone runs in the phone window: reloading Salesforce will not cut a call.',
  show: 'Show phone window',
  offer: 'Open the phone window so that reloading Salesforce never cuts a call.',
  open: 'Open phone window',
  busy: 'Finish this call first: the phone window takes over the phone between calls.',
  blocked: 'The browser blocked the phone window. Allow pop-ups for this site, then click Open phone window again.',
  useLabel: 'Use a phone window',
  useHelp: 'A small window that keeps your calls going while Salesforce reloads.',
};

export const NOTICE_CAUSES_EN: NoticeCauseMessages = {
  sipPassword: 'The phone server refused the device password. Check the device number and the device password you typed, then log in again.',
  sipDevice: 'The phone server does not know this device. Check the device number you typed, then log in again.',
  sipUnreachable: 'The phone server did not answer. Check your network and log in again; if it keeps happening, tell your supervisor.',
  sipRefused: 'The phone server refused to register this device. Log in again in a moment; if it keeps happening, tell your supervisor.',
  platformLostInCall: 'Connection to the contact center lost: the call may still be up. Keep talking if you hear the customer and hang up here when done; if the call dropped, wait: Dialtone reconnects by itself.',
};

export const FAILURES_EN: FailureMessages = {
  op: failedIn('en'),
  cause: {
    UNREACHABLE: 'The contact center did not answer, so nothing changed. Try again in a moment; if it keeps happening, check your network or tell your supervisor.',
    REFUSED: 'The contact center refused it. Check the number or your current state and try again.',
    NOT_LOGGED_IN: 'The contact center no longer has your session. Log in again.',
    BAD_CREDENTIALS: 'The user or password is wrong. Check them and log in again.',
    DEVICE_UNAVAILABLE: 'Your phone device is not registered or someone else is using it. Check the device number, or ask your supervisor.',
    ALREADY_LOGGED_IN: 'This user is logged in on another position. Log out there first, or ask your supervisor.',
    NO_LICENCES: 'The contact center has no free agent licence. Try again later, or ask your supervisor.',
    MISCONFIGURED: 'The contact center did not understand the request: its settings do not match Dialtone’s. Send the technical details to your administrator.',
    UNSUPPORTED: 'This contact center cannot do that.',
  },
  details: 'Technical details',
};

export const REFUSAL_HINTS_EN: RefusalHints = {
  NOT_LOGGED_IN: 'Log in first.',
  ALREADY_LOGGED_IN: 'Log out first to change user or device.',
  LOGIN_IN_PROGRESS: 'Wait for the login to finish.',
  LOGOUT_IN_PROGRESS: 'Wait for the logout to finish.',
  CALL_IN_PROGRESS: 'End the current call first.',
  WRAP_UP_IN_PROGRESS: 'Finish the wrap-up first.',
  NO_CALL: 'There is no call audio here to act on.',
  NOT_RINGING: 'Wait for the phone to ring.',
  NOT_CONNECTED: 'Wait for the call to connect.',
  NOT_IN_WRAP_UP: 'Available once the call has ended.',
  ALREADY_HELD: 'The call is on hold: resume it first.',
  NOT_HELD: 'The call is not on hold.',
  ALREADY_MUTED: 'The microphone is muted: unmute it first.',
  NOT_MUTED: 'The microphone is not muted.',
  NO_CONTACT: 'This call has no contact from the platform.',
  ALREADY_ON_BREAK: 'You are already on this break.',
  NOT_ON_BREAK: 'You are not on a break.',
  ALREADY_IN_CAMPAIGN: 'You are already in this campaign.',
  NOT_IN_CAMPAIGN: 'Enter a campaign first.',
  OPERATION_PENDING: 'Wait for the platform to answer.',
  PHONE_NOT_REGISTERED: 'Wait for the phone to connect.',
  CATEGORISATION_DISABLED: 'This call center does not use dispositions.',
  CATEGORISATION_REQUIRED: 'Save a disposition first.',
  RELEASE_NOT_ALLOWED: 'Save a disposition first.',
  INVALID_ARGUMENT: 'Check what you picked or typed.',
  TRANSFER_IN_PROGRESS: 'A transfer is in progress: use Complete transfer or End transfer first.',
  NOT_CONSULTING: 'Start an attended transfer first.',
  CONFERENCE_IN_PROGRESS: 'End the conference first.',
  NOT_IN_CONFERENCE: 'Start the conference first.',
};
