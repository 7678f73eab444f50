/**
 * The call history's code loads with the first logged-in agent's history, not at start-up
 * (src/app/lazy-call-history.ts, docs/call-history.md "When the code loads"): the real keeper and
 * store (fake-indexeddb), the chunk's import counted and held back by a gate.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as chunk from '../../src/app/call-history.ts';
import { LazyCallHistory } from '../../src/app/lazy-call-history.ts';
import { newCall } from '../../src/call/call-facts.ts';
import { parseCallId } from '../../src/call/index.ts';
import type { CallHistoryEntryView } from '../../src/controllers/agent-view.ts';
import { openStore, type DialtoneStore } from '../../src/storage/index.ts';
import { freshDatabaseName } from '../storage/support.ts';

const opened: DialtoneStore[] = [];
afterEach(() => {
  for (const store of opened.splice(0)) store.close();
});

function lazyHistory(gate: Promise<void>) {
  const shown: (readonly CallHistoryEntryView[])[] = [];
  let loads = 0;
  const name = freshDatabaseName();
  const history = new LazyCallHistory(
    {
      categories: [],
      onEntries: (entries) => shown.push(entries),
      warn: (message) => {
        throw new Error(`unexpected warning: ${message}`);
      },
      open: async () => {
        const store = await openStore({ name });
        opened.push(store);
        return store;
      },
    },
    async () => {
      loads += 1;
      await gate;
      return chunk;
    },
  );
  return { history, shown, loads: () => loads };
}

describe('the call history before its code is in', () => {
  it('fetches nothing while nobody is logged in, and the code with the first agent', async () => {
    const { history, loads } = lazyHistory(Promise.resolve());
    history.follow(null);
    history.follow(null);
    expect(loads(), 'a logged-out panel needs no history').toBe(0);
    history.follow('1001');
    await vi.waitFor(() => expect(history.loaded).toBe(true));
    expect(loads()).toBe(1);
  });

  it('keeps a call recorded before the code is in, for the agent followed before it, in order', async () => {
    let open: () => void = () => undefined;
    const { history, shown, loads } = lazyHistory(new Promise<void>((resolve) => (open = resolve)));
    history.follow('1001');
    history.record({ ...newCall('inbound', 1_000_000, { callId: parseCallId('77'), number: '1145551234' }), answeredAt: 1_002_000, endedAt: 1_067_000 }, null);
    history.follow(null); // logged out afterwards: the call was still the agent's
    history.follow('1001');
    open();
    await vi.waitFor(() => expect(shown.at(-1)?.map((e) => e.key)).toEqual(['77']));
    expect(loads()).toBe(1);
  });
});
