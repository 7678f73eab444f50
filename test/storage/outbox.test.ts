import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type DialtoneStore, type Outbox } from '../../src/storage/index.ts';
import { createMemoryOutbox } from '../../src/storage/outbox.ts';
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
    expect((await outbox.pendingCounts()).pending).toBe(1);
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
    expect((await outbox.pendingCounts()).pending).toBe(0);
    expect(await outbox.get('4711')).toMatchObject({ taskId: '00TDt000001AbCdIAK', sentVersion: 1, lease: null });
    expect(await outbox.claim('tab-b', 13, LEASE), 'nothing pending').toBeUndefined();
  });

  it('a new version enqueued while a send is in flight stays pending after that send succeeds', async () => {
    const outbox = await make();
    await outbox.enqueue('4711', fields, { now: 0 });
    const sending = await outbox.claim('tab-a', 0, LEASE);
    await outbox.enqueue('4711', { ...fields, CallDisposition: 'Venta' }, { now: 1 });
    await outbox.settle('4711', 'tab-a', sending!.version, { ok: true, taskId: '00TDt000001AbCdIAK' }, 2);
    expect((await outbox.pendingCounts()).pending).toBe(1);
    const next = await outbox.claim('tab-a', 3, LEASE);
    expect(next).toMatchObject({ version: 2, taskId: '00TDt000001AbCdIAK', fields: { CallDisposition: 'Venta' } });
  });

  it('backs off after a failure', async () => {
    const outbox = await make();
    await outbox.enqueue('4711', fields, { now: 0 });
    await outbox.claim('tab-a', 0, LEASE);
    await outbox.settle('4711', 'tab-a', 1, { ok: false, error: 'TIMEOUT', retryAt: 5000, deadAfter: 3 }, 1);
    expect(await outbox.claim('tab-a', 4999, LEASE), 'backing off').toBeUndefined();
    expect(await outbox.nextDueAt()).toBe(5000);
    expect(await outbox.claim('tab-a', 5000, LEASE)).toMatchObject({ attempts: 1, lastError: 'TIMEOUT', refusal: null, deadAt: null });
  });

  it('dead-letters an entry after deadAfter sends in a row got the same refusal; keeps it until dismissed; retry and new facts revive it', async () => {
    const outbox = await make();
    await outbox.enqueue('4711', fields, { now: 0 });
    const refused = { code: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: 'Subject must name the product' };
    const fail = async (at: number, outcome: Partial<{ refusal: typeof refused; error: string }>): Promise<void> => {
      const entry = await outbox.claim('tab', at, LEASE);
      expect(entry, `due at ${at}`).toBeDefined();
      await outbox.settle('4711', 'tab', entry!.version, { ok: false, error: 'x', retryAt: at + 1, deadAfter: 3, ...outcome }, at);
    };
    await fail(0, { refusal: refused });
    await fail(1, { error: 'TIMEOUT' });
    expect((await outbox.get('4711'))?.refusal, 'a timeout breaks the run').toBeNull();
    await fail(2, { refusal: refused });
    await fail(3, { refusal: { ...refused, message: 'other rule' } });
    await fail(4, { refusal: refused });
    await fail(5, { refusal: refused });
    expect(await outbox.deadLetters()).toEqual([]);
    await fail(6, { refusal: refused });
    const [dead] = await outbox.deadLetters();
    expect(dead).toMatchObject({ key: '4711', deadAt: 6, refusal: { ...refused, count: 3 } });
    expect((await outbox.pendingCounts()).pending, 'a dead entry is not pending').toBe(0);
    expect(await outbox.claim('tab', 1000, LEASE), 'nor sent by itself').toBeUndefined();
    expect(await outbox.nextDueAt()).toBeUndefined();
    expect(await outbox.prune(1e12), 'never pruned').toBe(0);
    expect(await outbox.retry('4711', 2000)).toBe(true);
    expect(await outbox.claim('tab', 2000, LEASE)).toMatchObject({ key: '4711', attempts: 0, deadAt: null, refusal: null });
    await outbox.settle('4711', 'tab', 1, { ok: false, error: 'x', retryAt: 2001, deadAfter: 1, refusal: refused }, 2000);
    expect(await outbox.deadLetters()).toHaveLength(1);
    await outbox.enqueue('4711', { ...fields, Subject: 'Call about product X' }, { now: 3000 });
    expect(await outbox.deadLetters(), 'new facts get their own tries').toEqual([]);
    await outbox.claim('tab', 3000, LEASE);
    await outbox.settle('4711', 'tab', 2, { ok: false, error: 'x', retryAt: 3001, deadAfter: 1, refusal: refused }, 3000);
    expect(await outbox.dismiss('nope')).toBe(false);
    expect(await outbox.dismiss('4711')).toBe(true);
    expect(await outbox.get('4711')).toBeUndefined();
  });

  it('lets another sender take an entry whose lease ran out (a tab that died mid-send)', async () => {
    const outbox = await make();
    await outbox.enqueue('4711', fields, { now: 0 });
    await outbox.claim('dead-tab', 0, LEASE);
    expect(await outbox.claim('tab-b', LEASE - 1, LEASE)).toBeUndefined();
    expect(await outbox.nextDueAt()).toBe(LEASE);
    const taken = await outbox.claim('tab-b', LEASE, LEASE);
    expect(taken).toMatchObject({ key: '4711' });
    // The dead tab's late failure must not undo tab-b's lease.
    await outbox.settle('4711', 'dead-tab', 1, { ok: false, error: 'x', retryAt: 0, deadAfter: 5 }, LEASE + 1);
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
    expect((await outbox.pendingCounts()).pending).toBe(1);
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
    expect((await after.outbox.pendingCounts()).pending).toBe(1);
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
