/**
 * The session's intent table (intent-table.ts): every `SoftphoneIntent` kind, where it runs
 * (`INTENT_PLACES`, checked complete by the compiler) and the one collaborator that runs it.
 * `test/app/intent-handlers.test.ts` checks that every kind of the union has exactly one handler
 * here, and where each kind goes from an owner tab, a follower tab and a panel with a phone window.
 */
import { SESSION_INTENT_KINDS } from '../call/session-intents.ts';
import type { SoftphoneIntent } from '../view/agent-view.ts';
import type { AgentRuntime } from './agent-runtime.ts';
import type { AttendantDesk } from './attendant-desk.ts';
import type { CrmDesk } from './crm-desk.ts';
import type { DeskActions } from './desk-actions.ts';
import type { DirectoryDesk } from './directory-desk.ts';
import type { HealthGate } from './health-gate.ts';
import { IntentTable, type IntentOf, type IntentPlaces } from './intent-table.ts';
import { MACHINE_INTENT_KINDS, RUNTIME_VIEW_INTENT_KINDS } from './intents.ts';
import { MONITOR_INTENTS } from './monitor-intents.ts';
import type { LazySupervision } from './lazy-supervision.ts';
import type { LazyTaskLog } from './lazy-task-log.ts';

/** What the handlers run on: the session's collaborators, and the session's own steps. */
export interface IntentHandlerParts {
  readonly runtime: AgentRuntime;
  readonly supervision: LazySupervision;
  readonly crm: CrmDesk;
  readonly attendant: AttendantDesk;
  readonly health: HealthGate;
  /** Loaded once the phone is registered (their own chunks): `undefined` before. */
  readonly directory: () => DirectoryDesk | undefined;
  readonly actions: () => DeskActions | undefined;
  /** `undefined` outside Salesforce (no Task log). */
  readonly tasks: LazyTaskLog | undefined;
  /** The login (remembered user and device completed from the preferences). */
  login(intent: IntentOf<'login'>): Promise<void>;
  /** A dial, once the dial plan is in. */
  dial(intent: IntentOf<'dial'>): void;
  requestMicrophone(): Promise<void>;
  /** A settings intent: saved, then applied (devices, panel size). */
  setting(intent: IntentOf<'setAudioDevice' | 'setPanelSize' | 'setAutoMinimise' | 'setLanguage' | 'forgetMe'>): Promise<void>;
  /** The phone-window bar's intent: this panel's own (phone-placement.ts). */
  phoneWindow(intent: IntentOf<'phoneWindow'>): void;
  warn(message: string, cause?: unknown): void;
}

/** The machine's intents that go to the runtime as they are (login and dial take a step of the session first). */
const RUNTIME_KINDS = [...MACHINE_INTENT_KINDS.filter((kind) => kind !== 'login' && kind !== 'dial'), ...SESSION_INTENT_KINDS, ...RUNTIME_VIEW_INTENT_KINDS];

/**
 * Where each kind runs (intent-table.ts `IntentPlace`). Most act on the phone and its session, so
 * they run where the phone is; `here` is about the clicked page itself.
 */
export const INTENT_PLACES: IntentPlaces = {
  // The agent's session and calls (the machine).
  login: 'phone', logout: 'phone', cancelLogout: 'phone', pause: 'phone', unpause: 'phone', available: 'phone',
  enterCampaign: 'phone', leaveCampaign: 'phone', dial: 'phone', answer: 'phone', reject: 'phone', hangUp: 'phone',
  hold: 'phone', resume: 'phone', mute: 'phone', unmute: 'phone', sendDtmf: 'phone', holdContacts: 'phone',
  releaseContact: 'phone', categorise: 'phone', scheduleCallback: 'phone', transfer: 'phone', completeTransfer: 'phone',
  endTransfer: 'phone', startConference: 'phone', inviteParticipant: 'phone', kickParticipant: 'phone', kickAll: 'phone',
  // The phone's view: its notices, its dial error.
  dismissNotice: 'phone', clearDialError: 'phone',
  // The agent's preferences: saved and applied by the page that runs the phone (its audio devices), shared with every tab.
  setAudioDevice: 'phone', setAutoMinimise: 'phone', setLanguage: 'phone', forgetMe: 'phone',
  // This page's utility panel and its phone-window bar.
  setPanelSize: 'here', phoneWindow: 'here',
  // The browser prompts where the agent clicked; a phone window asks for its own microphone.
  requestMicrophone: 'phoneWindowElseHere',
  // This page's microphone and speaker (the health gate's checks), this page's Salesforce tab.
  recheckHealth: 'here', playTestTone: 'here', showInCrm: 'here', registerPhoneLinks: 'here',
  // The outbox, monitoring, the screen pop's record, the desks: held by the page that runs the phone.
  retryFailedLog: 'phone', dismissFailedLog: 'phone', monitorStart: 'phone', monitorSwitch: 'phone', monitorStop: 'phone',
  monitorRefresh: 'phone', repointCall: 'phone', syncRecord: 'phone', clickToDial: 'phone', runAgentAction: 'phone',
  sendTextMessage: 'phone', dismissDeskOutcome: 'phone', directorySearch: 'phone', directoryFavourite: 'phone',
};

/** Builds the table: each kind's place, one handler per kind. */
export function intentTable(parts: IntentHandlerParts): IntentTable {
  const table = new IntentTable(INTENT_PLACES);
  const { runtime, supervision, crm, attendant, health, tasks } = parts;
  const warn = (message: string, cause?: unknown): void => parts.warn(message, cause);
  table.register('runtime', RUNTIME_KINDS, (intent) => runtime.send(intent));
  table.register('session', ['login'], (intent) => parts.login(intent));
  table.register('session', ['dial'], (intent) => parts.dial(intent));
  table.register('supervision-desk', [...MONITOR_INTENTS], (intent) => supervision.intent(intent));
  table.register('crm-desk', ['repointCall', 'syncRecord', 'clickToDial'], (intent) => crm.intent(intent));
  table.register('attendant-desk', ['showInCrm', 'registerPhoneLinks'], (intent) => attendant.handleLocally(intent));
  table.register('health-gate', ['recheckHealth'], () => health.checkAll());
  table.register('health-gate', ['playTestTone'], () => health.playTone());
  table.register('directory-desk', ['directorySearch', 'directoryFavourite'], (intent) => lazyDesk('the directory', parts.directory(), warn, intent, (desk) => desk.intent(intent)));
  table.register('desk-actions', ['runAgentAction', 'sendTextMessage', 'dismissDeskOutcome'], (intent) => lazyDesk('agent actions', parts.actions(), warn, intent, (desk) => desk.intent(intent)));
  table.register('task-logger', ['retryFailedLog', 'dismissFailedLog'], async (intent) => {
    if (!tasks) return;
    const retry = intent.kind === 'retryFailedLog';
    await (retry ? tasks.retryDead(intent.key) : tasks.dismissDead(intent.key)).catch((error: unknown) =>
      warn(`the refused call log ${intent.key} could not be ${retry ? 'retried' : 'dismissed'}`, error),
    );
  });
  table.register('devices', ['requestMicrophone'], () => parts.requestMicrophone());
  table.register('preferences', ['setAudioDevice', 'setPanelSize', 'setAutoMinimise', 'setLanguage', 'forgetMe'], (intent) => parts.setting(intent));
  table.register('phone-window-panel', ['phoneWindow'], (intent) => parts.phoneWindow(intent));
  return table;
}

/** Runs `run` on a desk whose chunk loads after registration; before it arrived, the intent is reported, not lost silently. */
function lazyDesk<D>(what: string, desk: D | undefined, warn: (message: string) => void, intent: SoftphoneIntent, run: (desk: D) => Promise<void>): Promise<void> | undefined {
  if (desk === undefined) {
    warn(`${intent.kind} ignored: ${what} load once the phone is registered`);
    return undefined;
  }
  return run(desk);
}
