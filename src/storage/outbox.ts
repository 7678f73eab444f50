import { describeValue } from '../shared/errors.ts';
import { StorageError } from './errors.ts';
import { deadOf, dueAt, enqueued, isDead, isPending, isWaiting, leased, pickDue, prunable, retried, settled, type OutboxFields, type SendOutcome } from './outbox-rules.ts';
import type { DialtoneDb, OutboxRecord } from './schema.ts';

export { isPending, isDead } from './outbox-rules.ts';

/** One stored log, as the sender sees it. */
export type OutboxEntry = OutboxRecord;
export type { OutboxFieldValue, OutboxFields, SendOutcome } from './outbox-rules.ts';

/**
 * The log outbox (docs/task-log.md): every Task waits here until Salesforce confirmed it, keyed by
 * its `CallObject`. Each operation is one IndexedDB transaction, so several tabs (or a reloaded
 * one) on the same database see one consistent entry per key, and the per-entry lease lets only
 * one sender at a time work on an entry.
 */
export interface Outbox {
  /** `false` for the in-memory outbox used when IndexedDB is not available (logs die with the page). */
  readonly persistent: boolean;
  /**
   * Stores `fields` for `key` (a new entry, or the pending/sent one replaced — `merge` keeps the
   * fields not given). Bumps the entry's version so a sender in flight does not mark it sent.
   * Rejects `INVALID_VALUE` for a bad key or fields.
   */
  enqueue(key: string, fields: OutboxFields, options: { readonly now: number; readonly merge?: boolean }): Promise<OutboxEntry>;
  /** Leases the next due entry to `holder` until `now + leaseMs`; `undefined` when none is due. */
  claim(holder: string, now: number, leaseMs: number): Promise<OutboxEntry | undefined>;
  /** Records what sending version `version` of `key` gave, and releases the lease. */
  settle(key: string, holder: string, version: number, outcome: SendOutcome, now: number): Promise<void>;
  /** The entry of `key` (sent ones are kept until pruned: their Task Id updates them later). */
  get(key: string): Promise<OutboxEntry | undefined>;
  /**
   * How many entries still wait for Salesforce (`pending`), and of those how many to tell the agent
   * about (`waiting`): a send failed, or stored at or before `storedBefore` (`isWaiting`; all of
   * them without `storedBefore`). One read of the store for both.
   */
  pendingCounts(storedBefore?: number): Promise<PendingCounts>;
  /** When the next pending entry may be sent (its back-off or another sender's lease ends); `undefined` = none. */
  nextDueAt(): Promise<number | undefined>;
  /** Forgets sent entries last changed before `before` (never a dead-lettered one). */
  prune(before: number): Promise<number>;
  /** The dead-lettered entries (Salesforce kept refusing them), oldest first; kept until dismissed. */
  deadLetters(): Promise<OutboxEntry[]>;
  /** Puts a dead-lettered entry back in the queue, due `now`; `false` if `key` is not dead-lettered. */
  retry(key: string, now: number): Promise<boolean>;
  /** Deletes a dead-lettered entry (a person copied it and dismissed it); `false` if `key` is not dead-lettered. */
  dismiss(key: string): Promise<boolean>;
}

/** What `Outbox.pendingCounts` answers. */
export interface PendingCounts {
  readonly pending: number;
  readonly waiting: number;
}

/** The pending entries, and those of them to tell the agent about (all, without `storedBefore`). */
function countPending(records: readonly OutboxRecord[], storedBefore: number | undefined): PendingCounts {
  const pending = records.filter(isPending);
  const waiting = storedBefore === undefined ? pending.length : pending.filter((r) => isWaiting(r, storedBefore)).length;
  return { pending: pending.length, waiting };
}

const KEY_MAX = 255;
const FORBIDDEN_FIELDS = new Set(['id', 'entityapiname']);

function checkInput(where: string, key: unknown, fields: unknown): void {
  if (typeof key !== 'string' || key.trim() === '' || key.length > KEY_MAX) {
    throw new StorageError('INVALID_VALUE', where, `refused key ${describeValue(key)}; expected a non-blank string of at most ${KEY_MAX} characters (the CallObject).`);
  }
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) {
    throw new StorageError('INVALID_VALUE', where, `refused fields ${describeValue(fields)}; expected an object of field API name → value.`);
  }
  for (const [name, value] of Object.entries(fields)) {
    if (FORBIDDEN_FIELDS.has(name.toLowerCase())) {
      throw new StorageError('INVALID_VALUE', where, `refused field ${name}; the outbox sets Id and entityApiName itself.`);
    }
    const ok = value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
    if (!ok) throw new StorageError('INVALID_VALUE', where, `refused ${name} = ${describeValue(value)}; expected a string, a finite number, a boolean or null.`);
  }
}

function isRecord(value: unknown): value is OutboxRecord {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return typeof r.key === 'string' && typeof r.fields === 'object' && r.fields !== null && Number.isInteger(r.version) && Number.isInteger(r.sentVersion) &&
    (r.taskId === null || typeof r.taskId === 'string') && typeof r.nextAttemptAt === 'number' && typeof r.attempts === 'number';
}

/** The outbox in the `outbox` store of the open database. */
export function createOutbox(db: () => DialtoneDb, databaseName: string): Outbox {
  const where = (key = ''): string => `${databaseName}/outbox/${key}`;
  const fail = (code: 'READ_FAILED' | 'WRITE_FAILED', key: string) => (cause: unknown): never => {
    if (cause instanceof StorageError) throw cause;
    throw new StorageError(code, where(key), `IndexedDB could not ${code === 'READ_FAILED' ? 'read' : 'write'} the outbox.`, { cause });
  };
  const valid = async (): Promise<OutboxRecord[]> => (await db().getAll('outbox')).filter(isRecord);
  /** Replaces (or, with `null`, deletes) a dead-lettered entry in one transaction. */
  const change = (key: string, next: ((r: OutboxRecord) => OutboxRecord) | null): Promise<boolean> => {
    const tx = db().transaction('outbox', 'readwrite');
    const run = async (): Promise<boolean> => {
      const raw = await tx.store.get(key);
      const dead = isRecord(raw) && isDead(raw);
      if (dead) await (next ? tx.store.put(next(raw)) : tx.store.delete(key));
      await tx.done;
      return dead;
    };
    return run().catch(fail('WRITE_FAILED', key));
  };

  return {
    persistent: true,
    async enqueue(key, fields, { now, merge = false }) {
      checkInput(where(key), key, fields);
      const tx = db().transaction('outbox', 'readwrite');
      const run = async (): Promise<OutboxRecord> => {
        const raw = await tx.store.get(key);
        const next = enqueued(isRecord(raw) ? raw : undefined, key, fields, now, merge);
        await tx.store.put(next);
        await tx.done;
        return next;
      };
      return run().catch(fail('WRITE_FAILED', key));
    },
    async claim(holder, now, leaseMs) {
      const tx = db().transaction('outbox', 'readwrite');
      const run = async (): Promise<OutboxRecord | undefined> => {
        const due = pickDue((await tx.store.getAll()).filter(isRecord), now);
        if (due) await tx.store.put(leased(due, holder, now, leaseMs));
        await tx.done;
        return due;
      };
      return run().catch(fail('WRITE_FAILED', ''));
    },
    async settle(key, holder, version, outcome, now) {
      const tx = db().transaction('outbox', 'readwrite');
      const run = async (): Promise<void> => {
        const raw = await tx.store.get(key);
        if (isRecord(raw)) await tx.store.put(settled(raw, holder, version, outcome, now));
        await tx.done;
      };
      return run().catch(fail('WRITE_FAILED', key));
    },
    async get(key) {
      const raw = await db().get('outbox', key).catch(fail('READ_FAILED', key));
      if (raw === undefined) return undefined;
      if (!isRecord(raw)) throw new StorageError('CORRUPT_RECORD', where(key), `stored value ${describeValue(raw)} is not an outbox entry.`);
      return raw;
    },
    async pendingCounts(storedBefore) {
      return countPending(await valid().catch(fail('READ_FAILED', '')), storedBefore);
    },
    async nextDueAt() {
      return dueAt(await valid().catch(fail('READ_FAILED', '')));
    },
    async prune(before) {
      const tx = db().transaction('outbox', 'readwrite');
      const run = async (): Promise<number> => {
        let removed = 0;
        for (let cursor = await tx.store.openCursor(); cursor; cursor = await cursor.continue()) {
          const r = cursor.value as unknown;
          if (isRecord(r) && prunable(r, before)) {
            await cursor.delete();
            removed += 1;
          }
        }
        await tx.done;
        return removed;
      };
      return run().catch(fail('WRITE_FAILED', ''));
    },
    async deadLetters() {
      return deadOf(await valid().catch(fail('READ_FAILED', '')));
    },
    retry: (key, now) => change(key, (r) => retried(r, now)),
    dismiss: (key) => change(key, null),
  };
}

/**
 * The same outbox in this page's memory, for a Salesforce frame whose browser blocks third-party
 * storage: logs still go out with retries, but a reload or a closed tab loses the pending ones.
 */
export function createMemoryOutbox(): Outbox {
  const entries = new Map<string, OutboxRecord>();
  const where = (key: string): string => `memory/outbox/${key}`;
  return {
    persistent: false,
    async enqueue(key, fields, { now, merge = false }) {
      await Promise.resolve();
      checkInput(where(key), key, fields);
      const next = enqueued(entries.get(key), key, fields, now, merge);
      entries.set(key, next);
      return next;
    },
    claim(holder, now, leaseMs) {
      const due = pickDue([...entries.values()], now);
      if (due) entries.set(due.key, leased(due, holder, now, leaseMs));
      return Promise.resolve(due);
    },
    settle(key, holder, version, outcome, now) {
      const entry = entries.get(key);
      if (entry) entries.set(key, settled(entry, holder, version, outcome, now));
      return Promise.resolve();
    },
    get: (key) => Promise.resolve(entries.get(key)),
    pendingCounts: (storedBefore) => Promise.resolve(countPending([...entries.values()], storedBefore)),
    nextDueAt: () => Promise.resolve(dueAt([...entries.values()])),
    prune(before) {
      let removed = 0;
      for (const [key, r] of entries) {
        if (prunable(r, before)) {
          entries.delete(key);
          removed += 1;
        }
      }
      return Promise.resolve(removed);
    },
    deadLetters: () => Promise.resolve(deadOf([...entries.values()])),
    retry(key, now) {
      const entry = entries.get(key);
      if (!entry || !isDead(entry)) return Promise.resolve(false);
      entries.set(key, retried(entry, now));
      return Promise.resolve(true);
    },
    dismiss(key) {
      const entry = entries.get(key);
      if (!entry || !isDead(entry)) return Promise.resolve(false);
      entries.delete(key);
      return Promise.resolve(true);
    },
  };
}
