/**
 * Issue #4, end to end: an agent's day in the real product. The built adapter runs inside the
 * Lightning console emulator (framed as Salesforce does) against the Neotel simulator (NeoApi and
 * a PBX with real WebRTC audio); the agent uses the panel like a person, and every step is checked
 * from the outside: the NeoApi requests the platform received, the audio the adapter plays, and
 * the platform's recording of what the agent's microphone sent.
 *
 *   log in ─► inbound call (audio both ways) ─► customer hangs up ─► Play ─► manual dial (typed)
 *   ─► agent hangs up ─► dial pad ─► break with a reason and back ─► campaign + predictive dialer
 *   contact (audio) ─► leave campaign ─► log out
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentConsole, waitFor, type AgentTab } from './support/agent-console.ts';
import { expectHears, expectRecordingHasAgent, joinCampaign, leaveCampaign, logIn, openKeypad, requestMark, requestsOf, takeBreak, waitForStatus } from './support/agent-steps.ts';

const INBOUND_HZ = 1000;
const DIAL_HZ = 1100;
const INBOUND_CALLER = '1166667777';

let rig: AgentConsole;
let tab: AgentTab;
const numbers: Record<string, unknown> = {};

beforeAll(async () => {
  rig = await AgentConsole.start({}, { salesforceHost: true });
  // The dialer only runs when a test wants a delivery.
  await rig.neotel.setDialer(false);
  tab = await rig.openTab();
});

afterAll(async () => {
  console.info('agent day numbers:', JSON.stringify(numbers, undefined, 1));
  if (tab.errors.length > 0) console.info('page errors:', tab.errors);
  await rig.close();
});

describe("an agent's day in the softphone", () => {
  it('logs in: registers the device first, then Login with the templated device, then polls Position every second', async () => {
    const who = rig.agent();
    const started = Date.now();
    await logIn(tab.adapter, who);
    await waitForStatus(tab.adapter, 'ready', 15_000);
    numbers['login → ready ms'] = Date.now() - started;
    const logins = await requestsOf(rig.neotel, 'Login');
    expect(logins.map((r) => r.params)).toEqual([{ DEVICE: `SIP/${who.device}`, USUARIO: who.user, CLAVE: who.password }]);
    const position = (await rig.neotel.positions()).find((p) => p.user === who.user);
    expect(position, 'the platform shows the agent logged in on the device').toMatchObject({ device: `SIP/${who.device}` });
    const mark = await requestMark(rig.neotel);
    await new Promise((resolve) => setTimeout(resolve, 3200));
    const polls = await requestsOf(rig.neotel, 'Position', mark);
    numbers['Position polls in 3.2 s'] = polls.length;
    expect(polls.length).toBeGreaterThanOrEqual(2);
    expect(polls.length).toBeLessThanOrEqual(5);
    expect(polls.every((p) => p.params.USUARIO === who.user)).toBe(true);
    expect(tab.errors).toEqual([]);
  });

  it('rings an inbound queue call with its number, answers it with audio both ways, and goes to wrap-up when the customer hangs up', async () => {
    const queue = rig.scenario.queues[0]!;
    await rig.lightning.setPanelVisible(false);
    const { callId } = await rig.neotel.placeInbound({ number: INBOUND_CALLER, queue: queue.id, toneHz: INBOUND_HZ });
    const offered = Date.now();
    await waitForStatus(tab.adapter, 'ringing');
    numbers['inbound placed → ringing ms'] = Date.now() - offered;
    await waitFor('the ringing call to open the minimised panel', async () => (await rig.lightning.state()).tab?.panel.visible, (visible) => visible === true, 5_000);
    expect(await tab.adapter.getByTestId('incoming-number').textContent()).toContain(INBOUND_CALLER);
    await tab.adapter.getByTestId('answer').click();
    await waitForStatus(tab.adapter, 'inCall');
    const heard = await expectHears(tab.adapter, INBOUND_HZ, [DIAL_HZ], 'the agent hears the inbound customer');
    numbers['inbound heard'] = `${heard.peakHz.toFixed(0)} Hz, SNR ${heard.snrDb.toFixed(1)} dB`;
    expect(await tab.adapter.getByTestId('call-info').textContent()).toContain(callId);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await rig.neotel.hangup(callId);
    await waitForStatus(tab.adapter, 'wrapUp');
    numbers['inbound recording'] = await expectRecordingHasAgent(rig.neotel, callId, INBOUND_HZ);
    await tab.adapter.getByTestId('available').click();
    await waitForStatus(tab.adapter, 'ready');
    expect(await tab.adapter.getByTestId('call-info').textContent(), 'the last call id is 0 once the call is over').toMatch(/Last call id\s*0(?!\d)/);
  });

  it('dials a typed number through NeoApi Dial, takes the platform leg by itself, talks, and the agent hangs up', async () => {
    const typed = '(11) 3999-0000';
    const digits = '1139990000';
    await rig.neotel.setNumber({ number: digits, toneHz: DIAL_HZ, answerAfterMs: 300 });
    const mark = await requestMark(rig.neotel);
    await tab.adapter.getByTestId('dial-input').fill(typed);
    const clicked = Date.now();
    await tab.adapter.getByTestId('dial-button').click();
    await waitForStatus(tab.adapter, 'inCall', 15_000);
    numbers['dial click → in call ms'] = Date.now() - clicked;
    const dials = await requestsOf(rig.neotel, 'Dial', mark);
    expect(dials.map((r) => r.params)).toEqual([{ USUARIO: rig.agent().user, TELEFONO: digits }]);
    await expectHears(tab.adapter, DIAL_HZ, [INBOUND_HZ], 'the agent hears the dialled customer');
    const call = (await rig.neotel.calls()).find((c) => c.number === digits && c.endedAt === undefined);
    expect(call, 'the platform has the dialled call up').toBeDefined();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await tab.adapter.getByTestId('hang-up').click();
    await waitForStatus(tab.adapter, 'wrapUp');
    await waitFor('the platform to end the dialled call', () => rig.neotel.call(call!.id), (c) => c.endedAt !== undefined);
    numbers['dial recording'] = await expectRecordingHasAgent(rig.neotel, call!.id, DIAL_HZ);
    await tab.adapter.getByTestId('available').click();
    await waitForStatus(tab.adapter, 'ready');
  });

  it('dials with the dial pad keys, and refuses a number with letters before NeoApi sees it', async () => {
    const mark = await requestMark(rig.neotel);
    await tab.adapter.getByTestId('dial-input').fill('call me');
    await tab.adapter.getByTestId('dial-button').click();
    await expect.poll(() => tab.adapter.getByTestId('dial-error').count()).toBe(1);
    expect(await requestsOf(rig.neotel, 'Dial', mark)).toEqual([]);

    await tab.adapter.getByTestId('dial-input').fill('');
    await rig.neotel.setNumber({ number: '4155550142', toneHz: DIAL_HZ, answerAfterMs: 300 });
    // The keypad is folded away until asked for (docs/agent-softphone.md, "Layout").
    await openKeypad(tab.adapter);
    for (const key of '4155550142') await tab.adapter.locator(`[data-key="${key}"]`).first().click();
    await tab.adapter.getByTestId('dial-button').click();
    await waitForStatus(tab.adapter, 'inCall', 15_000);
    expect((await requestsOf(rig.neotel, 'Dial', mark)).map((r) => r.params.TELEFONO)).toEqual(['4155550142']);
    await tab.adapter.getByTestId('hang-up').click();
    await waitForStatus(tab.adapter, 'wrapUp');
    await tab.adapter.getByTestId('available').click();
    await waitForStatus(tab.adapter, 'ready');
  });

  it('takes a break with a reason and comes back', async () => {
    const mark = await requestMark(rig.neotel);
    await takeBreak(tab.adapter, 12);
    const status = await waitForStatus(tab.adapter, 'onBreak');
    expect(status).toContain('Almuerzo');
    expect((await requestsOf(rig.neotel, 'Pause', mark)).map((r) => r.params)).toEqual([{ USUARIO: rig.agent().user, SUBTIPO_DESCANSO: '12' }]);
    await waitFor('Position to show the break', async () => (await rig.neotel.positions()).find((p) => p.user === rig.agent().user), (p) => p?.position.includes('SUBTIPO_DESCANSO=12|') === true);
    await tab.adapter.getByTestId('unpause').click();
    await waitForStatus(tab.adapter, 'ready');
    expect(await requestsOf(rig.neotel, 'Unpause', mark)).toHaveLength(1);
  });

  it('enters the outbound campaign, takes a predictive-dialer contact with audio, and leaves the campaign', async () => {
    const mark = await requestMark(rig.neotel);
    await joinCampaign(tab.adapter, '97');
    await waitForStatus(tab.adapter, 'inCampaign');
    const joins = [...(await requestsOf(rig.neotel, 'Login_Campaign2', mark))];
    expect(joins.map((r) => r.params.CAMPANA)).toEqual(['97']);
    await rig.neotel.setDialer(true);
    const started = Date.now();
    await waitForStatus(tab.adapter, 'inCall', 20_000);
    numbers['dialer on → in call ms'] = Date.now() - started;
    await rig.neotel.setDialer(false);
    const call = (await rig.neotel.calls()).find((c) => c.campaign === 97 && c.endedAt === undefined && c.agent === rig.agent().user);
    expect(call, 'the dialer call is up on the platform').toBeDefined();
    const contactTones = rig.scenario.bases.flatMap((b) => b.contacts).map((c) => c.toneHz).filter((hz): hz is number => hz !== undefined);
    const heard = await measureAnyOf(contactTones);
    numbers['dialer heard'] = heard;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await tab.adapter.getByTestId('hang-up').click();
    await waitForStatus(tab.adapter, 'wrapUp');
    expect(await requestsOf(rig.neotel, 'CRM_ShowingContact', mark), 'the delivered contact is acknowledged on screen').toHaveLength(1);
    await tab.adapter.getByTestId('available').click();
    await waitFor('CRM_Available', () => requestsOf(rig.neotel, 'CRM_Available', mark), (r) => r.length === 1);
    await leaveCampaign(tab.adapter);
    await waitForStatus(tab.adapter, 'ready');
    expect(await requestsOf(rig.neotel, 'Logout_Campaign', mark)).toHaveLength(1);
  });

  it('logs out: Logout on the platform and the device unregistered', async () => {
    const mark = await requestMark(rig.neotel);
    await tab.adapter.getByTestId('logout').click();
    await waitForStatus(tab.adapter, 'loggedOut');
    expect(await requestsOf(rig.neotel, 'Logout', mark)).toHaveLength(1);
    await expect.poll(async () => (await rig.neotel.positions()).some((p) => p.user === rig.agent().user)).toBe(false);
    expect(tab.errors).toEqual([]);
  });
});

/** The dialer picks a contact; find which tone the agent hears and prove it is that one. */
async function measureAnyOf(tones: readonly number[]): Promise<string> {
  for (const hz of tones) {
    try {
      const heard = await expectHears(tab.adapter, hz, tones.filter((t) => t !== hz).slice(0, 3), `the agent hears the dialer contact at ${hz} Hz`);
      return `${hz} Hz, SNR ${heard.snrDb.toFixed(1)} dB`;
    } catch {
      // Not this contact: try the next tone.
    }
  }
  throw new Error(`the agent heard none of the contacts' tones ${tones.join(', ')}`);
}
