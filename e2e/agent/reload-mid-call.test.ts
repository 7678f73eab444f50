/**
 * Issue #19 point 3: a Salesforce reload during a call WITHOUT the phone window. The reloaded
 * panel carries on the session it had (no second Login: NeoApi needs only the user for Position,
 * Hangup and UpdateContact), learns from Position that the call is still there, says its audio
 * ended with the old page, hangs it up through NeoApi, categorises it, and the call is one Task
 * (docs/reload.md). Real Chromium, dev/lightning under a `*.lightning.force.com` host,
 * dev/neotel whose PBX keeps an answered call when the agent's WebSocket goes (like Asterisk until
 * its rtp_timeout).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SObjectRecord } from '../../dev/lightning/records/record-store.ts';
import { AgentConsole, waitFor, type AgentTab } from './support/agent-console.ts';
import { logIn, panelFrameOf, requestMark, requestsOf, waitForStatus } from './support/agent-steps.ts';

/** A caller the inbound queue's base knows (base 9): the call carries a contact to categorise. */
const KNOWN_CALLER = '1155550101';
const QUEUE_WITH_CRM = 3;
const QUEUE_WITHOUT_CRM = 4;

let rig: AgentConsole;
let tab: AgentTab;
const numbers: Record<string, unknown> = {};

/** Reloads the console tab; returns the new panel and when the reload started. */
async function reloadConsole(): Promise<number> {
  const at = Date.now();
  await tab.page.reload();
  tab = { ...tab, adapter: await panelFrameOf(tab.page) };
  return at;
}

async function tasksOf(callObject: string): Promise<SObjectRecord[]> {
  return (await rig.lightning.tasks()).filter((t) => t.fields.CallObject === callObject);
}

/** The single Task of a call, once it has its final disposition. */
async function finalTask(callId: string, disposition: string): Promise<SObjectRecord> {
  const tasks = await waitFor(`the Task of call ${callId} with disposition ${disposition}`, () => tasksOf(callId), (t) => t.some((x) => x.fields.CallDisposition === disposition), 60_000);
  expect(tasks, `exactly one Task for call ${callId}`).toHaveLength(1);
  return tasks[0]!;
}

async function ringAndAnswer(number: string, queue: number): Promise<string> {
  const { callId } = await rig.neotel.placeInbound({ number, queue });
  await waitForStatus(tab.adapter, 'ringing', 15_000);
  await tab.adapter.getByTestId('answer').click();
  await waitForStatus(tab.adapter, 'inCall');
  await waitFor('the platform to have the call answered', () => rig.neotel.call(callId), (c) => c.answeredAt !== undefined);
  return callId;
}

async function categorise(subcategory: string): Promise<void> {
  await tab.adapter.getByTestId('disposition-select').selectOption(subcategory);
  await tab.adapter.getByTestId('categorise').click();
  await expect.poll(() => tab.adapter.getByTestId('disposition-saved').count(), { timeout: 10_000 }).toBe(1);
  await tab.adapter.getByTestId('available').click();
  await waitForStatus(tab.adapter, 'ready');
}

function pendingShown(): Promise<number> {
  const badge = tab.adapter.getByTestId('pending-logs');
  return badge.count().then(async (n) => (n === 0 ? 0 : Number(await badge.getAttribute('data-count'))));
}

beforeAll(async () => {
  // The agent keeps the device password (personal computer): the reloaded page registers the phone again by itself.
  rig = await AgentConsole.start({ '/dialtoneAgent/allowRememberDevicePassword': 'true' }, { salesforceHost: true });
  await rig.neotel.setDialer(false);
  tab = await rig.openTab({ audioProbe: false });
  await logIn(tab.adapter, rig.agent(), { rememberDevicePassword: true });
  await waitForStatus(tab.adapter, 'ready', 15_000);
});

afterAll(async () => {
  console.info('reload numbers:', JSON.stringify(numbers, undefined, 1));
  if (tab.errors.length > 0) console.info('page errors:', tab.errors);
  console.info(tab.logs.slice(-40).join('\n'));
  await rig.close();
});

describe('a console reload without the phone window', () => {
  it('shows the live call from the platform, says its audio ended, hangs it up through NeoApi, categorises it, and writes one Task', async () => {
    const callId = await ringAndAnswer(KNOWN_CALLER, QUEUE_WITH_CRM);
    const mark = await requestMark(rig.neotel);
    const reloadedAt = await reloadConsole();
    await waitForStatus(tab.adapter, 'inCall', 15_000);
    numbers['reload → live call shown ms (console reload included)'] = Date.now() - reloadedAt;
    numbers['panel start → live call shown ms'] = Math.round(await tab.adapter.evaluate(() => performance.now()));

    await expect.poll(() => tab.adapter.locator('[data-notice="callAudioLost"]').count(), { message: 'the agent is told the audio ended with the old page' }).toBe(1);
    const contactId = String((await rig.neotel.call(callId)).record?.contactId);
    expect((await tab.adapter.getByTestId('call-info').textContent()) ?? '', 'the call is shown with its contact').toContain(contactId);
    expect(await requestsOf(rig.neotel, 'Login', mark), 'no second login').toEqual([]);
    expect((await requestsOf(rig.neotel, 'Position', mark)).length, 'the reloaded panel asked the platform').toBeGreaterThan(0);
    expect((await rig.neotel.call(callId)).endedAt, 'the platform still has the call').toBeUndefined();
    await waitFor('the phone to register again', () => tab.adapter.getByTestId('phone-status').first().getAttribute('data-phone'), (p) => p === 'registered', 15_000);

    await tab.adapter.getByTestId('hang-up').click();
    await waitForStatus(tab.adapter, 'wrapUp');
    const ended = await waitFor('the platform to end the call', () => rig.neotel.call(callId), (c) => c.phase === 'ended');
    expect(ended.endReason).toMatch(/hung up/);
    expect((await requestsOf(rig.neotel, 'Hangup', mark)).map((r) => r.params)).toEqual([{ USUARIO: rig.agent().user }]);

    await categorise('26');
    const updates = await requestsOf(rig.neotel, 'UpdateContact', mark);
    expect(updates.map((r) => [r.params.SUBCATEGORIA, r.params.BASE, r.params.IDCONTACTO])).toEqual([['26', '9', contactId]]);
    const task = await finalTask(callId, 'Venta');
    expect(task.fields).toMatchObject({ CallType: 'Inbound', TaskSubtype: 'Call' });
  }, 120_000);

  it('shows the wrap-up and its contact again after a reload; the old page’s waiting log and the new one are one Task', async () => {
    // Salesforce refuses every Task write: the old page's log of the call's end waits in the outbox.
    for (const methodName of ['saveLog', 'runApex:upsertCallTask']) {
      await rig.lightning.inject({ methodName, kind: 'SERVER_ERROR', count: 1000, description: 'Salesforce is down (e2e)' });
    }
    const callId = await ringAndAnswer(KNOWN_CALLER, QUEUE_WITH_CRM);
    await rig.neotel.hangup(callId);
    await waitForStatus(tab.adapter, 'wrapUp');
    await expect.poll(pendingShown, { timeout: 10_000 }).toBe(1);
    const mark = await requestMark(rig.neotel);

    await reloadConsole();
    await waitForStatus(tab.adapter, 'wrapUp', 15_000);
    expect(await tab.adapter.getByTestId('disposition-select').count(), 'the contact can still be categorised').toBe(1);
    const contactId = String((await rig.neotel.call(callId)).record?.contactId);
    expect((await tab.adapter.getByTestId('call-info').textContent()) ?? '', 'the contact to categorise is shown again').toContain(contactId);
    await expect.poll(pendingShown, { timeout: 10_000, message: 'the waiting log survived the reload' }).toBe(1);
    expect(await requestsOf(rig.neotel, 'Login', mark)).toEqual([]);

    await rig.lightning.clearInjections();
    await categorise('27');
    expect((await requestsOf(rig.neotel, 'UpdateContact', mark)).map((r) => r.params.SUBCATEGORIA)).toEqual(['27']);
    await finalTask(callId, 'No contesta');
    await expect.poll(pendingShown, { timeout: 30_000 }).toBe(0);
  }, 120_000);

  it('a reload while ringing: the platform offers the call again to the reloaded panel, which answers it; one Task', async () => {
    const { callId } = await rig.neotel.placeInbound({ number: '1166664444', queue: QUEUE_WITHOUT_CRM });
    await waitForStatus(tab.adapter, 'ringing', 15_000);
    const mark = await requestMark(rig.neotel);
    await reloadConsole();
    await waitForStatus(tab.adapter, 'ringing', 20_000);
    await tab.adapter.getByTestId('answer').click();
    await waitForStatus(tab.adapter, 'inCall');
    expect((await rig.neotel.call(callId)).agent, 'the same platform call, answered in the reloaded panel').toBe(rig.agent().user);
    expect(await requestsOf(rig.neotel, 'Login', mark)).toEqual([]);
    await tab.adapter.getByTestId('hang-up').click();
    await waitForStatus(tab.adapter, 'wrapUp');
    await tab.adapter.getByTestId('available').click();
    await waitForStatus(tab.adapter, 'ready');
    await waitFor(`the Task of call ${callId}`, () => tasksOf(callId), (t) => t.length > 0, 60_000);
    await expect.poll(pendingShown, { timeout: 30_000, message: 'every log of the call sent' }).toBe(0);
    expect(await tasksOf(callId), 'one Task, though the first offer died with the old page').toHaveLength(1);
  }, 120_000);
});
