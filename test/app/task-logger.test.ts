import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TaskLogger, WAITING_AFTER_MS, backoffDelay, type TaskLogCti, type TaskLoggerOptions } from '../../src/app/task-logger.ts';
import { refusalOf, taskIdOfUpsert } from '../../src/app/task-send.ts';
import type { OutboxEntry } from '../../src/storage/index.ts';
import type { LinkedRecord } from '../../src/crm/linked-record.ts';
import { OpenCtiError } from '../../src/opencti/index.ts';
import { openStore, type DialtoneStore } from '../../src/storage/index.ts';
import { freshDatabaseName } from '../storage/support.ts';
import { T0, call, config, run } from './task-log-support.ts';

/**
 * A Salesforce org as far as the logger sees it: Tasks by id, the Apex upsert keyed by CallObject
 * (`runApex`, logged as `create`), `saveLog` updates by Id, with failures to order.
 */
class FakeOrg implements TaskLogCti {
  readonly tasks = new Map<string, Record<string, unknown>>();
  readonly keys = new Map<string, string>();
  readonly calls: string[] = [];
  /** Next outcomes: `fail` = server trouble; `lost` = saved but the answer never came; `refuse` = a validation rule refuses it. */
  readonly script: ('fail' | 'lost' | 'refuse')[] = [];
  refreshes = 0;
  private next = 1;

  saveLog({ value }: { value: Record<string, unknown> }): Promise<string> {
    const step = this.script.shift();
    const id = value.Id as string;
    this.calls.push(`update ${id}`);
    if (step === 'fail') return Promise.reject(new OpenCtiError('SERVER_ERROR', 'saveLog', 'injected'));
    if (step === 'refuse') return Promise.reject(new OpenCtiError('GENERIC_ERROR', 'saveLog', 'refused', { errors: [{ code: 'GENERIC_ERROR', description: 'Failed to save the record', details: [{ message: 'Subject must name the product' }] }] }));
    if ('TaskSubtype' in value) return Promise.reject(new OpenCtiError('GENERIC_ERROR', 'saveLog', 'Unable to update fields: TaskSubtype'));
    const { Id: _id, ...fields } = value;
    this.tasks.set(id, { ...this.tasks.get(id), ...fields });
    if (step === 'lost') return Promise.reject(new OpenCtiError('TIMEOUT', 'saveLog', 'no reply'));
    return Promise.resolve(id);
  }

  refreshView(): Promise<void> {
    this.refreshes += 1;
    return Promise.resolve();
  }

  runApex(args: { apexClass: string; methodName: string; methodParams?: Readonly<Record<string, string>> }): Promise<unknown> {
    const step = this.script.shift();
    this.calls.push('create');
    if (step === 'fail') return Promise.reject(new OpenCtiError('SERVER_ERROR', 'runApex', 'injected'));
    if (step === 'refuse') return Promise.resolve({ error: { code: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', parameter: 'fields', message: 'Subject must name the product' } });
    const key = args.methodParams?.callObject ?? '';
    const fields = JSON.parse(args.methodParams?.fields ?? '{}') as Record<string, unknown>;
    let id = this.keys.get(key);
    expect(args.methodParams?.version).toMatch(/^[1-9][0-9]*$/);
    if (id === undefined) {
      id = `00TDt00000${String(this.next++).padStart(5, '0')}AAA`;
      this.keys.set(key, id);
      this.tasks.set(id, { ...fields, CallObject: key, Id: id });
    } else {
      const { TaskSubtype: _create, ...rest } = fields;
      this.tasks.set(id, { ...this.tasks.get(id), ...rest });
    }
    if (step === 'lost') return Promise.reject(new OpenCtiError('TIMEOUT', 'runApex', 'no reply'));
    return Promise.resolve({ taskId: id, created: true });
  }

  byCallObject(callObject: string): Record<string, unknown>[] {
    return [...this.tasks.values()].filter((t) => t.CallObject === callObject);
  }
}

const contact: LinkedRecord = { id: '003Dt000001AbCdIAK', objectType: 'Contact', name: 'Ana', reason: { kind: 'search', field: 'Phone', value: '600111222', rule: null } };
const account: LinkedRecord = { ...contact, id: '001Dt000001AbCdIAK', objectType: 'Account' };


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
    // The fake clock (the default lease clock, performance.now, is not faked here: see task-log-exactly-once.test.ts).
    now: () => Date.now(),
    ...extra,
  });
  loggers.push(made);
  return made;
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
    expect(pending, 'a log Salesforce saves at once is never counted as waiting').toEqual([]);
  });

  it('counts a log as waiting once a send of it failed, or once it waited WAITING_AFTER_MS for a slow answer, and no longer once it is sent', async () => {
    const failing = new FakeOrg();
    failing.script.push('fail');
    const log = await logger(failing, freshDatabaseName(), { backoff: { baseMs: 10_000, maxMs: 10_000 } });
    log.start();
    log.log(call('4711'), false);
    await run();
    expect(pending, 'the send failed: waiting at once').toEqual([1]);
    await run(10_000);
    expect(pending.at(-1)).toBe(0);

    pending = [];
    let answer: (taskId: unknown) => void = () => undefined;
    const slow: TaskLogCti = { runApex: () => new Promise((resolve) => (answer = resolve)), saveLog: () => Promise.resolve('00T'), refreshView: () => Promise.resolve() };
    const slowLog = await logger(slow, freshDatabaseName());
    slowLog.start();
    slowLog.log(call('4712'), false);
    await run(WAITING_AFTER_MS - 1);
    expect(pending, 'being sent: not waiting yet').toEqual([]);
    await run(1);
    expect(pending).toEqual([1]);
    answer({ taskId: '00TDt0000000009AAA', created: true });
    await run();
    expect(pending).toEqual([1, 0]);
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

  it('after an unanswered create, the retry (the same keyed upsert) updates that Task instead of writing a second one', async () => {
    const org = new FakeOrg();
    org.script.push('lost');
    const log = await logger(org, freshDatabaseName());
    log.start();
    log.log(call('4711'), false);
    await run();
    await run(2000);
    log.log(call('4711', { disposition: { subcategory: 101, callbackAt: null } }), true);
    await run();
    expect(org.calls).toEqual(['create', 'create', 'update 00TDt0000000001AAA']);
    expect(org.tasks.size).toBe(1);
  });

  it('moves a log Salesforce refuses the same way N times to the dead-letter list, and stops sending it; retry and dismiss', async () => {
    const org = new FakeOrg();
    org.script.push('refuse', 'fail', 'refuse', 'refuse', 'refuse');
    const dead: (readonly OutboxEntry[])[] = [];
    const log = await logger(org, freshDatabaseName(), { deadLetterAfter: 3, onDeadLetters: (entries) => dead.push(entries) });
    log.start();
    log.log(call('4711'), false);
    await run(60_000);
    expect(org.calls, 'a server error is no refusal: it breaks the run').toEqual(['create', 'create', 'create', 'create', 'create']);
    expect(dead.at(-1)).toEqual([expect.objectContaining({ key: '4711', refusal: { code: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: 'Subject must name the product', count: 3 } })]);
    expect(pending.at(-1), 'no longer counted as waiting').toBe(0);
    await run(600_000);
    expect(org.calls, 'not retried by itself').toHaveLength(5);
    await log.retryDead('4711');
    await run();
    expect(org.calls).toHaveLength(6);
    expect(org.byCallObject('4711')).toHaveLength(1);
    expect(dead.at(-1)).toEqual([]);
    org.script.push('refuse');
    log.log(call('4711', { disposition: { subcategory: 101, callbackAt: null } }), true);
    await run(60_000);
    expect(dead.at(-1), 'an update refused (deadLetterAfter 3: refused once, then sent)').toEqual([]);
  });

  it('dismissDead deletes only a dead-lettered log', async () => {
    const org = new FakeOrg();
    org.script.push('refuse');
    const dead: (readonly OutboxEntry[])[] = [];
    const log = await logger(org, freshDatabaseName(), { deadLetterAfter: 1, onDeadLetters: (entries) => dead.push(entries) });
    log.start();
    log.log(call('4711'), false);
    log.log(call('4712'), false);
    await run(10_000);
    expect(dead.at(-1)?.map((e) => e.key)).toEqual(['4711']);
    await log.dismissDead('4712');
    await log.dismissDead('4711');
    await run();
    expect(dead.at(-1)).toEqual([]);
    expect(org.byCallObject('4712')).toHaveLength(1);
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

describe('taskIdOfUpsert and refusalOf', () => {
  it('reads the Task id, and turns the Apex error into a refusal (a busy key is no refusal)', () => {
    expect(taskIdOfUpsert({ taskId: '00TDt0000000001AAA', created: true })).toBe('00TDt0000000001AAA');
    const refused = (() => {
      try {
        taskIdOfUpsert({ error: { code: 'REQUIRED_FIELD_MISSING', parameter: 'fields', message: 'Required fields are missing: [Subject]' } });
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(refusalOf(refused)).toEqual({ code: 'REQUIRED_FIELD_MISSING', message: 'Required fields are missing: [Subject]' });
    expect(() => taskIdOfUpsert({ error: { code: 'KEY_BUSY', message: 'locked' } })).toThrow(/KEY_BUSY/);
    try {
      taskIdOfUpsert({ error: { code: 'KEY_BUSY', message: 'locked' } });
    } catch (error) {
      expect(refusalOf(error)).toBeUndefined();
    }
    expect(() => taskIdOfUpsert([])).toThrow(/DialtoneTaskLog.upsertCallTask answered \[\]; expected \{"taskId"/);
  });

  it('treats no answer and server trouble as passing, a refused request or a missing Apex class as a refusal', () => {
    expect(refusalOf(new OpenCtiError('TIMEOUT', 'runApex', 'no reply'))).toBeUndefined();
    expect(refusalOf(new OpenCtiError('SERVER_ERROR', 'saveLog', 'An internal server error has occurred.'))).toBeUndefined();
    expect(refusalOf(new OpenCtiError('SERVER_ERROR', 'runApex', 'Salesforce refused Open CTI runApex(…): Could not load Apex class: DialtoneTaskLog.'))).toMatchObject({ code: 'APEX_CLASS_MISSING' });
    expect(refusalOf(new OpenCtiError('GENERIC_ERROR', 'saveLog', 'x', { errors: [{ code: 'GENERIC_ERROR', description: 'Failed to save', details: [{ message: 'Rule says no' }] }] }))).toEqual({ code: 'GENERIC_ERROR', message: 'Failed to save — Rule says no' });
  });
});
