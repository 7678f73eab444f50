/**
 * The outbox's code (its transactions and rules, `outbox.ts`) is fetched the first time something
 * uses the outbox, not with the store: at start-up the page opens the database for the
 * preferences and the vault, and the Task log, the outbox's only user, loads after REGISTER 200
 * unless a log waits (docs/task-log.md, "When the code loads"; issue 18). Each method forwards to
 * the real outbox once it is in; a failed fetch rejects that call (the caller retries, as with
 * any failed read) and the next call fetches again.
 */
import type * as OutboxModule from './outbox.ts';
import type { Outbox } from './outbox.ts';
import { holdsWork } from './outbox-state.ts';
import type { DialtoneDb } from './schema.ts';

/** The IndexedDB outbox of `db`, its code fetched on first use. */
export function lazyOutbox(db: () => DialtoneDb, databaseName: string, load: () => Promise<typeof OutboxModule> = () => import('./outbox.ts')): Outbox {
  let real: Promise<Outbox> | undefined;
  const outbox = (): Promise<Outbox> => {
    const loading = (real ??= load().then(({ createOutbox }) => createOutbox(db, databaseName)));
    loading.catch(() => {
      if (real === loading) real = undefined;
    });
    return loading;
  };
  return {
    persistent: true,
    enqueue: async (key, fields, options) => (await outbox()).enqueue(key, fields, options),
    claim: async (holder, now, leaseMs) => (await outbox()).claim(holder, now, leaseMs),
    settle: async (key, holder, version, outcome, now) => (await outbox()).settle(key, holder, version, outcome, now),
    get: async (key) => (await outbox()).get(key),
    pendingCount: async () => (await outbox()).pendingCount(),
    nextDueAt: async () => (await outbox()).nextDueAt(),
    prune: async (before) => (await outbox()).prune(before),
    deadLetters: async () => (await outbox()).deadLetters(),
    retry: async (key, now) => (await outbox()).retry(key, now),
    dismiss: async (key) => (await outbox()).dismiss(key),
  };
}

/** Whether the outbox of `db` holds a log to send or a dead letter to show: one read, without the outbox's code. */
export async function outboxWaiting(db: () => DialtoneDb): Promise<boolean> {
  return holdsWork(await db().getAll('outbox'));
}
