/**
 * Issue #6 (transfers and conference), end to end with the audio analysed: the built adapter in
 * the Lightning console emulator against the Neotel simulator's PBX. The agent (1001, Chromium's
 * fake microphone: 400 Hz beeps) dials a customer who "speaks" CUSTOMER_HZ; the target agent 1002
 * is a test phone in its own browser whose microphone is a steady TARGET_HZ; an outside number
 * answers with NUMBER_HZ. Each party's ears are measured where they are:
 *   - the agent: the adapter frame's WebAudio analyser (expectHears);
 *   - agent 1002: its test phone page's analyser;
 *   - the customer: the simulator's `customer-heard` WAV, the last second of it (Goertzel).
 * Every action is checked against the NeoApi request the simulator received.
 *
 * Coverage: every target type in each mode — blind to a number, a user, a queue and a campaign;
 * attended to a number, a user (ended: "fin de transferencia" returns the customer), a queue and a
 * campaign (completed) — and a three-party conference with one participant removed. The call center
 * renames KickAll to its alias `Expulsar_Todos` (`neoApiMethods`): the request goes out under that name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestPhoneServer, type TestPhoneServer } from '../../dev/neotel/pbx/test-phone/serve.ts';
import { parseWav } from '../../dev/neotel/pbx/index.ts';
import type { SimulatedPbx } from '../../dev/neotel/pbx/types.ts';
import { launchChromium } from '../support/browser.ts';
import { measureHeardTone, toneInRecording } from '../neotel/support/audio-proof.ts';
import { AgentPhone } from '../neotel/support/agent-phone.ts';
import { AgentConsole, waitFor, type AgentTab } from './support/agent-console.ts';
import { FAKE_MIC_HZ, expectHears, logIn, requestMark, untilStatus, requestsOf, waitForStatus } from './support/agent-steps.ts';

const CUSTOMER = '1139990001';
const CUSTOMER_HZ = 1000;
const NUMBER = '1148765432';
const NUMBER_HZ = 1300;
const TARGET_HZ = 1500;
const TARGET = '1002';
/** A voice is present in the customer's last second when its median 100 ms window is above this. */
const PRESENT_DBFS = -25;
/** And absent below this. */
const ABSENT_DBFS = -45;

let rig: AgentConsole;
let tab: AgentTab;
let phoneServer: TestPhoneServer;
let phoneBrowser: Browser;
let target: AgentPhone;
const report: Record<string, string> = {};

beforeAll(async () => {
  rig = await AgentConsole.start({
    '/dialtoneCalls/allowManualTransferNumber': 'true',
    '/dialtoneCalls/transferNumbers': `${NUMBER}=Mesa de ayuda`,
    // A deployment that spells KickAll the Spanish way (an alias the simulator also answers).
    '/neotelConnection/neoApiMethods': 'conferenceKickAll=Expulsar_Todos',
  });
  await rig.neotel.setDialer(false);
  await rig.neotel.setNumber({ number: CUSTOMER, toneHz: CUSTOMER_HZ, answerAfterMs: 200 });
  await rig.neotel.setNumber({ number: NUMBER, toneHz: NUMBER_HZ, answerAfterMs: 200 });
  phoneServer = await startTestPhoneServer(rig.neotelServer.pbx as SimulatedPbx);
  phoneBrowser = await launchChromium();
  const device = rig.scenario.devices.find((d) => d.name === `SIP/${TARGET}`);
  if (!device) throw new Error(`the scenario has no device SIP/${TARGET}`);
  target = await AgentPhone.open(phoneBrowser, { pageUrl: phoneServer.url, sipUrl: rig.neotelServer.sipUrl, user: TARGET, password: device.password, microphoneHz: TARGET_HZ });
  expect((await target.register()).ok, 'agent 1002 registers its test phone').toBe(true);
  const login = await rig.neotel.neoApi('Login', { DEVICE: `SIP/${TARGET}`, USUARIO: TARGET, CLAVE: '1234' });
  expect(login.status, `agent 1002 logs in: ${login.body}`).toBe(200);
  tab = await rig.openTab();
  await logIn(tab.adapter, rig.agent());
  await waitForStatus(tab.adapter, 'ready', 15_000);
}, 60_000);

afterAll(async () => {
  console.info('transfer numbers:', JSON.stringify(report, undefined, 1));
  if (tab.errors.length) console.info('page errors:', tab.errors);
  await target.close().catch(() => undefined);
  await phoneBrowser.close().catch(() => undefined);
  await phoneServer.close().catch(() => undefined);
  await rig.close();
});

/** The median level of `hz` in the last second the customer heard. */
async function customerHearsDbfs(callId: string, hz: number): Promise<number> {
  const wav = parseWav(await rig.neotel.customerHeard(callId));
  const last = wav.samples.subarray(Math.max(0, wav.samples.length - wav.sampleRate));
  return toneInRecording({ ...wav, samples: last }, hz).medianDbfs;
}

/** Waits (bounded) until the customer hears `hz` (present) or stops hearing it (absent). */
async function expectCustomerHears(callId: string, hz: number, present: boolean, why: string): Promise<void> {
  const level = await waitFor(why, () => customerHearsDbfs(callId, hz), (dbfs) => (present ? dbfs > PRESENT_DBFS : dbfs < ABSENT_DBFS), 8_000);
  report[why] = `${level.toFixed(1)} dBFS`;
}

/** Dials the customer from the panel and waits until the agent hears them; returns the platform call id. */
async function callCustomer(): Promise<string> {
  await tab.adapter.getByTestId('dial-input').fill(CUSTOMER);
  await tab.adapter.getByTestId('dial-button').click();
  await waitForStatus(tab.adapter, 'inCall', 15_000);
  await expectHears(tab.adapter, CUSTOMER_HZ, [TARGET_HZ, NUMBER_HZ], 'the agent hears the customer');
  const call = await waitFor('the platform to show the call', async () => (await rig.neotel.calls()).find((c) => c.number === CUSTOMER && c.endedAt === undefined), (c) => c !== undefined);
  return call!.id;
}

/** Agent 1002's phone rings for `callId`; it answers. */
async function targetAnswers(callId: string): Promise<void> {
  await target.waitForCall(callId, 'to ring agent 1002', (c) => c.state !== 'Terminated', 10_000);
  await target.answer();
  await target.waitForCall(callId, 'to be answered by agent 1002', (c) => c.state === 'Established', 5_000);
}

/** Picks a target in the panel: a list entry (`value`) or a typed number. */
async function pickTarget(kind: 'number' | 'user' | 'queue' | 'campaign', value: string, typed: boolean): Promise<void> {
  await tab.adapter.getByTestId('transfer-kind').selectOption(kind);
  if (typed) await tab.adapter.getByTestId('transfer-number').fill(value);
  else await tab.adapter.getByTestId('transfer-target').selectOption(value);
}

/** The customer's call ends and every phone is free for the next case. */
async function cleanUp(callId: string): Promise<void> {
  await rig.neotel.hangup(callId).catch(() => undefined);
  await waitFor('the call to end on the platform', () => rig.neotel.call(callId), (c) => c.endedAt !== undefined);
  await rig.neotel.neoApi('CRM_Available', { USUARIO: TARGET });
  // The end reaches the panel a moment after the platform: wait for the wrap-up (or ready) it
  // leads to, not for whatever the panel shows at this instant.
  if ((await untilStatus(tab.adapter, ['wrapUp', 'ready'], 15_000)) === 'wrapUp') await tab.adapter.getByTestId('available').click();
  await waitForStatus(tab.adapter, 'ready');
}

interface Case {
  readonly kind: 'number' | 'user' | 'queue' | 'campaign';
  readonly value: string;
  readonly typed: boolean;
  readonly method: string;
  readonly param: readonly [string, string];
}

const BLIND: readonly Case[] = [
  { kind: 'number', value: '(11) 4876-5432', typed: true, method: 'BlindTransfer', param: ['EXTENSION', NUMBER] },
  { kind: 'user', value: TARGET, typed: false, method: 'BlindTransfer', param: ['EXTENSION', TARGET] },
  { kind: 'queue', value: '4', typed: false, method: 'BlindTransferQueue', param: ['COLA', '4'] },
  { kind: 'campaign', value: '110', typed: false, method: 'BlindTransferCampaign', param: ['CAMPAÑA', '110'] },
];

const ATTENDED: readonly (Case & { readonly finish: 'complete' | 'end' })[] = [
  { kind: 'number', value: NUMBER, typed: false, method: 'AttendedTransfer', param: ['EXTENSION', NUMBER], finish: 'complete' },
  { kind: 'user', value: TARGET, typed: false, method: 'AttendedTransfer', param: ['EXTENSION', TARGET], finish: 'end' },
  { kind: 'queue', value: '4', typed: false, method: 'AttendedTransferQueue', param: ['COLA', '4'], finish: 'complete' },
  { kind: 'campaign', value: '110', typed: false, method: 'AttendedTransferCampaign', param: ['CAMPAÑA', '110'], finish: 'complete' },
];

describe('transfers, with the audio of every party', () => {
  it.each(BLIND)('blind to a $kind: $method reaches the target, who hears the customer and is heard by them; the agent leaves', async (c) => {
    const callId = await callCustomer();
    const mark = await requestMark(rig.neotel);
    await pickTarget(c.kind, c.value, c.typed);
    await tab.adapter.getByTestId('transfer-blind').click();
    await waitForStatus(tab.adapter, 'wrapUp', 10_000);
    const sent = await requestsOf(rig.neotel, c.method, mark);
    expect(sent.map((r) => r.params)).toEqual([{ USUARIO: rig.agent().user, [c.param[0]]: c.param[1] }]);
    if (c.kind === 'number') {
      await expectCustomerHears(callId, NUMBER_HZ, true, `blind ${c.kind}: the customer hears the number`);
    } else {
      await targetAnswers(callId);
      const heard = await measureHeardTone(target.page, CUSTOMER_HZ, [NUMBER_HZ]);
      expect(heard.snrDb, `blind ${c.kind}: agent 1002 hears the customer: ${JSON.stringify(heard)}`).toBeGreaterThan(30);
      report[`blind ${c.kind}: 1002 hears the customer`] = `SNR ${heard.snrDb.toFixed(1)} dB`;
      await expectCustomerHears(callId, TARGET_HZ, true, `blind ${c.kind}: the customer hears agent 1002`);
    }
    await cleanUp(callId);
    // The Task's final update (after the agent is done) records the transfer as done.
    const recorded = new RegExp(`^Transfer: blind to ${c.kind} \\S+ at \\S+ \\(done\\)$`, 'm');
    const tasks = await waitFor(`the Task of call ${callId} to record the blind transfer as done`, async () => (await rig.lightning.tasks()).filter((t) => t.fields.CallObject === callId), (t) => t.some((x) => recorded.test(String(x.fields.Description ?? ''))));
    expect(tasks, 'one Task for the transferred call').toHaveLength(1);
  }, 90_000);

  it.each(ATTENDED)('attended to a $kind: $method consults while the customer waits, then $finish', async (c) => {
    const callId = await callCustomer();
    const mark = await requestMark(rig.neotel);
    await pickTarget(c.kind, c.value, c.typed);
    await tab.adapter.getByTestId('transfer-attended').click();
    const sent = await waitFor(`${c.method} to reach the platform`, () => requestsOf(rig.neotel, c.method, mark), (r) => r.length > 0);
    expect(sent.map((r) => r.params)).toEqual([{ USUARIO: rig.agent().user, [c.param[0]]: c.param[1] }]);
    const targetHz = c.kind === 'number' ? NUMBER_HZ : TARGET_HZ;
    if (c.kind !== 'number') await targetAnswers(callId);
    await tab.adapter.locator('[data-testid="transfer-status"][data-step="talking"]').first().waitFor({ timeout: 10_000 });
    await expectHears(tab.adapter, targetHz, [CUSTOMER_HZ], `attended ${c.kind}: the agent talks to the target, not the customer`);
    await expectCustomerHears(callId, targetHz, false, `attended ${c.kind}: the waiting customer does not hear the consultation`);
    await expectCustomerHears(callId, FAKE_MIC_HZ, false, `attended ${c.kind}: the waiting customer does not hear the agent`);

    if (c.finish === 'end') {
      await tab.adapter.getByTestId('transfer-end').click();
      await waitFor('EndTransfer', () => requestsOf(rig.neotel, 'EndTransfer', mark), (r) => r.length === 1);
      await tab.adapter.locator('[data-testid="transfer-panel"][data-control="none"]').first().waitFor({ timeout: 10_000 });
      await target.waitForCall(callId, "to be dropped by the end of the transfer", (t) => t.state === 'Terminated', 10_000);
      await expectHears(tab.adapter, CUSTOMER_HZ, [TARGET_HZ], 'end of transfer: the agent hears the customer again');
      await expectCustomerHears(callId, TARGET_HZ, false, 'end of transfer: the customer does not hear the dropped target');
      expect(await tab.adapter.getByTestId('status').first().getAttribute('data-status')).toBe('inCall');
    } else {
      await tab.adapter.getByTestId('transfer-complete').click();
      await waitForStatus(tab.adapter, 'wrapUp', 10_000);
      expect((await requestsOf(rig.neotel, 'CompleteTransfer', mark)).map((r) => r.params)).toEqual([{ USUARIO: rig.agent().user }]);
      await expectCustomerHears(callId, targetHz, true, `attended ${c.kind}, completed: the customer hears the target`);
      if (c.kind !== 'number') {
        const heard = await measureHeardTone(target.page, CUSTOMER_HZ, [NUMBER_HZ]);
        expect(heard.snrDb, `attended ${c.kind}: agent 1002 hears the customer: ${JSON.stringify(heard)}`).toBeGreaterThan(30);
      }
    }
    await cleanUp(callId);
  }, 90_000);
});

describe('conference', () => {
  it('three parties hear each other; removing one stops their audio; removing everyone ends it', async () => {
    const callId = await callCustomer();
    const mark = await requestMark(rig.neotel);
    await tab.adapter.getByTestId('conference-start').click();
    await tab.adapter.locator('[data-testid="conference-status"][data-step="on"]').first().waitFor({ timeout: 10_000 });
    expect((await requestsOf(rig.neotel, 'JoinConference', mark)).map((r) => r.params)).toEqual([{ USUARIO: rig.agent().user }]);

    await tab.adapter.getByTestId('invite-kind').selectOption('user');
    await tab.adapter.getByTestId('invite-target').selectOption(TARGET);
    await tab.adapter.getByTestId('conference-invite').click();
    const invites = await waitFor('InviteParticipant', () => requestsOf(rig.neotel, 'InviteParticipant', mark), (r) => r.length === 1);
    expect(invites[0]?.params).toEqual({ USUARIO: rig.agent().user, EXTENSION: TARGET });
    await targetAnswers(callId);
    // Ringing until Position's CANALES_ASOCIADOS lists the participant's channel, then in the call.
    const participant = tab.adapter.locator('[data-testid="participant"][data-state="in"]').first();
    await participant.waitFor({ timeout: 10_000 });
    const participantId = (await participant.getAttribute('data-participant')) ?? '';
    expect(participantId, 'the participant id InviteParticipant answered is listed').not.toBe('');

    // All three hear each other.
    const agentHearsTarget = await measureHeardTone(tab.adapter, TARGET_HZ, [CUSTOMER_HZ]);
    expect(agentHearsTarget.snrDb, `the agent hears 1002: ${JSON.stringify(agentHearsTarget)}`).toBeGreaterThan(30);
    expect(agentHearsTarget.others[CUSTOMER_HZ]!, 'the agent hears the customer too').toBeGreaterThan(agentHearsTarget.floorDb + 30);
    const targetHearsCustomer = await measureHeardTone(target.page, CUSTOMER_HZ, [NUMBER_HZ]);
    expect(targetHearsCustomer.snrDb, `1002 hears the customer: ${JSON.stringify(targetHearsCustomer)}`).toBeGreaterThan(30);
    await expectCustomerHears(callId, TARGET_HZ, true, 'conference: the customer hears 1002');
    report['conference: agent hears 1002 / customer'] = `${agentHearsTarget.snrDb.toFixed(1)} dB / ${(agentHearsTarget.others[CUSTOMER_HZ]! - agentHearsTarget.floorDb).toFixed(1)} dB`;

    // Removing 1002 stops their audio for the others.
    await tab.adapter.getByTestId('participant-kick').first().click();
    const kicks = await waitFor('KickParticipant', () => requestsOf(rig.neotel, 'KickParticipant', mark), (r) => r.length === 1);
    expect(kicks[0]?.params).toEqual({ USUARIO: rig.agent().user, PARTICIPANTE: participantId });
    await target.waitForCall(callId, 'to be dropped from the conference', (t) => t.state === 'Terminated', 10_000);
    await tab.adapter.getByTestId('conference-empty').waitFor({ timeout: 10_000 });
    await expectCustomerHears(callId, TARGET_HZ, false, 'conference: the customer no longer hears the removed 1002');
    await expectHears(tab.adapter, CUSTOMER_HZ, [TARGET_HZ], 'conference: the agent still hears the customer, not the removed 1002');

    // DTMF still goes out during the conference.
    await tab.adapter.getByTestId('keypad-toggle').click();
    await tab.adapter.locator('[data-key="5"]').first().click();
    await waitFor('the customer to receive the DTMF digit', () => rig.neotel.call(callId), (call) => call.digitsSent.includes('5'), 8_000);

    await tab.adapter.getByTestId('conference-kick-all').click();
    // neoApiMethods renamed it: the wire name is the deployment's, the parameters the contract's.
    const kickAll = await waitFor('KickAll sent as Expulsar_Todos', () => requestsOf(rig.neotel, 'Expulsar_Todos', mark), (r) => r.length === 1);
    expect(kickAll[0]?.params).toEqual({ USUARIO: rig.agent().user });
    expect(await requestsOf(rig.neotel, 'KickAll', mark)).toEqual([]);
    await tab.adapter.locator('[data-testid="transfer-panel"][data-control="none"]').first().waitFor({ timeout: 10_000 });
    await expectHears(tab.adapter, CUSTOMER_HZ, [TARGET_HZ], 'after the conference: the two-party call goes on');
    await cleanUp(callId);
  }, 120_000);
});
