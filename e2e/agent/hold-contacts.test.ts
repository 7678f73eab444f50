/**
 * Issue 12's walkthrough operation end to end: an agent idle in a campaign presses "Hold new
 * contacts"; `CRM_Unavailable` with the agent's `USUARIO` reaches dev/neotel (its request log), the
 * button turns into "Take contacts", and pressing it sends `CRM_Available`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentConsole, waitFor, type AgentTab } from './support/agent-console.ts';
import { joinCampaign, logIn, requestMark, requestsOf, waitForStatus } from './support/agent-steps.ts';

const CAMPAIGN = '97';

let rig: AgentConsole;
let tab: AgentTab;

beforeAll(async () => {
  rig = await AgentConsole.start({});
  await rig.neotel.setDialer(false);
  tab = await rig.openTab();
});

afterAll(async () => {
  if (tab.errors.length > 0) console.info('page errors:', tab.errors);
  await rig.close();
});

describe('hold new contacts', () => {
  it('is offered only in a campaign, sends CRM_Unavailable, and CRM_Available to take contacts again', async () => {
    const who = rig.agent();
    await logIn(tab.adapter, who);
    await waitForStatus(tab.adapter, 'ready', 15_000);
    expect(await tab.adapter.getByTestId('hold-contacts').count(), 'no button outside a campaign').toBe(0);
    await joinCampaign(tab.adapter, CAMPAIGN);
    await waitForStatus(tab.adapter, 'inCampaign');

    const mark = await requestMark(rig.neotel);
    const button = tab.adapter.getByTestId('hold-contacts');
    await button.click();
    await waitFor('the button to show contacts held', () => button.getAttribute('aria-pressed'), (pressed) => pressed === 'true');
    const holds = await requestsOf(rig.neotel, 'CRM_Unavailable', mark);
    expect(holds.map((r) => ({ status: r.status, params: r.params }))).toEqual([{ status: 200, params: { USUARIO: who.user } }]);

    await button.click();
    await waitFor('the button to show contacts taken', () => button.getAttribute('aria-pressed'), (pressed) => pressed === 'false');
    const releases = await requestsOf(rig.neotel, 'CRM_Available', mark);
    expect(releases.map((r) => ({ status: r.status, params: r.params }))).toEqual([{ status: 200, params: { USUARIO: who.user } }]);
    expect(tab.errors).toEqual([]);
  });
});
