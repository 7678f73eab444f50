/**
 * The outbox's rules as pure functions of one entry (docs/task-log.md), shared by the IndexedDB
 * outbox and its in-memory twin so both behave the same.
 */
import { isDead, isPending } from './outbox-state.ts';
import type { OutboxRecord } from './schema.ts';

/** A field value of an outbox entry (a Task field as it is sent). */
export type OutboxFieldValue = string | number | boolean | null;
/** The fields of one entry by API name. */
export type OutboxFields = Readonly<Record<string, OutboxFieldValue>>;

/** What happened to one send. */
export type SendOutcome =
  | { readonly ok: true; readonly taskId: string }
  | {
      readonly ok: false;
      /** What went wrong, as logged and shown (`CODE: message`). */
      readonly error: string;
      /**
       * Salesforce answered that it will not save these fields (a validation rule, a field it
       * refuses…): the same refusal `deadAfter` times in a row moves the entry to the dead-letter
       * list. Absent for anything that may pass by itself (timeouts, no answer, server trouble).
       */
      readonly refusal?: { readonly code: string; readonly message: string };
      readonly retryAt: number;
      /** Attempts in a row with the same refusal after which the entry is dead-lettered. */
      readonly deadAfter: number;
    };

export { isDead, isPending, isWaiting } from './outbox-state.ts';

/** The entry after an enqueue: new facts revive a dead entry and get a prompt try. */
export function enqueued(existing: OutboxRecord | undefined, key: string, fields: OutboxFields, now: number, merge: boolean): OutboxRecord {
  if (!existing) {
    return { key, fields: { ...fields }, version: 1, sentVersion: 0, taskId: null, attempts: 0, nextAttemptAt: now, lease: null, lastError: null, refusal: null, deadAt: null, createdAt: now, updatedAt: now };
  }
  return {
    ...existing,
    fields: merge ? { ...existing.fields, ...fields } : { ...fields },
    version: existing.version + 1,
    ...revived(now),
    updatedAt: now,
  };
}

/** Back-off, refusal count and dead mark cleared: the next send goes now. */
function revived(now: number): Pick<OutboxRecord, 'attempts' | 'nextAttemptAt' | 'refusal' | 'deadAt'> {
  return { attempts: 0, nextAttemptAt: now, refusal: null, deadAt: null };
}

/** A dead entry back in the queue (the agent's or admin's "Retry"). */
export function retried(entry: OutboxRecord, now: number): OutboxRecord {
  return { ...entry, ...revived(now), updatedAt: now };
}

/** Whether `entry` may be leased now. */
export function claimable(entry: OutboxRecord, now: number): boolean {
  return isPending(entry) && entry.nextAttemptAt <= now && (entry.lease === null || entry.lease.until <= now);
}

/** The entry as leased to `holder`. */
export function leased(entry: OutboxRecord, holder: string, now: number, leaseMs: number): OutboxRecord {
  return { ...entry, lease: { holder, until: now + leaseMs } };
}

/** The entry after a send of `version` ended with `outcome`. */
export function settled(entry: OutboxRecord, holder: string, version: number, outcome: SendOutcome, now: number): OutboxRecord {
  const mine = entry.lease?.holder === holder;
  if (outcome.ok) {
    // Salesforce's answer is the truth whoever holds the lease now: remember the Task.
    return {
      ...entry,
      taskId: outcome.taskId,
      sentVersion: Math.max(entry.sentVersion, version),
      attempts: 0,
      lastError: null,
      refusal: null,
      lease: mine ? null : entry.lease,
      updatedAt: now,
    };
  }
  if (!mine) return entry;
  const previous = entry.refusal ?? null;
  const same = outcome.refusal !== undefined && previous?.code === outcome.refusal.code && previous.message === outcome.refusal.message;
  const refusal = outcome.refusal ? { ...outcome.refusal, count: same ? previous.count + 1 : 1 } : null;
  // Only facts Salesforce refused are dead-lettered: a newer version stored meanwhile gets its own tries.
  const dead = refusal !== null && refusal.count >= outcome.deadAfter && entry.version === version;
  return {
    ...entry,
    attempts: entry.attempts + 1,
    nextAttemptAt: outcome.retryAt,
    lastError: outcome.error.slice(0, 500),
    refusal: refusal && { ...refusal, message: refusal.message.slice(0, 2000) },
    deadAt: dead ? now : null,
    lease: null,
    updatedAt: now,
  };
}

/** The due entry that waited longest, if any. */
export function pickDue(records: readonly OutboxRecord[], now: number): OutboxRecord | undefined {
  let best: OutboxRecord | undefined;
  for (const r of records) if (claimable(r, now) && (best === undefined || r.nextAttemptAt < best.nextAttemptAt)) best = r;
  return best;
}

/** When the next pending entry may be sent (its back-off or another sender's lease ends). */
export function dueAt(records: readonly OutboxRecord[]): number | undefined {
  let at: number | undefined;
  for (const r of records) {
    if (!isPending(r)) continue;
    const when = Math.max(r.nextAttemptAt, r.lease?.until ?? 0);
    at = at === undefined ? when : Math.min(at, when);
  }
  return at;
}

/** The dead-lettered entries, oldest first. */
export function deadOf(records: readonly OutboxRecord[]): OutboxRecord[] {
  return records.filter(isDead).sort((a, b) => (a.deadAt ?? 0) - (b.deadAt ?? 0) || a.key.localeCompare(b.key));
}

/** Whether `prune` may forget the entry: sent, and not changed since `before`. Dead entries never. */
export function prunable(entry: OutboxRecord, before: number): boolean {
  return !isDead(entry) && entry.version <= entry.sentVersion && entry.updatedAt < before;
}
