/**
 * Which outbox entries still need a sender or a person: the two questions asked both by the
 * outbox's rules and, at start-up, without the outbox's code (`outboxWaiting` in open-store.ts:
 * the Task log's code loads at once only when a log waits, docs/task-log.md "When the code loads").
 */
import type { OutboxRecord } from './schema.ts';

/** Whether the entry still waits for Salesforce (dead-lettered entries wait for a person instead). */
export function isPending(entry: OutboxRecord): boolean {
  return entry.version > entry.sentVersion && !isDead(entry);
}

/**
 * Whether the pending entry is one to tell the agent about (the header's "waiting for Salesforce"):
 * a send of it failed, or it was stored at or before `storedBefore`. A log stored moments ago is
 * being sent and is not waiting yet (docs/task-log.md, "Pending count").
 */
export function isWaiting(entry: OutboxRecord, storedBefore: number): boolean {
  return isPending(entry) && (entry.lastError !== null || entry.updatedAt <= storedBefore);
}

/** Whether the entry is in the dead-letter list. */
export function isDead(entry: OutboxRecord): boolean {
  return typeof entry.deadAt === 'number';
}

/** Whether any stored value is a log to send or a dead letter to show (values that are no entry are the outbox's to refuse). */
export function holdsWork(values: readonly unknown[]): boolean {
  return values.some((value) => {
    if (typeof value !== 'object' || value === null) return false;
    const entry = value as OutboxRecord;
    return (Number.isInteger(entry.version) && Number.isInteger(entry.sentVersion) && isPending(entry)) || isDead(entry);
  });
}
