import { describeValue } from '../shared/errors.ts';
import { StorageError } from './errors.ts';
import { HISTORY_LIMIT } from './history-limit.ts';
import type { CallHistoryRecord, DialtoneDb } from './schema.ts';


export { HISTORY_LIMIT } from './history-limit.ts';

/** A call-history entry as the app writes it (the store builds the key). */
export type CallHistoryInput = Omit<CallHistoryRecord, 'key'>;

/**
 * Each agent's last calls, newest first (docs/call-history.md). One entry per agent and call:
 * writing the same call again (ended, then categorised) replaces it. At most {@link HISTORY_LIMIT}
 * per agent; every read validates the records, and a corrupt one is skipped, never shown.
 */
export interface CallHistoryStore {
  /** Stores (or replaces) one call and drops that agent's calls beyond the limit. Rejects `INVALID_VALUE`. */
  put(entry: CallHistoryInput): Promise<void>;
  /** The agent's calls, newest first, at most `limit` (default {@link HISTORY_LIMIT}). */
  list(agent: string, limit?: number): Promise<CallHistoryRecord[]>;
  /** Forgets every agent's calls in this browser ("forget me"). */
  clear(): Promise<void>;
}

const TEXT_MAX = 256;
const DIRECTIONS = new Set(['inbound', 'outbound', 'dialer']);

function isText(value: unknown, nullable: boolean): boolean {
  if (value === null) return nullable;
  return typeof value === 'string' && value.length <= TEXT_MAX;
}

function isTime(value: unknown, nullable: boolean): boolean {
  if (value === null) return nullable;
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

/** What is wrong with `value` as a history record, or `undefined` when it is one. */
export function historyProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return `expected an object, got ${describeValue(value)}`;
  const r = value as Record<string, unknown>;
  if (typeof r.agent !== 'string' || r.agent.trim() === '' || r.agent.length > TEXT_MAX) return `agent ${describeValue(r.agent)} is not a non-blank string of at most ${TEXT_MAX} characters`;
  if (typeof r.callKey !== 'string' || r.callKey.trim() === '' || r.callKey.length > TEXT_MAX) return `callKey ${describeValue(r.callKey)} is not a non-blank string of at most ${TEXT_MAX} characters`;
  if (typeof r.direction !== 'string' || !DIRECTIONS.has(r.direction)) return `direction ${describeValue(r.direction)} is not one of ${[...DIRECTIONS].join(', ')}`;
  if (!isText(r.number, true) || !isText(r.callerName, true)) return `number/callerName must be text of at most ${TEXT_MAX} characters or null`;
  if (!isTime(r.startedAt, false) || !isTime(r.answeredAt, true) || !isTime(r.endedAt, true)) return 'startedAt/answeredAt/endedAt must be epoch milliseconds (answeredAt/endedAt may be null)';
  const record = r.record as Record<string, unknown> | null | undefined;
  if (record !== null && (typeof record !== 'object' || !isText(record.id, false) || !isText(record.objectType, false) || !isText(record.name, true))) {
    return `record ${describeValue(record)} is not { id, objectType, name } or null`;
  }
  const disposition = r.disposition as Record<string, unknown> | null | undefined;
  if (disposition !== null && (typeof disposition !== 'object' || !Number.isInteger(disposition.subcategory) || !isText(disposition.label, true) || !isText(disposition.callbackAt, true))) {
    return `disposition ${describeValue(disposition)} is not { subcategory, label, callbackAt } or null`;
  }
  return undefined;
}

/** The range of one agent's entries in the `byAgent` index. */
function agentRange(agent: string): IDBKeyRange {
  return IDBKeyRange.bound([agent, 0], [agent, Number.MAX_VALUE]);
}

/** Builds the call-history API over an open connection (`where` prefixes error locations). */
export function createCallHistory(db: () => DialtoneDb, databaseName: string): CallHistoryStore {
  const where = (key: string): string => `${databaseName}/history/${key}`;
  return {
    async put(entry) {
      const problem = historyProblem(entry);
      if (problem !== undefined) throw new StorageError('INVALID_VALUE', where('?'), `refused the call-history entry: ${problem}.`);
      const key = `${entry.agent}\u0000${entry.callKey}`;
      const tx = db().transaction('history', 'readwrite');
      try {
        await tx.store.put({ ...entry, key });
        // Newest last in the index: walk from the newest, delete what is past the limit.
        let kept = 0;
        for (let cursor = await tx.store.index('byAgent').openCursor(agentRange(entry.agent), 'prev'); cursor; cursor = await cursor.continue()) {
          kept += 1;
          if (kept > HISTORY_LIMIT) await cursor.delete();
        }
        await tx.done;
      } catch (cause) {
        throw new StorageError('WRITE_FAILED', where(entry.callKey), 'IndexedDB could not write the call-history entry.', { cause });
      }
    },
    async list(agent, limit = HISTORY_LIMIT) {
      const found: CallHistoryRecord[] = [];
      try {
        const tx = db().transaction('history', 'readonly');
        for (let cursor = await tx.store.index('byAgent').openCursor(agentRange(agent), 'prev'); cursor && found.length < limit; cursor = await cursor.continue()) {
          // A record this build cannot read (a corrupt one, or a newer build's) is not shown.
          if (historyProblem(cursor.value) === undefined) found.push(cursor.value);
        }
        await tx.done;
      } catch (cause) {
        throw new StorageError('READ_FAILED', where(agent), 'IndexedDB could not read the call history.', { cause });
      }
      return found;
    },
    async clear() {
      await db().clear('history').catch((cause: unknown) => {
        throw new StorageError('WRITE_FAILED', where('*'), 'IndexedDB could not clear the call history.', { cause });
      });
    },
  };
}
