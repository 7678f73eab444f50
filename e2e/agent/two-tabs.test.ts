/**
 * Issue #4, "one phone across tabs": Salesforce boots the adapter in every tab. Two console tabs
 * of one agent (one browser profile) share one login, one SIP registration and one Position
 * poll; the second tab mirrors the first and relays the agent's clicks to it; closing the owner
 * hands the phone to the other tab without a second Login, and the next call rings and carries
 * audio there. The Position poll runs in a SharedWorker of the owner tab's own (issue 18: its
 * fetches leave the page's main thread alone), one for the agent however many tabs are open; the
 * heir starts its own when it takes over, and sees Position changes through it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentConsole, waitFor, type AgentTab } from './support/agent-console.ts';
import { expectHears, logIn, requestMark, requestsOf, takeBreak, waitForStatus } from './support/agent-steps.ts';

const INBOUND_HZ = 1000;

let rig: AgentConsole;
let first: AgentTab;
let second: AgentTab;
const numbers: Record<string, unknown> = {};
/** The owner tab's Position SharedWorker, seen with both tabs open. */
let ownerWatcher: string[] = [];

/** The browser's SharedWorkers that watch Position (docs/position-poller.md), by their Blob URL. */
async function positionWatchers(on: AgentConsole = rig): Promise<string[]> {
  const browser = on.context.browser();
  if (!browser) throw new Error('the rig has no browser to list its SharedWorkers');
  const session = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = (await session.send('Target.getTargets')) as { targetInfos: { type: string; url: string; title: string }[] };
    return targetInfos.filter((t) => t.type === 'shared_worker' && t.url.startsWith('blob:')).map((t) => t.url);
  } finally {
    await session.detach();
  }
}

async function pollsDuring(ms: number, on: AgentConsole = rig): Promise<number> {
  const mark = await requestMark(on.neotel);
  await new Promise((resolve) => setTimeout(resolve, ms));
  return (await requestsOf(on.neotel, 'Position', mark)).length;
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
    ownerWatcher = await positionWatchers();
    expect(ownerWatcher, 'one SharedWorker watches Position: the owner tab\'s').toHaveLength(1);
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
    const watchersBefore = await positionWatchers();
    const polls = await pollsDuring(3200);
    numbers['Position polls in 3.2 s after the handover'] = polls;
    expect(polls, 'the new owner polls Position').toBeGreaterThanOrEqual(2);
    expect(polls, 'once a second: the closed tab\'s watch ended with it').toBeLessThanOrEqual(5);
    expect(await requestsOf(rig.neotel, 'Login', mark), 'no second Login').toEqual([]);
    const watchers = await positionWatchers();
    expect(watchers, 'one SharedWorker watches Position: the heir\'s').toHaveLength(1);
    expect(watchersBefore, 'the same one a moment ago').toEqual(watchers);
    expect(watchers, 'not the closed tab\'s').not.toEqual(ownerWatcher);

    // A break set on the platform behind the panel's back (a supervisor, another tool) reaches
    // the heir only through its Position watch.
    await rig.neotel.neoApi('Pause', { USUARIO: rig.agent().user, SUBTIPO_DESCANSO: 1 });
    await waitForStatus(second.adapter, 'onBreak', 10_000);
    await rig.neotel.neoApi('Unpause', { USUARIO: rig.agent().user });
    await waitForStatus(second.adapter, 'ready', 10_000);

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
      // Whatever kind of worker this browser allows a third-party frame (or none), Position is watched.
      numbers['Position SharedWorkers with third-party storage blocked'] = (await positionWatchers(blocked)).length;
      expect(await pollsDuring(3200, blocked), 'the logged-in tab polls Position').toBeGreaterThanOrEqual(2);
      expect(a.errors.concat(b.errors)).toEqual([]);
    } finally {
      await blocked.close();
    }
  });
});
