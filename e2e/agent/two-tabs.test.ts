/**
 * Issue #4, "one phone across tabs": Salesforce boots the adapter in every tab. Two console tabs
 * of one agent (one browser profile) share one login, one SIP registration and one Position
 * poll; the second tab mirrors the first and relays the agent's clicks to it; closing the owner
 * hands the phone to the other tab without a second Login, and the next call rings and carries
 * audio there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentConsole, waitFor, type AgentTab } from './support/agent-console.ts';
import { expectHears, logIn, requestMark, requestsOf, takeBreak, waitForStatus } from './support/agent-steps.ts';

const INBOUND_HZ = 1000;

let rig: AgentConsole;
let first: AgentTab;
let second: AgentTab;
const numbers: Record<string, unknown> = {};

async function pollsDuring(ms: number): Promise<number> {
  const mark = await requestMark(rig.neotel);
  await new Promise((resolve) => setTimeout(resolve, ms));
  return (await requestsOf(rig.neotel, 'Position', mark)).length;
}

beforeAll(async () => {
  rig = await AgentConsole.start();
  await rig.neotel.setDialer(false);
  first = await rig.openTab();
  await logIn(first.adapter, rig.agent());
  await waitForStatus(first.adapter, 'ready', 15_000);
  second = await rig.openTab();
});

afterAll(async () => {
  console.info('two tabs numbers:', JSON.stringify(numbers, undefined, 1));
  await rig.close();
});

describe('one phone across tabs', () => {
  it('shows the logged-in agent in a second tab without a second Login, registration or poll', async () => {
    await waitForStatus(second.adapter, 'ready');
    expect(await second.adapter.getByTestId('tab-follower').count(), 'the second tab says another tab runs the phone').toBe(1);
    expect(await first.adapter.getByTestId('tab-follower').count()).toBe(0);
    expect(await requestsOf(rig.neotel, 'Login')).toHaveLength(1);
    const polls = await pollsDuring(3200);
    numbers['Position polls in 3.2 s with two tabs'] = polls;
    expect(polls, 'one poll a second, not one per tab').toBeLessThanOrEqual(5);
    expect(polls).toBeGreaterThanOrEqual(2);
  });

  it('relays a click in the second tab to the owner: a break taken there reaches NeoApi once and shows in both tabs', async () => {
    const mark = await requestMark(rig.neotel);
    await takeBreak(second.adapter, 1);
    await waitForStatus(second.adapter, 'onBreak');
    await waitForStatus(first.adapter, 'onBreak');
    expect((await requestsOf(rig.neotel, 'Pause', mark)).map((r) => r.params.SUBTIPO_DESCANSO)).toEqual(['1']);
    await second.adapter.getByTestId('unpause').click();
    await waitForStatus(first.adapter, 'ready');
    await waitForStatus(second.adapter, 'ready');
  });

  it('rings in both tabs and answers from the second, with the audio in the owner tab', async () => {
    const { callId } = await rig.neotel.placeInbound({ number: '1166667777', queue: rig.scenario.queues[0]!.id, toneHz: INBOUND_HZ });
    await waitForStatus(first.adapter, 'ringing');
    await waitForStatus(second.adapter, 'ringing');
    await second.adapter.getByTestId('answer').click();
    await waitForStatus(second.adapter, 'inCall');
    await expectHears(first.adapter, INBOUND_HZ, [], 'the owner tab plays the customer');
    await rig.neotel.hangup(callId);
    await waitForStatus(second.adapter, 'wrapUp');
    await second.adapter.getByTestId('available').click();
    await waitForStatus(first.adapter, 'ready');
  });

  it('hands the phone to the second tab when the owner closes: no new Login, the poll goes on, and the next call carries audio there', async () => {
    const mark = await requestMark(rig.neotel);
    const closed = Date.now();
    await first.page.close();
    await waitFor('the second tab to own the phone', () => second.adapter.getByTestId('tab-follower').count(), (n) => n === 0, 10_000);
    numbers['owner closed → second tab owns ms'] = Date.now() - closed;
    await waitFor('the second tab to register the device again', () => second.adapter.getByTestId('phone-status').first().getAttribute('data-phone'), (s) => s === 'registered', 10_000).catch(async () => {
      // Older markup without data-phone: the status pill is enough once a call rings below.
    });
    await waitForStatus(second.adapter, 'ready');
    numbers['owner closed → ready again ms'] = Date.now() - closed;
    const polls = await pollsDuring(2200);
    expect(polls, 'the new owner polls Position').toBeGreaterThanOrEqual(1);
    expect(await requestsOf(rig.neotel, 'Login', mark), 'no second Login').toEqual([]);

    const { callId } = await rig.neotel.placeInbound({ number: '1166668888', queue: rig.scenario.queues[0]!.id, toneHz: INBOUND_HZ });
    await waitForStatus(second.adapter, 'ringing', 15_000);
    await second.adapter.getByTestId('answer').click();
    await waitForStatus(second.adapter, 'inCall');
    await expectHears(second.adapter, INBOUND_HZ, [], 'the new owner plays the customer');
    await rig.neotel.hangup(callId);
    await waitForStatus(second.adapter, 'wrapUp');
    expect(second.errors).toEqual([]);
  });
});

describe('tabs in a browser that blocks third-party storage', () => {
  it('runs each tab on its own and tells the agent to use one tab, instead of failing silently', async () => {
    const blocked = await AgentConsole.start({}, { thirdPartyStorage: false });
    try {
      const a = await blocked.openTab();
      const b = await blocked.openTab();
      for (const tab of [a, b]) {
        await waitForStatus(tab.adapter, 'loggedOut');
        await expect.poll(() => tab.adapter.locator('[data-notice="tabsNotShared"]').count(), { timeout: 10_000 }).toBe(1);
      }
      await logIn(a.adapter, blocked.agent());
      await waitForStatus(a.adapter, 'ready', 15_000);
      expect(a.errors.concat(b.errors)).toEqual([]);
    } finally {
      await blocked.close();
    }
  });
});
