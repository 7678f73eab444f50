import { afterEach, describe, expect, it } from 'vitest';
import { HISTORY_LIMIT, openStore, type CallHistoryInput, type DialtoneStore } from '../../src/storage/index.ts';
import { freshDatabaseName } from './support.ts';

const stores: DialtoneStore[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

async function fresh(): Promise<{ store: DialtoneStore; name: string }> {
  const name = freshDatabaseName();
  const store = await openStore({ name });
  stores.push(store);
  return { store, name };
}

function call(agent: string, n: number, extra: Partial<CallHistoryInput> = {}): CallHistoryInput {
  return {
    agent,
    callKey: `call-${n}`,
    direction: 'inbound',
    number: `60011${String(n).padStart(4, '0')}`,
    callerName: null,
    record: null,
    startedAt: 1_000_000 + n * 1000,
    answeredAt: null,
    endedAt: 1_000_500 + n * 1000,
    disposition: null,
    ...extra,
  };
}

describe('call history store', () => {
  it('keeps each agent\'s calls apart, newest first, and one entry per call', async () => {
    const { store } = await fresh();
    await store.history.put(call('agent7', 1));
    await store.history.put(call('agent7', 2));
    await store.history.put(call('agent8', 3));
    await store.history.put(call('agent7', 1, { disposition: { subcategory: 101, label: 'Sold', callbackAt: null } }));
    const mine = await store.history.list('agent7');
    expect(mine.map((e) => e.callKey)).toEqual(['call-2', 'call-1']);
    expect(mine[1]?.disposition).toEqual({ subcategory: 101, label: 'Sold', callbackAt: null });
    expect((await store.history.list('agent8')).map((e) => e.callKey)).toEqual(['call-3']);
  });

  it(`keeps at most ${HISTORY_LIMIT} calls per agent, dropping the oldest`, async () => {
    const { store } = await fresh();
    for (let n = 1; n <= HISTORY_LIMIT + 3; n += 1) await store.history.put(call('agent7', n));
    await store.history.put(call('agent8', 1));
    const mine = await store.history.list('agent7');
    expect(mine).toHaveLength(HISTORY_LIMIT);
    expect(mine[0]?.callKey).toBe(`call-${HISTORY_LIMIT + 3}`);
    expect(mine.at(-1)?.callKey).toBe('call-4');
    expect(await store.history.list('agent8')).toHaveLength(1);
  });

  it('refuses a malformed entry and names the field', async () => {
    const { store } = await fresh();
    await expect(store.history.put({ ...call('agent7', 1), direction: 'sideways' as never })).rejects.toMatchObject({ code: 'INVALID_VALUE', message: expect.stringContaining('direction "sideways"') as unknown });
    expect(await store.history.list('agent7')).toEqual([]);
  });

  it('skips a corrupt record instead of showing it, and forgets everything on clear', async () => {
    const { store, name } = await fresh();
    await store.history.put(call('agent7', 1));
    store.close();
    await writeRawKeyed(name, { key: 'agent7\u0000bad', agent: 'agent7', callKey: 'bad', direction: 'inbound', startedAt: 'yesterday' });
    const again = await openStore({ name });
    stores.push(again);
    expect((await again.history.list('agent7')).map((e) => e.callKey)).toEqual(['call-1']);
    await again.history.clear();
    expect(await again.history.list('agent7')).toEqual([]);
  });
});

/** The history store has a keyPath: write a raw record without the store's checks. */
async function writeRawKeyed(database: string, value: Record<string, unknown>): Promise<void> {
  const { openDB } = await import('idb');
  const db = await openDB(database);
  try {
    await db.put('history', value);
  } finally {
    db.close();
  }
}
