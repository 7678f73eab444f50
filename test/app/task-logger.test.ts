import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TaskLogger, backoffDelay, taskIdOfLookup, type TaskLogCti, type TaskLoggerOptions } from '../../src/app/task-logger.ts';
import { newCall, type CallFacts } from '../../src/call/call-facts.ts';
import { parseCallId } from '../../src/call/ids.ts';
import type { LinkedRecord } from '../../src/crm/linked-record.ts';
import { OpenCtiError } from '../../src/opencti/index.ts';
import { openStore, type DialtoneStore } from '../../src/storage/index.ts';
import { freshDatabaseName } from '../storage/support.ts';

/** A Salesforce org as far as the logger sees it: Tasks by id, with failures to order. */
class FakeOrg implements TaskLogCti {
  readonly tasks = new Map<string, Record<string, unknown>>();
  readonly calls: string[] = [];
  /** Next saveLog outcomes: `fail` = Salesforce refuses; `lost` = saved but the answer never came. */
  readonly script: ('fail' | 'lost')[] = [];
  refreshes = 0;
  private next = 1;

  saveLog({ value }: { value: Record<string, unknown> }): Promise<string> {
    const step = this.script.shift();
    this.calls.push(typeof value.Id === 'string' ? `update ${value.Id}` : 'create');
    if (step === 'fail') return Promise.reject(new OpenCtiError('SERVER_ERROR', 'saveLog', 'injected'));
    let id = value.Id as string | undefined;
    if (id === undefined) {
      id = `00TDt00000${String(this.next++).padStart(5, '0')}AAA`;
      const { entityApiName: _ignored, ...fields } = value;
      this.tasks.set(id, { ...fields, Id: id });
    } else {
      if ('TaskSubtype' in value) return Promise.reject(new OpenCtiError('GENERIC_ERROR', 'saveLog', 'Unable to update fields: TaskSubtype'));
      const { Id: _id, ...fields } = value;
      this.tasks.set(id, { ...this.tasks.get(id), ...fields });
    }
    if (step === 'lost') return Promise.reject(new OpenCtiError('TIMEOUT', 'saveLog', 'no reply'));
    return Promise.resolve(id);
  }

  refreshView(): Promise<void> {
    this.refreshes += 1;
    return Promise.resolve();
  }

  runApex(args: { apexClass: string; methodName: string; methodParams?: Readonly<Record<string, string>> }): Promise<unknown> {
    this.calls.push(`lookup ${args.methodParams?.callObject ?? ''}`);
    const found = [...this.tasks.values()].filter((t) => t.CallObject === args.methodParams?.callObject);
    return Promise.resolve(found.map((t) => ({ attributes: { type: 'Task' }, Id: t.Id })));
  }

  byCallObject(callObject: string): Record<string, unknown>[] {
    return [...this.tasks.values()].filter((t) => t.CallObject === callObject);
  }
}

const T0 = Date.UTC(2026, 11, 4, 10, 0, 0);
const contact: LinkedRecord = { id: '003Dt000001AbCdIAK', objectType: 'Contact', name: 'Ana', reason: { kind: 'search', field: 'Phone', value: '600111222', rule: null } };
const account: LinkedRecord = { ...contact, id: '001Dt000001AbCdIAK', objectType: 'Account' };
const config = {
  categories: [{ id: 1, name: 'Ventas', subcategories: [{ id: 101, name: 'Venta realizada' }] }],
  crm: { useTaskDescriptionField: false, saveActivityLog: true },
} as unknown as TaskLoggerOptions['config'];

function call(id: string, facts: Partial<CallFacts> = {}): CallFacts {
  return newCall('inbound', T0, { callId: parseCallId(id), number: '600111222', answeredAt: T0 + 1000, endedAt: T0 + 31_000, endedBy: 'remote', ...facts });
}

const stores: DialtoneStore[] = [];
const loggers: TaskLogger[] = [];
let pending: number[] = [];

async function logger(org: TaskLogCti, database: string, extra: Partial<TaskLoggerOptions> = {}): Promise<TaskLogger> {
  const store = await openStore({ name: database });
  stores.push(store);
  const made = new TaskLogger({
    config,
    cti: org,
    linkOf: () => contact,
    onPending: (n) => pending.push(n),
    onVolatile: () => undefined,
    warn: () => undefined,
    openOutbox: () => Promise.resolve(store.outbox),
    random: () => 1,
    ...extra,
  });
  loggers.push(made);
  return made;
}

/** Lets fake-indexeddb (real setImmediate) and the logger's promises run, moving the fake clock by `ms`. */
async function run(ms = 0): Promise<void> {
  for (let i = 0; i < 20; i += 1) await new Promise((resolve) => setImmediate(resolve));
  if (ms > 0) await vi.advanceTimersByTimeAsync(ms);
  for (let i = 0; i < 20; i += 1) await new Promise((resolve) => setImmediate(resolve));
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: T0 + 60_000 });
  pending = [];
});
afterEach(() => {
  for (const l of loggers.splice(0)) l.stop();
  for (const s of stores.splice(0)) s.close();
  vi.useRealTimers();
});

describe('backoffDelay', () => {
  it('doubles from the base up to the cap, jittered between half and all of it', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, { baseMs: 2000, maxMs: 10_000 }, () => 1))).toEqual([2000, 4000, 8000, 10_000]);
    expect(backoffDelay(3, { baseMs: 2000, maxMs: 10_000 }, () => 0)).toBe(4000);
    expect(backoffDelay(500, undefined, () => 1)).toBe(300_000);
  });
});

describe('TaskLogger', () => {
  it('creates the Task when the call ends and updates that same Task (by Id) with the disposition; refreshes the view after each', async () => {
    const org = new FakeOrg();
    const log = await logger(org, freshDatabaseName());
    log.start();
    log.log(call('4711'), false);
    await run();
    log.log(call('4711', { disposition: { subcategory: 101, callbackAt: null } }), true);
    await run();
    expect(org.calls).toEqual(['create', 'update 00TDt0000000001AAA']);
    expect(org.byCallObject('4711')).toEqual([expect.objectContaining({ TaskSubtype: 'Call', CallType: 'Inbound', CallDisposition: 'Venta realizada', CallDurationInSeconds: 30, WhoId: contact.id, Status: 'Completed' })]);
    expect(org.refreshes).toBe(2);
    expect(pending.at(-1)).toBe(0);
    expect(pending).toContain(1);
  });

  it('retries a failing saveLog with growing delays and writes exactly one Task', async () => {
    const org = new FakeOrg();
    org.script.push('fail', 'fail', 'fail');
    const log = await logger(org, freshDatabaseName(), { backoff: { baseMs: 1000, maxMs: 3000 } });
    log.start();
    log.log(call('4711'), false);
    await run();
    expect(org.calls).toEqual(['create']);
    await run(999);
    expect(org.calls, 'not before the first back-off (1 s)').toHaveLength(1);
    await run(1);
    expect(org.calls).toHaveLength(2);
    await run(1999);
    expect(org.calls, 'the second back-off is 2 s').toHaveLength(2);
    await run(1);
    expect(org.calls).toHaveLength(3);
    await run(3000);
    expect(org.calls, 'capped at 3 s').toEqual(['create', 'create', 'create', 'create']);
    expect(org.byCallObject('4711')).toHaveLength(1);
    expect(pending.at(-1)).toBe(0);
  });

  it('looks the Task up by CallObject after an unanswered create, and updates it instead of writing a second one', async () => {
    const org = new FakeOrg();
    org.script.push('lost');
    const log = await logger(org, freshDatabaseName());
    log.start();
    log.log(call('4711'), false);
    await run();
    await run(2000);
    expect(org.calls).toEqual(['create', 'lookup 4711', 'update 00TDt0000000001AAA']);
    expect(org.tasks.size).toBe(1);
  });

  it('keeps the log through a reload: a new page on the same database sends it, once', async () => {
    const org = new FakeOrg();
    org.script.push('fail', 'fail', 'fail', 'fail');
    const database = freshDatabaseName();
    const first = await logger(org, database);
    first.start();
    first.log(call('4711'), false);
    first.log(call('4711', { disposition: { subcategory: 101, callbackAt: null } }), true);
    await run();
    expect(pending.at(-1)).toBe(1);
    first.stop(); // the page goes
    org.script.length = 0;
    const second = await logger(org, database);
    await run(60_000);
    expect(org.tasks.size, 'the new page has not started yet').toBe(0);
    second.start();
    await run();
    expect(org.byCallObject('4711')).toEqual([expect.objectContaining({ CallDisposition: 'Venta realizada' })]);
    expect(pending.at(-1)).toBe(0);
  });

  it('two tabs draining the same database never write the same log twice', async () => {
    const org = new FakeOrg();
    const database = freshDatabaseName();
    const [a, b] = [await logger(org, database, { holder: 'a' }), await logger(org, database, { holder: 'b' })];
    for (const id of ['1', '2', '3', '4']) a.log(call(id), false);
    await run();
    a.start();
    b.start();
    await Promise.all([a.drain(), b.drain(), a.drain(), b.drain()]);
    await run();
    expect(org.calls.filter((c) => c === 'create')).toHaveLength(4);
    for (const id of ['1', '2', '3', '4']) expect(org.byCallObject(id)).toHaveLength(1);
  });

  it('moves the Task to the re-pointed record: WhatId for an Account, WhoId cleared', async () => {
    const org = new FakeOrg();
    const log = await logger(org, freshDatabaseName());
    log.start();
    log.log(call('4711'), false);
    await run();
    log.relink(call('4711'), account);
    await run();
    expect(org.calls).toEqual(['create', 'update 00TDt0000000001AAA']);
    expect(org.byCallObject('4711')[0]).toMatchObject({ WhoId: null, WhatId: account.id });
  });

  it('sends other Tasks through enqueue(key, fields) with the key as CallObject, once per key', async () => {
    const org = new FakeOrg();
    const log = await logger(org, freshDatabaseName());
    log.start();
    await log.enqueue('monitor:1001:42', { Subject: 'Monitoring 1001', TaskSubtype: 'Task', Status: 'Completed' });
    await run();
    await log.enqueue('monitor:1001:42', { Subject: 'Monitoring 1001 (5 min)', Status: 'Completed' });
    await run();
    expect(org.byCallObject('monitor:1001:42')).toEqual([expect.objectContaining({ Subject: 'Monitoring 1001 (5 min)' })]);
    await expect(log.enqueue('', { Subject: 'x' })).rejects.toMatchObject({ code: 'INVALID_VALUE' });
  });

  it('falls back to a memory outbox (and says so) when IndexedDB does not open, and still sends', async () => {
    const org = new FakeOrg();
    const volatile: string[] = [];
    const log = new TaskLogger({
      config, cti: org, linkOf: () => null, onPending: () => undefined, warn: () => undefined,
      onVolatile: (detail) => volatile.push(detail),
      openOutbox: () => Promise.reject(new Error('third-party storage blocked')),
    });
    loggers.push(log);
    log.start();
    log.log(call('9'), false);
    await run();
    expect(volatile).toEqual(['third-party storage blocked']);
    expect(log.persistent).toBe(false);
    expect(org.byCallObject('9')).toHaveLength(1);
  });

  it('writes nothing when saveActivityLog is off', async () => {
    const org = new FakeOrg();
    const log = await logger(org, freshDatabaseName(), { config: { ...config, crm: { ...config.crm, saveActivityLog: false } } });
    log.start();
    log.log(call('1'), false);
    await run();
    expect(org.calls).toEqual([]);
  });
});

describe('taskIdOfLookup', () => {
  it('takes the oldest Task, null for none, and throws for an Apex error instead of guessing "not found"', () => {
    expect(taskIdOfLookup([{ attributes: { type: 'Task' }, Id: '00TDt0000000001AAA' }, { Id: '00TDt0000000002AAA' }])).toBe('00TDt0000000001AAA');
    expect(taskIdOfLookup([])).toBeNull();
    expect(() => taskIdOfLookup({ error: { code: 'NO_ACCESS', parameter: 'callObject', message: 'no' } })).toThrow(/NeotelDataRetrieval.findTaskByCallObject answered .*NO_ACCESS.*expected a JSON list of Tasks/);
  });
});
