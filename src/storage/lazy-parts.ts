/**
 * The outbox's and the call history's code (`outbox.ts` with its rules, `call-history.ts`) is
 * fetched the first time something uses them, not with the store: at start-up the page opens the
 * database for the preferences and the vault, and their only users — the Task log, the history of
 * a logged-in agent — come after REGISTER 200 (docs/task-log.md "When the code loads",
 * docs/call-history.md; issue 18). Each method forwards to the real one once it is in; a failed
 * fetch rejects that call (the caller handles it as any failed read or write) and the next call
 * fetches again.
 */
import type * as HistoryModule from './call-history.ts';
import type { CallHistoryStore } from './call-history.ts';
import type * as OutboxModule from './outbox.ts';
import type { Outbox } from './outbox.ts';
import { holdsWork } from './outbox-state.ts';
import type { DialtoneDb } from './schema.ts';

/** `make()` once, on first use; forgotten if it failed, so the next use tries again. */
function onFirstUse<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => {
    const making = (made ??= make());
    making.catch(() => {
      if (made === making) made = undefined;
    });
    return making;
  };
}

/** The IndexedDB outbox of `db`, its code fetched on first use. */
export function lazyOutbox(db: () => DialtoneDb, databaseName: string, load: () => Promise<typeof OutboxModule> = () => import('./outbox.ts')): Outbox {
  const outbox = onFirstUse(async () => (await load()).createOutbox(db, databaseName));
  return {
    persistent: true,
    enqueue: async (key, fields, options) => (await outbox()).enqueue(key, fields, options),
    claim: async (holder, now, leaseMs) => (await outbox()).claim(holder, now, leaseMs),
    settle: async (key, holder, version, outcome, now) => (await outbox()).settle(key, holder, version, outcome, now),
    get: async (key) => (await outbox()).get(key),
    pendingCounts: async (storedBefore) => (await outbox()).pendingCounts(storedBefore),
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

/** The call history of `db`, its code fetched on first use. */
export function lazyHistory(db: () => DialtoneDb, databaseName: string, load: () => Promise<typeof HistoryModule> = () => import('./call-history.ts')): CallHistoryStore {
  const history = onFirstUse(async () => (await load()).createCallHistory(db, databaseName));
  return {
    put: async (entry) => (await history()).put(entry),
    list: async (agent, limit) => (await history()).list(agent, limit),
    clear: async () => (await history()).clear(),
  };
}
