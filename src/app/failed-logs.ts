/**
 * A dead-lettered outbox entry as the agent sees it (docs/task-log.md "Refused logs"): the Task's
 * subject, Salesforce's code and words, and a plain-text block with everything an admin needs to
 * find the cause and write the Task by hand — what the panel's Copy button copies.
 */
import type { FailedLogView } from '../view/agent-view.ts';
import type { OutboxEntry } from '../storage/index.ts';

export function failedLogViewOf(entry: OutboxEntry): FailedLogView {
  const refusal = entry.refusal ?? { code: 'UNKNOWN', message: entry.lastError ?? 'no reason recorded', count: entry.attempts };
  const subject = typeof entry.fields.Subject === 'string' && entry.fields.Subject !== '' ? entry.fields.Subject : entry.key;
  const when = typeof entry.deadAt === 'number' ? new Date(entry.deadAt).toISOString() : 'unknown';
  const details = [
    'Dialtone call log refused by Salesforce (docs/task-log.md)',
    `CallObject: ${entry.key}`,
    `Task Id: ${entry.taskId ?? 'none (not created)'}`,
    `Refused: ${refusal.code}: ${refusal.message}`,
    `Sends refused in a row: ${refusal.count}; stopped at ${when}`,
    'Fields:',
    ...Object.entries(entry.fields).map(([name, value]) => `  ${name}: ${value === null ? '(empty)' : String(value)}`),
  ].join('\n');
  return { key: entry.key, subject, code: refusal.code, reason: refusal.message, attempts: refusal.count, details };
}
