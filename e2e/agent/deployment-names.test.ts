/**
 * Issue 12: a deployment whose NeoApi names the campaign login `Login_Campaign` with `CAMPAÑA`
 * (not `Login_Campaign2` with `CAMPANA`) works end to end. dev/neotel serves exactly those names
 * (`POST /control/neoapi/names`: `Login_Campaign2` is gone from it), and the softphone is
 * configured the same way through `neoApiMethods`; the agent logs in and enters a campaign from
 * the panel, and the platform's request log and Position show it arrived under the deployment's
 * names.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentConsole, waitFor, type AgentTab } from './support/agent-console.ts';
import { joinCampaign, logIn, requestMark, requestsOf, waitForStatus } from './support/agent-steps.ts';

const NAMES = 'Login_Campaign2=Login_Campaign;Login_Campaign2.CAMPANA=CAMPAÑA';
const CAMPAIGN = '97';

let rig: AgentConsole;
let tab: AgentTab;

beforeAll(async () => {
  rig = await AgentConsole.start({ '/neotelConnection/neoApiMethods': NAMES });
  await rig.neotel.setNeoApiNames(NAMES);
  await rig.neotel.setDialer(false);
  tab = await rig.openTab();
});

afterAll(async () => {
  if (tab.errors.length > 0) console.info('page errors:', tab.errors);
  await rig.close();
});

describe('a deployment with its own NeoApi names', () => {
  it('no longer answers Login_Campaign2: a client with the contract names would fail against it', async () => {
    const response = await fetch(`${rig.neotelServer.neoApiUrl}/Login_Campaign2`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `USUARIO=${rig.agent().user}&CAMPANA=${CAMPAIGN}`,
    });
    expect(response.status).toBe(500);
    expect(await response.text()).toContain('Login_Campaign2');
  });

  it('logs in and enters the campaign with Login_Campaign + CAMPAÑA, and the platform puts the agent in it', async () => {
    const who = rig.agent();
    await logIn(tab.adapter, who);
    await waitForStatus(tab.adapter, 'ready', 15_000);
    const mark = await requestMark(rig.neotel);
    await joinCampaign(tab.adapter, CAMPAIGN);
    await waitForStatus(tab.adapter, 'inCampaign');
    const joins = await requestsOf(rig.neotel, 'Login_Campaign', mark);
    expect(joins.map((r) => ({ status: r.status, params: r.params }))).toEqual([{ status: 200, params: { USUARIO: who.user, CAMPAÑA: CAMPAIGN } }]);
    expect(await requestsOf(rig.neotel, 'Login_Campaign2', mark), 'nothing went out under the contract name').toEqual([]);
    await waitFor('Position to show the campaign', async () => (await rig.neotel.positions()).find((p) => p.user === who.user), (p) => p?.position.includes(`SAL_CAMPAÑA_DEFAULT=${CAMPAIGN}|`) === true);
    expect(tab.errors).toEqual([]);
  });
});
