/**
 * The call's Task (Open CTI `saveLog`), as pure data: which fields a finished call writes in
 * Salesforce, from the call record, the record linked to it and the call center's configuration.
 * No I/O: the app's outbox (src/app/task-logger.ts) stores and sends what this returns.
 * See docs/task-log.md for every field and why.
 */
import type { CallFacts } from '../call/call-facts.ts';
import type { TransferRecord } from '../call/call-control-types.ts';
import type { Category } from '../config/config-types.ts';
import { DialtoneError, describeValue } from '../shared/errors.ts';
import { SALESFORCE_ID_SHAPE } from '../shared/salesforce-id.ts';
import { taskLookupOf, type LinkedRecord } from './linked-record.ts';

/** A Task field value as `saveLog` sends it (`null` clears a field on update). */
export type TaskFieldValue = string | number | boolean | null;

/** Task fields by API name (never `entityApiName` nor `Id`: the outbox adds those). */
export type TaskFields = Readonly<Record<string, TaskFieldValue>>;

/** What the mapping needs from the configuration (a whole `Config` fits). */
export interface TaskLogConfig {
  readonly categories: readonly Category[];
  readonly crm: { readonly useTaskDescriptionField: boolean };
}

/** Why a call could not be turned into a Task. */
export type TaskLogErrorCode = 'CALL_NOT_ENDED' | 'BAD_CALL' | 'BAD_RECORD';

/** A call record or linked record the Task cannot be built from (a bug upstream, never the agent's). */
export class TaskLogError extends DialtoneError<TaskLogErrorCode> {}

/** `CallDisposition` of a call released without a category. */
export const RELEASED_DISPOSITION = 'released';

/** Longest `Subject` Salesforce accepts. */
const SUBJECT_MAX = 255;
/** Longest `CallDisposition` / `CallObject` (text 255). */
const TEXT_MAX = 255;

/**
 * The Task's `CallObject`: the platform call id (`platform call id`), which makes the log idempotent.
 * A call the platform never numbered (a leg that rang and was gone before platform status showed it)
 * uses `dialtone-leg:<SIP leg id>`, and without a leg either `dialtone-call:<start epoch ms>`:
 * both are fixed for the life of the call record, so its two logs (end, disposition) are one Task.
 */
export function callObjectOf(call: CallFacts): string {
  if (call.callId !== null) return call.callId;
  if (call.legId !== null) return `dialtone-leg:${call.legId}`.slice(0, TEXT_MAX);
  return `dialtone-call:${call.startedAt}`;
}

/** `CallType`: the platform's dialer calls out, so it is `Outbound` for Salesforce. */
export function callTypeOf(call: CallFacts): 'Inbound' | 'Outbound' {
  return call.direction === 'inbound' ? 'Inbound' : 'Outbound';
}

/** The sub-category's name from the configuration, `Subcategory <id>` if the configuration lost it. */
export function dispositionName(subcategory: number, categories: readonly Category[]): string {
  for (const category of categories) {
    const found = category.subcategories.find((s) => s.id === subcategory);
    if (found) return found.name.slice(0, TEXT_MAX);
  }
  return `Subcategory ${subcategory}`;
}

/** Whole seconds from answer to end; `0` for a call never answered. */
export function callDurationSeconds(call: CallFacts): number {
  if (call.answeredAt === null || call.endedAt === null) return 0;
  return Math.max(0, Math.round((call.endedAt - call.answeredAt) / 1000));
}

/** The agent's calendar day of an instant, `YYYY-MM-DD` (the browser's time zone). */
export function localDateOf(epochMs: number): string {
  const d = new Date(epochMs);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * `Subject`, the same in every language (a Task is read by people with other UI languages, and
 * reports group on it): `Call <number> (<direction>)`, e.g. `Call 600111222 (inbound)`; a call
 * without a number reads `Call unknown number (inbound)`.
 */
export function subjectOf(call: CallFacts): string {
  return `Call ${call.number ?? 'unknown number'} (${call.direction})`.slice(0, SUBJECT_MAX);
}

/** `WhoId`/`WhatId` for a linked record: the one it belongs in, and `null` in the other (clears it on update). */
export function lookupFieldsOf(link: LinkedRecord | null): { WhoId: string | null; WhatId: string | null } {
  if (link === null) return { WhoId: null, WhatId: null };
  if (typeof link.id !== 'string' || !SALESFORCE_ID_SHAPE.test(link.id)) {
    throw new TaskLogError('BAD_RECORD', `linked record id: received ${describeValue(link.id)}; expected a 15- or 18-character Salesforce id.`);
  }
  if (typeof link.objectType !== 'string' || link.objectType.trim() === '') {
    throw new TaskLogError('BAD_RECORD', `linked record ${link.id} objectType: received ${describeValue(link.objectType)}; expected an object API name such as Contact.`);
  }
  return taskLookupOf(link.objectType) === 'WhoId' ? { WhoId: link.id, WhatId: null } : { WhoId: null, WhatId: link.id };
}

function checkCall(call: CallFacts): void {
  const time = (name: string, value: unknown, nullable: boolean): void => {
    if (value === null && nullable) return;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new TaskLogError('BAD_CALL', `call ${describeValue(call.callId)} ${name}: received ${describeValue(value)}; expected epoch milliseconds${nullable ? ' or null' : ''}.`);
    }
  };
  time('startedAt', call.startedAt, false);
  time('answeredAt', call.answeredAt, true);
  time('endedAt', call.endedAt, true);
  if (call.endedAt === null) {
    throw new TaskLogError('CALL_NOT_ENDED', `call ${describeValue(call.callId)} has no endedAt; expected a call that ended (the Task is written when the call ends).`);
  }
  if (call.answeredAt !== null && call.answeredAt > call.endedAt) {
    throw new TaskLogError('BAD_CALL', `call ${describeValue(call.callId)} answeredAt ${call.answeredAt} is after endedAt ${call.endedAt}; expected answered ≤ ended.`);
  }
}

/** How the disposition reads, `null` while there is none yet (the call just ended). */
function dispositionOf(call: CallFacts, final: boolean, config: TaskLogConfig): string | null {
  if (call.disposition !== null) return dispositionName(call.disposition.subcategory, config.categories);
  return final ? RELEASED_DISPOSITION : null;
}

/** The `Description` of the management (`useTaskDescriptionField`): one `Label: value` a line, English keys. */
export function descriptionOf(call: CallFacts, disposition: string | null): string {
  const lines = [
    `Number: ${call.number ?? '-'}`,
    `Direction: ${call.direction}`,
    `Campaign: ${call.campaign ?? '-'}`,
    `Queue: ${call.queue ?? '-'}`,
    `Disposition: ${disposition ?? '-'}`,
    `Callback: ${call.disposition?.callbackAt ?? '-'}`,
  ];
  if (call.contact !== null) lines.push(`Neotel contact: ${call.contact.base}/${call.contact.contactId} (${call.contact.data})`);
  lines.push(...transferLines(call));
  return lines.join('\n');
}

/** What a transfer target reads as in the Task (English, like the rest of the Task's text). */
function targetText(target: TransferRecord['target']): string {
  switch (target.kind) {
    case 'number': return `number ${target.number}`;
    case 'user': return `user ${target.user}`;
    case 'queue': return `queue ${target.queue}`;
    case 'campaign': return `campaign ${target.campaign}`;
  }
}

/**
 * One `Transfer:` line per transfer the agent asked for, in order, e.g.
 * `Transfer: attended to queue 5 at 2026-12-04T09:40:00.000Z (completed)`.
 */
export function transferLines(call: CallFacts): string[] {
  return call.transfers.map((t) => `Transfer: ${t.mode} to ${targetText(t.target)} at ${new Date(t.at).toISOString()} (${t.outcome})`);
}

/** Options of {@link taskFieldsOf}. */
export interface TaskFieldsOptions {
  /** `true` once the agent is done with the call (disposition or release). */
  readonly final: boolean;
  /** The calendar day of an instant; default the browser's time zone ({@link localDateOf}). */
  readonly dateOf?: (epochMs: number) => string;
}

/**
 * The Task of a finished call. `CallDisposition` is left out until the call is final (then the
 * sub-category's name, or `released`). Throws {@link TaskLogError} for a call that has not ended
 * or carries impossible times, or a linked record without a valid id.
 */
export function taskFieldsOf(call: CallFacts, link: LinkedRecord | null, config: TaskLogConfig, options: TaskFieldsOptions): TaskFields {
  checkCall(call);
  const endedAt = call.endedAt ?? call.startedAt;
  const disposition = dispositionOf(call, options.final, config);
  const fields: Record<string, TaskFieldValue> = {
    TaskSubtype: 'Call',
    Type: 'Call',
    Subject: subjectOf(call),
    Status: 'Completed',
    ActivityDate: (options.dateOf ?? localDateOf)(endedAt),
    CallType: callTypeOf(call),
    CallObject: callObjectOf(call),
    CallDurationInSeconds: callDurationSeconds(call),
    ...lookupFieldsOf(link),
  };
  if (disposition !== null) fields.CallDisposition = disposition;
  if (config.crm.useTaskDescriptionField) fields.Description = descriptionOf(call, disposition);
  // The Task records every transfer, even when the management details stay out of Description.
  else if (call.transfers.length > 0) fields.Description = transferLines(call).join('\n');
  return fields;
}
