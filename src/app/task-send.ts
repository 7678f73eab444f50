/**
 * One send of an outbox entry to Salesforce (docs/task-log.md): the create is the Apex upsert
 * `DialtoneTaskLog.upsertCallTask`, keyed by `CallObject` on a key Salesforce enforces, so a
 * retry after a lost answer or a late commit updates the Task instead of writing a second one;
 * later versions update the Task by its `Id` with `saveLog`. Also which failures are Salesforce
 * refusing the log (worth dead-lettering) and which may pass by themselves.
 */
import type { TaskFields } from '../crm/task-log.ts';
import { OpenCtiError, type RunApexArgs, type SaveLogValue } from '../opencti/index.ts';
import { describeValue, messageOf } from '../shared/errors.ts';
import type { OutboxEntry } from '../storage/index.ts';

/** What the logger needs of Open CTI (the `OpenCti` shim fits). */
export interface TaskLogCti {
  saveLog(args: { value: SaveLogValue }): Promise<string>;
  refreshView(): Promise<void>;
  runApex(args: RunApexArgs): Promise<unknown>;
}

/** The Apex method that creates a call's Task exactly once (apex/…/DialtoneTaskLog.cls; twin in dev/lightning/apex/dialtone-task-log.ts). */
export const TASK_UPSERT = { apexClass: 'DialtoneTaskLog', methodName: 'upsertCallTask' } as const;

/** Apex answers that mean "busy, try again" rather than "refused": the key row was locked by a send still running. */
const TRANSIENT_APEX_CODES = new Set(['KEY_BUSY', 'UNABLE_TO_LOCK_ROW']);

/** Salesforce refused the log: it answered, nothing was saved, and the same fields will be refused again. */
export class TaskRefusal extends Error {
  constructor(readonly code: string, message: string) {
    super(`${code}: ${message}`);
    this.name = 'TaskRefusal';
  }
}

/** The Apex upsert answered `{"error": …}` that may pass by itself (a lock). */
class TaskBusy extends Error {}

/** Fields `saveLog` may not send on update (Salesforce refuses them). */
const CREATE_ONLY = new Set(['TaskSubtype']);

function withoutNulls(fields: TaskFields): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [name, value] of Object.entries(fields)) if (value !== null) out[name] = value;
  return out;
}

function updatable(fields: TaskFields): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = {};
  for (const [name, value] of Object.entries(fields)) if (!CREATE_ONLY.has(name)) out[name] = value;
  return out;
}

/**
 * The Task id in the upsert's answer `{"taskId", "created"}`. `{"error": {code, message}}` throws a
 * {@link TaskRefusal} (or a retryable error for a busy key); anything else throws too.
 */
export function taskIdOfUpsert(answer: unknown): string {
  const where = `${TASK_UPSERT.apexClass}.${TASK_UPSERT.methodName}`;
  if (typeof answer === 'object' && answer !== null && !Array.isArray(answer)) {
    const fields = answer as Record<string, unknown>;
    if (typeof fields.taskId === 'string' && fields.taskId !== '') return fields.taskId;
    const error = fields.error;
    if (typeof error === 'object' && error !== null) {
      const { code, message } = error as Record<string, unknown>;
      const codeText = typeof code === 'string' && code !== '' ? code : 'APEX_ERROR';
      const messageText = typeof message === 'string' ? message : describeValue(error, 300);
      if (TRANSIENT_APEX_CODES.has(codeText)) throw new TaskBusy(`${where} answered ${codeText}: ${messageText}`);
      throw new TaskRefusal(codeText, messageText);
    }
  }
  throw new Error(`${where} answered ${describeValue(answer, 200)}; expected {"taskId": "00T…"} or {"error": {code, message}}.`);
}

/** Sends `entry` once; resolves with the Task id Salesforce confirmed. */
export async function sendEntry(cti: TaskLogCti, entry: OutboxEntry): Promise<string> {
  if (entry.taskId !== null) {
    return cti.saveLog({ value: { ...updatable(entry.fields), Id: entry.taskId } });
  }
  const answer = await cti.runApex({
    apexClass: TASK_UPSERT.apexClass,
    methodName: TASK_UPSERT.methodName,
    methodParams: { callObject: entry.key, version: String(entry.version), fields: JSON.stringify(withoutNulls(entry.fields)) },
  });
  return taskIdOfUpsert(answer);
}

/** Open CTI codes by which Salesforce refuses the request itself (its data or arguments). */
const REFUSING_CODES = new Set(['GENERIC_ERROR', 'INVALID_PARAM', 'INVALID_ARGUMENT']);
const MISSING_CLASS = /Could not load Apex class|No such webService method/;

/**
 * Why Salesforce refused the send, when it did: the same answer again would be refused again, so
 * repeated refusals are dead-lettered. `undefined` for anything that may pass by itself — no
 * answer (timeout, abort: it may even have been saved), `SERVER_ERROR`, a busy key.
 */
export function refusalOf(error: unknown): { code: string; message: string } | undefined {
  if (error instanceof TaskRefusal) return { code: error.code, message: error.message.slice(error.code.length + 2) };
  if (!(error instanceof OpenCtiError)) return undefined;
  if (error.method === 'runApex' && error.code === 'SERVER_ERROR' && MISSING_CLASS.test(error.message)) {
    return { code: 'APEX_CLASS_MISSING', message: error.message };
  }
  return REFUSING_CODES.has(error.code) ? { code: error.code, message: reasonsOf(error) } : undefined;
}

/** Salesforce's own words (descriptions and their details), else the error's message. */
function reasonsOf(error: OpenCtiError): string {
  const parts = error.errors.map((e) => {
    if (typeof e === 'string') return e;
    const details = Array.isArray(e.details) ? e.details.map((d: unknown) => (typeof d === 'object' && d !== null && typeof (d as { message?: unknown }).message === 'string' ? (d as { message: string }).message : describeValue(d, 200))) : [];
    return [e.description, ...details].filter((t) => typeof t === 'string' && t !== '').join(' — ');
  });
  const text = parts.filter((p) => p !== '').join('; ');
  return text === '' ? error.message : text;
}

export function describeSendError(error: unknown): string {
  return error instanceof OpenCtiError ? `${error.code}: ${error.message}` : messageOf(error);
}

/**
 * The clock of leases and back-off: `performance.timeOrigin + performance.now()`. Within a page it
 * is monotonic — a wall-clock jump (NTP, the agent changing the time) moves neither the leases this
 * page took nor its view of other pages' leases — and it counts from the page's start on the Unix
 * epoch, so two tabs' values are comparable (they differ only by wall-clock changes between the
 * two tabs' starts). docs/task-log.md reasons it out.
 */
export function leaseClock(): number {
  return performance.timeOrigin + performance.now();
}
