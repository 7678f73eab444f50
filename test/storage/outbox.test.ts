import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryOutbox, openStore, type DialtoneStore, type Outbox } from '../../src/storage/index.ts';
import { freshDatabaseName } from './support.ts';

const stores: DialtoneStore[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

async function open(name: string): Promise<DialtoneStore> {
  const store = await openStore({ name });
  stores.push(store);
  return store;
}

const LEASE = 30_000;
const fields = { Subject: 'Call 600111222 (inbound)', CallObject: '4711', CallDurationInSeconds: 12, WhoId: null };

describe.each([
  ['IndexedDB', async (): Promise<Outbox> => (await open(freshDatabaseName())).outbox],
  ['memory', (): Promise<Outbox> => Promise.resolve(createMemoryOutbox())],
])('the %s outbox', (_kind, make) => {
  it('keeps one entry per key: a second enqueue replaces the pending fields (merge keeps the others)', async () => {
    const outbox = await make();
    await outbox.enqueue('4711', fields, { now: 1 });
    await outbox.enqueue('4711', { ...fields, CallDisposition: 'released' }, { now: 2 });
    await outbox.enqueue('4711', { WhoId: '003Dt000001AbCdIAK' }, { now: 3, merge: true });
    expect(await outbox.pendingCount()).toBe(1);
    const entry = await outbox.get('4711');
    expect(entry).toMatchObject({ version: 3, sentVersion: 0, taskId: null, fields: { ...fields, CallDisposition: 'released', WhoId: '003Dt000001AbCdIAK' } });
  });

  it('leases an entry to one sender at a time, and a confirmed send leaves it sent with its Task id', async () => {
    const outbox = await make();
    await outbox.enqueue('4711', fields, { now: 10 });
    const first = await outbox.claim('tab-a', 10, LEASE);
    expect(first?.key).toBe('4711');
    expect(await outbox.claim('tab-b', 11, LEASE), 'leased to tab-a').toBeUndefined();
    await outbox.settle('4711', 'tab-a', first!.version, { ok: true, taskId: '00TDt000001AbCdIAK' }, 12);
    expect(await outbox.pendingCount()).toBe(0);
    expect(await outbox.get('4711')).toMatchObject({ taskId: '00TDt000001AbCdIAK', sentVersion: 1, lease: null });
    expect(await outbox.claim('tab-b', 13, LEASE), 'nothing pending').toBeUndefined();
  });

  it('a new version enqueued while a send is in flight stays pending after that send succeeds', async () => {
    const outbox = await make();
    await outbox.enqueue('4711', fields, { now: 0 });
    const sending = await outbox.claim('tab-a', 0, LEASE);
    await outbox.enqueue('4711', { ...fields, CallDisposition: 'Venta' }, { now: 1 });
    await outbox.settle('4711', 'tab-a', sending!.version, { ok: true, taskId: '00TDt000001AbCdIAK' }, 2);
    expect(await outbox.pendingCount()).toBe(1);
    const next = await outbox.claim('tab-a', 3, LEASE);
    expect(next).toMatchObject({ version: 2, taskId: '00TDt000001AbCdIAK', fields: { CallDisposition: 'Venta' } });
  });

  it('backs off after a failure, and remembers that an unanswered create may have reached Salesforce', async () => {
    const outbox = await make();
    await outbox.enqueue('4711', fields, { now: 0 });
    let entry = await outbox.claim('tab-a', 0, LEASE);
    expect(entry?.createMayHaveReached).toBe(false);
    await outbox.settle('4711', 'tab-a', 1, { ok: false, error: 'TIMEOUT', definite: false, retryAt: 5000 }, 1);
    expect(await outbox.claim('tab-a', 4999, LEASE), 'backing off').toBeUndefined();
    expect(await outbox.nextDueAt()).toBe(5000);
    entry = await outbox.claim('tab-a', 5000, LEASE);
    expect(entry).toMatchObject({ attempts: 1, createMayHaveReached: true, lastError: 'TIMEOUT' });
    await outbox.settle('4711', 'tab-a', 1, { ok: false, error: 'GENERIC_ERROR', definite: true, retryAt: 6000 }, 5001);
    expect(await outbox.get('4711')).toMatchObject({ attempts: 2, createMayHaveReached: false });
  });

  it('lets another sender take an entry whose lease ran out (a tab that died mid-send)', async () => {
    const outbox = await make();
    await outbox.enqueue('4711', fields, { now: 0 });
    await outbox.claim('dead-tab', 0, LEASE);
    expect(await outbox.claim('tab-b', LEASE - 1, LEASE)).toBeUndefined();
    expect(await outbox.nextDueAt()).toBe(LEASE);
    const taken = await outbox.claim('tab-b', LEASE, LEASE);
    expect(taken).toMatchObject({ key: '4711', createMayHaveReached: true });
    // The dead tab's late failure must not undo tab-b's lease.
    await outbox.settle('4711', 'dead-tab', 1, { ok: false, error: 'x', definite: true, retryAt: 0 }, LEASE + 1);
    expect((await outbox.get('4711'))?.lease?.holder).toBe('tab-b');
  });

  it('refuses bad keys and fields, saying what was received', async () => {
    const outbox = await make();
    await expect(outbox.enqueue('', fields, { now: 0 })).rejects.toMatchObject({ code: 'INVALID_VALUE' });
    await expect(outbox.enqueue('k', { Id: '00T' }, { now: 0 })).rejects.toThrow(/refused field Id; the outbox sets Id and entityApiName itself/);
    await expect(outbox.enqueue('k', { CallDurationInSeconds: Number.NaN }, { now: 0 })).rejects.toThrow(/refused CallDurationInSeconds = null; expected a string, a finite number/);
  });

  it('prunes sent entries only', async () => {
    const outbox = await make();
    await outbox.enqueue('sent', fields, { now: 0 });
    await outbox.enqueue('pending', fields, { now: 0 });
    const claimed = await outbox.claim('tab', 0, LEASE);
    await outbox.settle(claimed!.key, 'tab', 1, { ok: true, taskId: '00TDt000001AbCdIAK' }, 1);
    expect(await outbox.prune(100)).toBe(1);
    expect(await outbox.pendingCount()).toBe(1);
  });
});

describe('the IndexedDB outbox across page loads and tabs', () => {
  it('survives a reload: a new connection to the same database finds the pending entry and its Task id', async () => {
    const name = freshDatabaseName();
    const before = await open(name);
    await before.outbox.enqueue('4711', fields, { now: 0 });
    const claimed = await before.outbox.claim('page-1', 0, LEASE);
    await before.outbox.settle('4711', 'page-1', claimed!.version, { ok: true, taskId: '00TDt000001AbCdIAK' }, 1);
    await before.outbox.enqueue('4711', { ...fields, CallDisposition: 'released' }, { now: 2 });
    before.close();
    const after = await open(name);
    expect(await after.outbox.pendingCount()).toBe(1);
    expect(await after.outbox.claim('page-2', 3, LEASE)).toMatchObject({ key: '4711', taskId: '00TDt000001AbCdIAK', version: 2 });
  });

  it('two tabs claiming at the same time: exactly one gets each entry', async () => {
    const name = freshDatabaseName();
    const [a, b] = [await open(name), await open(name)];
    for (const key of ['1', '2', '3']) await a.outbox.enqueue(key, fields, { now: 0 });
    const claims = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => (i % 2 === 0 ? a : b).outbox.claim(`tab-${i % 2}`, 1, LEASE)));
    const won = claims.filter((c) => c !== undefined).map((c) => c.key).sort();
    expect(won).toEqual(['1', '2', '3']);
  });
});
