/**
 * A known state between the tests of one console (one browser, one agent): a test that fails
 * half-way must stay one failure, not leave the agent in a wrap-up, a call, a closed tab or a
 * re-created panel for the next test to trip over.
 *
 * `backToReady` ends what the platform still has up for the agent, finds the console's current
 * softphone panel (a closed tab is replaced, a re-created panel found again), logs in again when
 * the agent is logged out, and releases a wrap-up, until the agent is ready (or in a campaign,
 * which it leaves). Bounded in rounds and in time; it says where it stopped when it cannot.
 */
import type { Frame } from 'playwright-core';
import type { AgentConsole, AgentTab } from './agent-console.ts';
import { leaveCampaign, logIn } from './agent-steps.ts';

const ROUNDS = 12;
const ROUND_MS = 2_500;

async function statusOf(frame: Frame): Promise<string> {
  const pill = frame.getByTestId('status').first();
  try {
    await pill.waitFor({ timeout: ROUND_MS });
    return (await pill.getAttribute('data-status')) ?? '';
  } catch {
    return 'unknown';
  }
}

/** The softphone panel the console shows now (the panel may have been re-created). */
async function currentPanel(tab: AgentTab): Promise<Frame> {
  const handle = await tab.page.waitForSelector('iframe.openctiSoftPhone', { state: 'attached', timeout: 10_000 });
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('backToReady: the console has no softphone frame');
  return frame;
}

/** Clicks `testId` when it is there and enabled; a missing button is no error here. */
async function press(frame: Frame, testId: string): Promise<void> {
  const button = frame.getByTestId(testId).first();
  if ((await button.count()) > 0 && (await button.isEnabled())) await button.click({ timeout: ROUND_MS }).catch(() => undefined);
}

/**
 * Brings the console's agent back to `ready`; returns the tab to use from now on (another one when
 * `tab` was closed, with the current panel as `adapter`).
 */
export async function backToReady(rig: AgentConsole, tab: AgentTab, agentIndex = 0): Promise<AgentTab> {
  const agent = rig.agent(agentIndex);
  for (const call of await rig.neotel.calls()) {
    if (call.endedAt === undefined && call.agent === agent.user) await rig.neotel.hangup(call.id).catch(() => undefined);
  }
  let current = tab.page.isClosed() ? await rig.openTab({ audioProbe: false }) : tab;
  current = { ...current, adapter: await currentPanel(current) };
  let status = '';
  for (let round = 0; round < ROUNDS; round += 1) {
    status = await statusOf(current.adapter);
    if (status === 'ready') return current;
    if (status === 'loggedOut') await logIn(current.adapter, agent);
    else if (status === 'wrapUp') await press(current.adapter, 'available');
    else if (status === 'inCampaign') await leaveCampaign(current.adapter).catch(() => undefined);
    else if (status === 'onBreak') await press(current.adapter, 'unpause');
    else if (status === 'unreachable') {
      // A session resumed after a panel reload without a kept device password has no phone
      // (docs/reload.md): the agent is told to log out and in again, so do that.
      await press(current.adapter, 'logout');
      await press(current.adapter, 'logout-confirm');
    }
    else if (status === 'unknown') current = { ...current, adapter: await currentPanel(current) };
    // The next status, or the next round (a wrap-up release answered late is pressed again).
    await current.adapter.locator(`[data-testid="status"]:not([data-status="${status}"])`).first().waitFor({ timeout: ROUND_MS }).catch(() => undefined);
  }
  throw new Error(`backToReady: the agent is still ${status} after ${ROUNDS} rounds`);
}
