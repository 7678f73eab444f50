/**
 * The Task log's code loads after REGISTER 200 unless a log waits (src/app/lazy-task-log.ts,
 * docs/task-log.md "When the code loads"): the real logger, the real IndexedDB outbox
 * (fake-indexeddb) and its one-read `outboxWaiting`, with the chunk's import counted.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { LazyTaskLog } from '../../src/app/lazy-task-log.ts';
import * as chunk from '../../src/app/task-logger.ts';
import type { TaskLogCti } from '../../src/app/task-logger.ts';
import { openStore, type DialtoneStore } from '../../src/storage/index.ts';
import { freshDatabaseName } from '../storage/support.ts';
import { call, config } from './task-log-support.ts';

/** An org whose Apex upsert answers a new Task id per CallObject. */
function org(): TaskLogCti & { created: string[] } {
  const created: string[] = [];
  return {
    created,
    runApex: (args) => {
      created.push(args.methodParams?.callObject ?? '');
      return Promise.resolve({ taskId: `00TDt0000000${String(created.length).padStart(3, '0')}AAA`, created: true });
    },
    saveLog: ({ value }) => Promise.resolve(String(value.Id)),
    refreshView: () => Promise.resolve(),
  };
}

const stores: DialtoneStore[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

/** A lazy log on `database`, counting how often its code is fetched; `gate` holds the fetch back. */
async function lazyLog(cti: TaskLogCti, database: string, gate: Promise<void> = Promise.resolve()) {
  const store = await openStore({ name: database });
  stores.push(store);
  const loads = { count: 0 };
  const pending: number[] = [];
  const log = new LazyTaskLog(
    {
      config,
      cti,
      linkOf: () => null,
      onPending: (n) => pending.push(n),
      onVolatile: () => undefined,
      warn: () => undefined,
      openOutbox: () => Promise.resolve(store.outbox),
      waiting: () => store.outboxWaiting(),
      // Every stored log counts at once: `pending` tells these tests a log was stored or sent.
      waitingAfterMs: 0,
    },
    async () => {
      loads.count += 1;
      await gate;
      return chunk;
    },
  );
  return { log, loads, pending, store };
}

const until = async (what: string, ok: () => boolean): Promise<void> => {
  for (let i = 0; i < 200 && !ok(); i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
  if (!ok()) throw new Error(`timed out waiting for ${what}`);
};

describe('LazyTaskLog', () => {
  it('does not fetch the code when this tab becomes the owner of an empty outbox; load() (REGISTER 200) fetches it', async () => {
    const { log, loads, store } = await lazyLog(org(), freshDatabaseName());
    log.start();
    expect(await store.outboxWaiting()).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(loads.count, 'no code fetched for an empty outbox').toBe(0);
    log.load();
    await until('the code', () => log.loaded);
    expect(loads.count).toBe(1);
  });

  it('fetches the code at once and sends the logs a closed tab left, without a login', async () => {
    const database = freshDatabaseName();
    const closed = await lazyLog({ ...org(), runApex: () => Promise.reject(new Error('Salesforce is down')) }, database);
    closed.log.log(call('4711'), false); // the first tab logs a call while Salesforce fails, then closes
    await until('the log stored', () => closed.pending.at(-1) === 1);
    const cti = org();
    const next = await lazyLog(cti, database);
    expect(await next.store.outboxWaiting()).toBe(true);
    next.log.start(); // becomes the owner; nobody logs in, so load() is never called
    await until('the left log sent', () => cti.created.length === 1);
    expect(cti.created).toEqual(['4711']);
    expect(next.loads.count).toBe(1);
  });

  it('keeps what is asked before the code is in and runs it, in order, once it is', async () => {
    let open: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const cti = org();
    const { log, loads, pending } = await lazyLog(cti, freshDatabaseName(), gate);
    log.start();
    log.log(call('5001'), false);
    const stored = log.enqueue('monitor-1', { Subject: 'Monitoring' });
    log.log(call('5002'), false);
    expect(log.loaded).toBe(false);
    open();
    await stored;
    await until('three Tasks', () => cti.created.length === 3);
    expect(cti.created).toEqual(['5001', 'monitor-1', '5002']);
    expect(loads.count, 'one fetch for all of them').toBe(1);
    await until('nothing pending', () => pending.at(-1) === 0);
  });
});
