/**
 * Issue #4, the bad days: the SIP WebSocket drops (a network blip) and NeoApi answers 500s or
 * hangs. The softphone must say so on the agent's status, recover by itself, and the next call
 * must work — proven by its audio, not by a status line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentConsole, waitFor, type AgentTab } from './support/agent-console.ts';
import { expectHears, logIn, requestMark, requestsOf, takeBreak, waitForStatus } from './support/agent-steps.ts';

const INBOUND_HZ = 1000;

let rig: AgentConsole;
let tab: AgentTab;
const numbers: Record<string, unknown> = {};

function phoneStatus(): Promise<string | null> {
  return tab.adapter.getByTestId('phone-status').first().getAttribute('data-phone', { timeout: 5_000 }).catch(() => null);
}

function degradedBadges(): Promise<number> {
  return tab.adapter.getByTestId('neoapi-degraded').count();
}

/** An inbound call rings, is answered, carries the customer's tone, and the customer hangs up. */
async function callWorks(why: string): Promise<void> {
  const { callId } = await rig.neotel.placeInbound({ number: '1166667777', queue: rig.scenario.queues[0]!.id, toneHz: INBOUND_HZ });
  await waitForStatus(tab.adapter, 'ringing', 15_000);
  await tab.adapter.getByTestId('answer').click();
  await waitForStatus(tab.adapter, 'inCall');
  await expectHears(tab.adapter, INBOUND_HZ, [], why);
  await rig.neotel.hangup(callId);
  await waitForStatus(tab.adapter, 'wrapUp');
  await tab.adapter.getByTestId('available').click();
  await waitForStatus(tab.adapter, 'ready');
}

beforeAll(async () => {
  // A short NeoApi timeout keeps the "hanging server" case quick.
  rig = await AgentConsole.start({ '/neotelConnection/neoApiTimeoutMs': '2000' });
  await rig.neotel.setDialer(false);
  tab = await rig.openTab();
  await logIn(tab.adapter, rig.agent());
  await waitForStatus(tab.adapter, 'ready', 15_000);
});

afterAll(async () => {
  console.info('resilience numbers:', JSON.stringify(numbers, undefined, 1));
  await rig.neotel.clearNeoApiFault().catch(() => undefined);
  await rig.close();
});

describe('when the network or the platform misbehaves', () => {
  it('shows a dropped SIP WebSocket, re-registers by itself, and the next call carries audio', async () => {
    expect(await phoneStatus()).toBe('registered');
    const dropped = await rig.neotel.dropSip(`SIP/${rig.agent().device}`, 1500);
    expect(dropped.closed).toBe(1);
    const at = Date.now();
    await waitFor('the phone to show it lost the connection', phoneStatus, (s) => s === 'reconnecting' || s === 'registering', 5_000);
    await expect.poll(() => tab.adapter.locator('[data-notice="transportLost"]').count()).toBe(1);
    await waitFor('the phone to register again', phoneStatus, (s) => s === 'registered', 20_000);
    numbers['SIP drop (upgrades refused 1.5 s) → registered again ms'] = Date.now() - at;
    await callWorks('the first call after the WebSocket came back');
  });

  it('shows NeoApi as degraded while Position answers 500, keeps the agent logged in, and recovers when it answers again', async () => {
    await rig.neotel.setNeoApiFault({ mode: 'error500', methods: ['Position'] });
    const at = Date.now();
    await waitFor('the degraded badge', degradedBadges, (n) => n === 1, 10_000);
    numbers['500s → degraded shown ms'] = Date.now() - at;
    expect(await tab.adapter.getByTestId('status').first().getAttribute('data-status'), 'a failing poll is not a logout').toBe('ready');
    await rig.neotel.clearNeoApiFault();
    const cleared = Date.now();
    await waitFor('the degraded badge to go', degradedBadges, (n) => n === 0, 20_000);
    numbers['cleared → recovered ms'] = Date.now() - cleared;
    await callWorks('the first call after NeoApi recovered');
  });

  it('treats a hanging NeoApi like a failing one (timeout), then recovers', async () => {
    const mark = await requestMark(rig.neotel);
    await rig.neotel.setNeoApiFault({ mode: 'hang', methods: ['Position'] });
    const at = Date.now();
    await waitFor('the degraded badge', degradedBadges, (n) => n === 1, 10_000);
    numbers['hang → degraded shown ms'] = Date.now() - at;
    const hung = await requestsOf(rig.neotel, 'Position', mark);
    expect(hung.length, 'one poll in flight at a time, not a pile of hung requests').toBeLessThanOrEqual(3);
    await rig.neotel.clearNeoApiFault();
    await waitFor('the degraded badge to go', degradedBadges, (n) => n === 0, 20_000);
    expect(tab.errors).toEqual([]);
  });

  it('keeps the break the agent asked for off the screen when NeoApi refuses it, and says why', async () => {
    await rig.neotel.setNeoApiFault({ mode: 'error500', methods: ['Pause'], count: 1 });
    await takeBreak(tab.adapter, 1);
    await expect.poll(() => tab.adapter.locator('[data-notice="operationFailed"]').count(), { timeout: 10_000 }).toBe(1);
    expect(await tab.adapter.getByTestId('status').first().getAttribute('data-status')).toBe('ready');
  });
});
