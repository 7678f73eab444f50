/**
 * The session's intent table (intent-table.ts): every `SoftphoneIntent` kind and the one
 * collaborator that runs it. `test/app/intent-handlers.test.ts` checks that every kind of the
 * union has exactly one handler here.
 */
import { SESSION_INTENT_KINDS } from '../call/session-intents.ts';
import type { SoftphoneIntent } from '../view/agent-view.ts';
import type { AgentRuntime } from './agent-runtime.ts';
import type { AttendantDesk } from './attendant-desk.ts';
import type { CrmDesk } from './crm-desk.ts';
import type { DeskActions } from './desk-actions.ts';
import type { DirectoryDesk } from './directory-desk.ts';
import type { HealthGate } from './health-gate.ts';
import { IntentTable, type IntentOf } from './intent-table.ts';
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
  /** The phone-window bar's intent, on a page without the phone window (the panel's own handles it before). */
  phoneWindow(intent: IntentOf<'phoneWindow'>): void;
  warn(message: string, cause?: unknown): void;
}

/** The machine's intents that go to the runtime as they are (login and dial take a step of the session first). */
const RUNTIME_KINDS = [...MACHINE_INTENT_KINDS.filter((kind) => kind !== 'login' && kind !== 'dial'), ...SESSION_INTENT_KINDS, ...RUNTIME_VIEW_INTENT_KINDS];

/** Builds the table: one handler per intent kind. */
export function intentTable(parts: IntentHandlerParts): IntentTable {
  const table = new IntentTable();
  const { runtime, supervision, crm, attendant, health, tasks } = parts;
  const warn = (message: string, cause?: unknown): void => parts.warn(message, cause);
  table.register('runtime', RUNTIME_KINDS, (intent) => runtime.send(intent));
  table.register('session', ['login'], (intent) => parts.login(intent));
  table.register('session', ['dial'], (intent) => parts.dial(intent));
  table.register('supervision-desk', [...MONITOR_INTENTS], (intent) => supervision.intent(intent));
  table.register('crm-desk', ['repointCall', 'syncRecord', 'clickToDial'], (intent) => crm.intent(intent));
  // This page's Salesforce tab and this page's microphone and speaker: never relayed.
  table.register('attendant-desk', ['showInCrm', 'registerPhoneLinks'], (intent) => void attendant.handleLocally(intent), { here: true });
  table.register('health-gate', ['recheckHealth'], () => health.checkAll(), { here: true });
  table.register('health-gate', ['playTestTone'], () => health.playTone(), { here: true });
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
