import { insertRecord, updateRecord, type DmlError } from '../records/dml.ts';
import type { RecordStore } from '../records/record-store.ts';
import { CURRENT_USER } from '../records/schema.ts';
import type { ApexClassTwin } from './apex-class.ts';

/**
 * Twin of `DialtoneTaskLog` (apex/force-app/main/default/classes/DialtoneTaskLog.cls, see
 * docs/apex.md and docs/task-log.md): `upsertCallTask(callObject, fields)` writes a call's Task
 * exactly once. The key is a `DialtoneCallKey__c` row whose `Key__c` (the user and the CallObject) is a unique,
 * case-sensitive external id; the row and the Task are written in one transaction, so two
 * requests for the same key — a retry racing a late first attempt — can never both create.
 *
 * The emulator runs one request at a time, so "under the lock" is simply "synchronously"; a late
 * commit (`/__control/inject` NO_REPLY + execute + delayMs) runs the whole method later, as the
 * real transaction would commit later. The key rows live in `RecordStore.callKeys`.
 *
 * `version` (the outbox version of the fields, from 1) is stored on the key row: a request whose
 * version is not newer than the row's (a late commit of older facts) changes nothing.
 *
 * Answers `{"taskId": "00T…", "created": true|false}`, or `{"error": {code, parameter, message}}`
 * where `code` is the refusing DML status code (e.g. `FIELD_CUSTOM_VALIDATION_EXCEPTION`) and
 * nothing was saved.
 */

export const MAX_CALL_OBJECT_LENGTH = 255;
/** Fields Salesforce refuses on a Task update. */
const CREATE_ONLY = new Set(['tasksubtype']);
const RESERVED = new Set(['id', 'entityapiname']);

type Params = Readonly<Record<string, string | undefined>>;

function answerError(code: string, parameter: string, message: string): string {
  return JSON.stringify({ error: { code, parameter, message } });
}

function dmlError(errors: readonly DmlError[]): string {
  const first = errors[0];
  return answerError(first?.statusCode ?? 'DML_FAILED', 'fields', errors.map((e) => e.message).join('; '));
}

/** The `fields` parameter as a flat object of scalars, or why not. */
function parseFields(text: string | undefined): Record<string, unknown> | string | { refused: string } {
  if (text === undefined || text.trim() === '') return 'fields is required: a JSON object of Task field API name → value';
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return `fields must be a JSON object of Task field API name → value; received text that is not JSON: ${JSON.stringify(text.slice(0, 100))}`;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return `fields must be a JSON object of Task field API name → value; received ${JSON.stringify(parsed).slice(0, 100)}`;
  }
  for (const [name, value] of Object.entries(parsed)) {
    if (RESERVED.has(name.toLowerCase())) return { refused: `fields.${name} is not a Task field this method may set` };
    if (typeof value === 'object' && value !== null) return `fields.${name} must be text, a number, a boolean or null; received ${JSON.stringify(value).slice(0, 100)}`;
  }
  return parsed as Record<string, unknown>;
}

function upsertCallTask(params: Params, store: RecordStore): string {
  const callObject = params.callObject;
  if (callObject === undefined || callObject.trim() === '') return answerError('MISSING_PARAMETER', 'callObject', 'callObject is required: the call id stored in Task.CallObject');
  if (callObject.length > MAX_CALL_OBJECT_LENGTH) {
    return answerError('INVALID_VALUE', 'callObject', `callObject must be at most ${MAX_CALL_OBJECT_LENGTH} characters; received ${JSON.stringify(callObject.slice(0, 100))}`);
  }
  const version = params.version === undefined || params.version === '' ? 1 : Number(params.version);
  if (!Number.isSafeInteger(version) || version < 1) {
    return answerError('INVALID_VALUE', 'version', `version must be a whole number from 1 (the outbox version of these fields); received ${JSON.stringify(params.version)}`);
  }
  const fields = parseFields(params.fields);
  if (typeof fields === 'string') return answerError('INVALID_VALUE', 'fields', fields);
  if (typeof fields.refused === 'string') return answerError('INVALID_FIELD', 'fields', fields.refused);
  const values = { ...fields, CallObject: callObject };
  // Apex keys on SHA-256(user id + newline + CallObject); the emulator has one user, the plain pair is as unique.
  const key = `${CURRENT_USER.Id}\n${callObject}`;
  const known = store.callKeys.get(key);
  if (known && store.get(known.taskId)) {
    // A late request carrying older facts than the Task already has changes nothing.
    if (version <= known.version) return JSON.stringify({ taskId: known.taskId, created: false });
    const update = Object.fromEntries(Object.entries(values).filter(([name]) => !CREATE_ONLY.has(name.toLowerCase())));
    const result = updateRecord(store, known.taskId, update);
    if (!result.ok) return dmlError(result.errors);
    store.callKeys.set(key, { taskId: known.taskId, version });
    return JSON.stringify({ taskId: known.taskId, created: false });
  }
  const result = insertRecord(store, 'Task', values);
  if (!result.ok) return dmlError(result.errors);
  const taskId = String(result.record.fields.Id);
  store.callKeys.set(key, { taskId, version });
  return JSON.stringify({ taskId, created: true });
}

export const DialtoneTaskLog: ApexClassTwin = {
  name: 'DialtoneTaskLog',
  methods: { upsertCallTask },
};
