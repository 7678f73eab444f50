/**
 * Issue 11 point 3: a call's Task is written exactly once, whatever Salesforce's answers do. Real
 * outbox (fake-indexeddb), real TaskLogger, real `OpenCti` shim (10 s timeout); only Salesforce is
 * faked, by the dev/lightning org model (test/app/salesforce-org.ts).
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TaskLogger, type TaskLoggerOptions } from '../../src/app/task-logger.ts';
import { OpenCti } from '../../src/opencti/index.ts';
import { openStore, type DialtoneStore } from '../../src/storage/index.ts';
import { freshDatabaseName } from '../storage/support.ts';
import { T0, call, config, run } from './task-log-support.ts';
import { SalesforceOrg } from './salesforce-org.ts';



const stores: DialtoneStore[] = [];
const loggers: TaskLogger[] = [];

async function tab(org: SalesforceOrg, database: string, extra: Partial<TaskLoggerOptions> = {}): Promise<TaskLogger> {
  const store = await openStore({ name: database });
  stores.push(store);
  const made = new TaskLogger({
    config,
    cti: new OpenCti(org.library, { timeoutMs: 10_000 }),
    linkOf: () => null,
    onPending: () => undefined,
    onVolatile: () => undefined,
    warn: () => undefined,
    openOutbox: () => Promise.resolve(store.outbox),
    random: () => 1,
    ...extra,
  });
  loggers.push(made);
  return made;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: T0 + 60_000 });
});
afterEach(() => {
  for (const l of loggers.splice(0)) l.stop();
  for (const s of stores.splice(0)) s.close();
  vi.useRealTimers();
});

describe('a call is logged exactly once', () => {
  it('the create is saved but its answer lost, and the next request fails once: still one Task', async () => {
    const org = new SalesforceOrg();
    org.script.push('lost', 'fail');
    const log = await tab(org, freshDatabaseName(), { now: () => Date.now() });
    log.start();
    log.log(call('4711'), false);
    // 10 s timeout, then retries 2 s, 4 s, 8 s apart: plenty of time for every attempt.
    await run(60_000);
    log.log(call('4711', { disposition: { subcategory: 101, callbackAt: null } }), true);
    await run(30_000);
    const tasks = org.tasksOf('4711');
    expect(tasks, `requests: ${org.requests.join(', ')}`).toHaveLength(1);
    expect(tasks[0]?.fields.CallDisposition).toBe('Venta realizada');
  });

  it('a create Salesforce commits after the 10 s timeout and the back-off: the retry and the late commit are one Task', async () => {
    const org = new SalesforceOrg();
    org.lateMs = 20_000;
    org.script.push('late');
    const log = await tab(org, freshDatabaseName(), { now: () => Date.now() });
    log.start();
    log.log(call('4712'), false);
    // Timeout at 10 s, retry at 12 s (before the late commit at 20 s), then the late commit lands.
    await run(15_000);
    expect(org.requests.length, 'the retry went out before the late commit').toBeGreaterThanOrEqual(2);
    await run(30_000);
    log.log(call('4712', { disposition: { subcategory: 101, callbackAt: null } }), true);
    await run(30_000);
    const tasks = org.tasksOf('4712');
    expect(tasks, `requests: ${org.requests.join(', ')}`).toHaveLength(1);
    expect(tasks[0]?.fields.CallDisposition).toBe('Venta realizada');
  });

  it('a wall-clock jump beyond the 45 s lease while a send is in flight lets no second sender in', async () => {
    // performance.now() runs with the fake clock too; setSystemTime moves only the wall clock, as a real correction does.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'], now: T0 + 60_000 });
    const org = new SalesforceOrg();
    org.lateMs = 8000;
    org.script.push('late');
    const database = freshDatabaseName();
    const [a, b] = [await tab(org, database, { holder: 'tab-a' }), await tab(org, database, { holder: 'tab-b' })];
    a.start();
    a.log(call('4713'), false);
    await run(1000);
    expect(org.requests).toHaveLength(1);
    // The agent's machine corrects its clock by a minute while tab A's create is in flight.
    vi.setSystemTime(Date.now() + 60_000);
    await b.drain();
    await run();
    expect(org.requests, 'tab B must not send the entry tab A is sending').toHaveLength(1);
    await run(12_000);
    a.log(call('4713', { disposition: { subcategory: 101, callbackAt: null } }), true);
    await run(30_000);
    expect(org.tasksOf('4713'), `requests: ${org.requests.join(', ')}`).toHaveLength(1);
  });
});
