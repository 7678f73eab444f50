/**
 * Issue #6 part 3, end to end: supervisor monitoring with the audio proven. Two real browsers
 * (separate profiles, so two independent softphones) frame the built adapter in the Lightning
 * emulator against the Neotel simulator's PBX:
 *
 *   agent 1001 (microphone: a steady 400 Hz) answers an inbound customer (1000 Hz);
 *   supervisor 2001 (microphone: a steady 700 Hz) picks the agent in the monitoring panel and
 *   Listens (hears 400 + 1000, nobody hears 700) ─► switches to Assist (the agent hears 700, the
 *   customer still does not) ─► Joins the call (barge: agent and customer both hear 700) ─► Ends
 *   (the supervisor's audio stops).
 *
 * Each step checks the NeoApi request the simulator received, the audio each party heard (the
 * browsers' analysers; the customer's side from the simulator's per-leg recording), that the
 * monitoring leg never became a call in the supervisor's panel, the agent's indicator, and the
 * session's Task in the Salesforce emulator.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext, type Frame } from 'playwright-core';
import { parseWav, toneLevelsOverTime } from '../../dev/neotel/pbx/index.ts';
import { audioRtpStats } from '../support/audio.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/browser.ts';
import { measureHeardTone, type HeardInBrowser } from '../neotel/support/audio-proof.ts';
import { AgentConsole, openConsoleTab, waitFor, type AgentTab } from './support/agent-console.ts';
import { logIn, requestMark, requestsOf, waitForStatus } from './support/agent-steps.ts';

const AGENT_HZ = 400;
const CUSTOMER_HZ = 1000;
const SUPERVISOR_HZ = 700;
/** A frequency nobody sends: the floor to compare with. */
const SILENT_HZ = 1500;
const CALLER = '1166660606';

let rig: AgentConsole;
let supervisorContext: BrowserContext | undefined;
let supervisorProfile: string | undefined;
let agent: AgentTab;
let supervisor: AgentTab;
let callId = '';
const numbers: Record<string, unknown> = {};

/** Levels (dB) one browser hears at each frequency, once RTP is flowing to it. */
async function levels(frame: Frame, why: string): Promise<{ at: Record<number, number>; heard: HeardInBrowser }> {
  const heard = await measureHeardTone(frame, SILENT_HZ, [AGENT_HZ, CUSTOMER_HZ, SUPERVISOR_HZ], 700);
  const at = { [SILENT_HZ]: heard.levelDb, ...heard.others };
  numbers[why] = Object.fromEntries(Object.entries(at).map(([hz, db]) => [`${hz} Hz`, Number(db.toFixed(1))]));
  return { at, heard };
}

/** Median level (dBFS) of `hz` in the last `seconds` of what the call's customer heard. */
async function customerHears(hz: number, seconds = 1.5): Promise<number> {
  const wav = parseWav(await rig.neotel.customerHeard(callId));
  const tail = wav.samples.subarray(Math.max(0, wav.samples.length - Math.round(seconds * wav.sampleRate)));
  const sorted = toneLevelsOverTime(tail, hz, 100, wav.sampleRate).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? -Infinity;
}

const panelStatus = (frame: Frame): Promise<string | null> => frame.getByTestId('monitoring-panel').getAttribute('data-status', { timeout: 2_000 });
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  rig = await AgentConsole.start({
    '/dialtoneSupervisor/supervisorUserIds': '2001',
    '/dialtoneSupervisor/monitoredUsers': '1001=Ana Agente|1002=Bruno Agente',
    '/dialtoneSupervisor/showMonitoringToAgent': 'true',
  });
  await rig.neotel.setDialer(false);
  // The supervisor is another person at another desk: another browser profile.
  supervisorProfile = mkdtempSync(join(tmpdir(), 'dialtone-supervisor-profile-'));
  mkdirSync(join(supervisorProfile, 'Default'), { recursive: true });
  writeFileSync(join(supervisorProfile, 'Default', 'Preferences'), JSON.stringify({ profile: { cookie_controls_mode: 0, block_third_party_cookies: false } }));
  const context = await chromium.launchPersistentContext(supervisorProfile, { executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS] });
  supervisorContext = context;
  agent = await openConsoleTab(rig.context, rig.lightningServer.url, { microphoneHz: AGENT_HZ });
  supervisor = await openConsoleTab(context, rig.lightningServer.url, { microphoneHz: SUPERVISOR_HZ });
}, 60_000);

afterAll(async () => {
  console.info('monitoring numbers:', JSON.stringify(numbers, undefined, 1));
  if (supervisor.errors.length > 0) console.info('supervisor page errors:', supervisor.errors);
  console.info('supervisor warnings:', supervisor.logs.filter((l) => /^(warning|error)/.test(l)).slice(-15));
  await supervisorContext?.close().catch(() => undefined);
  if (supervisorProfile !== undefined) rmSync(supervisorProfile, { recursive: true, force: true });
  await rig.close();
});

describe('supervisor monitoring, with the audio analysed', () => {
  it('logs the agent into an inbound call with the customer and the supervisor in with the monitoring panel (no campaign)', async () => {
    await logIn(agent.adapter, rig.agent(0));
    await waitForStatus(agent.adapter, 'ready', 15_000);
    const sup = rig.scenario.users.find((u) => u.role === 'supervisor')!;
    const device = rig.scenario.devices.find((d) => d.name === `SIP/${sup.id}`)!;
    await logIn(supervisor.adapter, { user: sup.id, password: sup.password, device: sup.id, devicePassword: device.password });
    await waitForStatus(supervisor.adapter, 'ready', 15_000);
    // The panel draws the configured users as soon as supervision's code is in (it loads after
    // REGISTER 200, issue 18); its GetUsers listing follows, so wait for the request, not the names.
    await waitFor('the supervisor panel asking GetUsers for the listing', async () => (await requestsOf(rig.neotel, 'GetUsers')).map((r) => r.params), (params) => params.some((p) => p.USUARIO === '2001'), 30_000);
    await waitFor('the GetUsers listing in the panel', async () => supervisor.adapter.getByTestId('monitor-agent').textContent({ timeout: 2_000 }), (text) => (text ?? '').includes('Ana Agente') && (text ?? '').includes('Bruno Agente'), 30_000);
    expect(await agent.adapter.getByTestId('monitoring-panel').count(), 'an agent has no monitoring panel').toBe(0);

    const { callId: placed } = await rig.neotel.placeInbound({ number: CALLER, queue: rig.scenario.queues[0]!.id, toneHz: CUSTOMER_HZ });
    callId = placed;
    await waitForStatus(agent.adapter, 'ringing');
    await agent.adapter.getByTestId('answer').click();
    await waitForStatus(agent.adapter, 'inCall');
    const heard = await levels(agent.adapter, 'agent hears (before monitoring)');
    expect(heard.at[CUSTOMER_HZ]!, 'the agent hears the customer').toBeGreaterThan(heard.at[SILENT_HZ]! + 25);
    // The users list now shows the agent in a call (GetUsers Estado), after a refresh.
    await supervisor.adapter.getByTestId('monitor-refresh').click();
    await waitFor('the agent listed as in a call', async () => supervisor.adapter.getByTestId('monitor-agent').textContent({ timeout: 2_000 }), (text) => (text ?? '').includes('Ana Agente (user 1001) — in a call'), 10_000);
  });

  it('Listen: sends StartMonitor MODO=listen; the supervisor hears agent and customer, nobody hears the supervisor, and no call card appears', async () => {
    const mark = await requestMark(rig.neotel);
    await supervisor.adapter.getByTestId('monitor-agent').selectOption('1001');
    await supervisor.adapter.getByTestId('monitor-mode-listen').check();
    await supervisor.adapter.getByTestId('monitor-start').click();
    await waitFor('the monitoring to become active', () => panelStatus(supervisor.adapter), (s) => s === 'active', 15_000);
    expect((await requestsOf(rig.neotel, 'StartMonitor', mark)).map((r) => r.params)).toEqual([{ USUARIO: '2001', AGENTE: '1001', MODO: 'listen' }]);
    expect(await supervisor.adapter.getByTestId('monitor-status').getAttribute('data-mode')).toBe('listen');
    // The monitoring leg was answered by the app, not shown as a call: the supervisor stays ready.
    expect(await supervisor.adapter.getByTestId('status').first().getAttribute('data-status')).toBe('ready');
    expect(await supervisor.adapter.getByTestId('incoming-number').count()).toBe(0);

    const sup = await levels(supervisor.adapter, 'supervisor hears (listen)');
    expect(sup.at[CUSTOMER_HZ]!, 'the supervisor hears the customer').toBeGreaterThan(sup.at[SILENT_HZ]! + 25);
    expect(sup.at[AGENT_HZ]!, 'the supervisor hears the agent').toBeGreaterThan(sup.at[SILENT_HZ]! + 25);
    const ag = await levels(agent.adapter, 'agent hears (listen)');
    // Silence reads anywhere from −80 to −165 dB (digital zeros): compare with the tone the agent does hear.
    expect(ag.at[SUPERVISOR_HZ]!, 'the agent does not hear the supervisor in Listen').toBeLessThan(ag.at[CUSTOMER_HZ]! - 50);
    await sleep(1600);
    const customerSupervisor = await customerHears(SUPERVISOR_HZ);
    const customerAgent = await customerHears(AGENT_HZ);
    numbers['customer hears (listen), dBFS'] = { supervisor: customerSupervisor, agent: customerAgent };
    expect(customerAgent, 'the customer hears the agent (the recording works)').toBeGreaterThan(-35);
    expect(customerSupervisor, 'the customer does not hear the supervisor').toBeLessThan(-50);

    await waitFor("the agent's monitored indicator in Listen", async () => agent.adapter.getByTestId('monitored-indicator').getAttribute('data-mode', { timeout: 1_000 }).catch(() => null), (mode) => mode === 'listen', 8_000);
    // Position names the supervisor by id; the agent's panel asks GetUsers once for the name.
    const supervisorName = rig.scenario.users.find((u) => u.id === '2001')!.name;
    await waitFor('the supervisor named in the indicator', () => agent.adapter.getByTestId('monitored-indicator').textContent({ timeout: 1_000 }).catch(() => null), (text) => (text ?? '').includes(`Supervisor ${supervisorName} is listening`), 8_000);
    expect((await requestsOf(rig.neotel, 'GetUsers')).map((r) => r.params)).toContainEqual({ USUARIO: '1001' });
  });

  it('Assist: sends StartMonitor MODO=assist; the agent hears the supervisor and the customer does not', async () => {
    const mark = await requestMark(rig.neotel);
    await supervisor.adapter.getByTestId('monitor-mode-assist').check();
    await waitFor('the switch to assist', async () => supervisor.adapter.getByTestId('monitor-status').getAttribute('data-mode', { timeout: 2_000 }), (m) => m === 'assist', 10_000);
    expect((await requestsOf(rig.neotel, 'StartMonitor', mark)).map((r) => r.params)).toEqual([{ USUARIO: '2001', AGENTE: '1001', MODO: 'assist' }]);

    const ag = await levels(agent.adapter, 'agent hears (assist)');
    expect(ag.at[SUPERVISOR_HZ]!, 'the agent hears the supervisor in Assist').toBeGreaterThan(ag.at[SILENT_HZ]! + 25);
    expect(ag.at[CUSTOMER_HZ]!, 'the agent still hears the customer').toBeGreaterThan(ag.at[SILENT_HZ]! + 25);
    const sup = await levels(supervisor.adapter, 'supervisor hears (assist)');
    expect(sup.at[CUSTOMER_HZ]!, 'the supervisor still hears the customer').toBeGreaterThan(sup.at[SILENT_HZ]! + 25);
    await sleep(1600);
    const customerSupervisor = await customerHears(SUPERVISOR_HZ);
    numbers['customer hears supervisor (assist), dBFS'] = customerSupervisor;
    expect(customerSupervisor, 'the customer does not hear the supervisor in Assist').toBeLessThan(-50);

    await waitFor("the agent's monitored indicator in Assist", async () => agent.adapter.getByTestId('monitored-indicator').getAttribute('data-mode', { timeout: 1_000 }).catch(() => null), (mode) => mode === 'assist', 8_000);
  });

  it('Join call (barge): sends StartMonitor MODO=barge; the customer and the agent both hear the supervisor, who still hears both', async () => {
    const mark = await requestMark(rig.neotel);
    await supervisor.adapter.getByTestId('monitor-mode-barge').check();
    await waitFor('the switch to barge', async () => supervisor.adapter.getByTestId('monitor-status').getAttribute('data-mode', { timeout: 2_000 }), (m) => m === 'barge', 10_000);
    expect((await requestsOf(rig.neotel, 'StartMonitor', mark)).map((r) => r.params)).toEqual([{ USUARIO: '2001', AGENTE: '1001', MODO: 'barge' }]);
    expect(await supervisor.adapter.getByTestId('monitor-status').textContent()).toContain('Joined the call of agent Ana Agente (user 1001)');

    const ag = await levels(agent.adapter, 'agent hears (barge)');
    expect(ag.at[SUPERVISOR_HZ]!, 'the agent hears the supervisor in Barge').toBeGreaterThan(ag.at[SILENT_HZ]! + 25);
    expect(ag.at[CUSTOMER_HZ]!, 'the agent still hears the customer').toBeGreaterThan(ag.at[SILENT_HZ]! + 25);
    const sup = await levels(supervisor.adapter, 'supervisor hears (barge)');
    expect(sup.at[CUSTOMER_HZ]!, 'the supervisor hears the customer').toBeGreaterThan(sup.at[SILENT_HZ]! + 25);
    expect(sup.at[AGENT_HZ]!, 'the supervisor hears the agent').toBeGreaterThan(sup.at[SILENT_HZ]! + 25);
    await sleep(1600);
    const customerSupervisor = await customerHears(SUPERVISOR_HZ);
    const customerAgent = await customerHears(AGENT_HZ);
    numbers['customer hears (barge), dBFS'] = { supervisor: customerSupervisor, agent: customerAgent };
    expect(customerSupervisor, 'the customer hears the supervisor in Barge').toBeGreaterThan(-35);
    expect(customerAgent, 'the customer still hears the agent').toBeGreaterThan(-35);

    await waitFor("the agent's monitored indicator in Barge", async () => agent.adapter.getByTestId('monitored-indicator').getAttribute('data-mode', { timeout: 1_000 }).catch(() => null), (mode) => mode === 'barge', 8_000);
    const supervisorName = rig.scenario.users.find((u) => u.id === '2001')!.name;
    expect(await agent.adapter.getByTestId('monitored-indicator').textContent()).toContain(`Supervisor ${supervisorName} has joined your call`);
  });

  it("End: sends StopMonitor, the supervisor's audio stops, the agent no longer hears them and the indicator goes", async () => {
    const mark = await requestMark(rig.neotel);
    await supervisor.adapter.getByTestId('monitor-stop').click();
    await waitFor('the monitoring to end', () => panelStatus(supervisor.adapter), (s) => s === 'idle', 10_000);
    expect((await requestsOf(rig.neotel, 'StopMonitor', mark)).map((r) => r.params)).toEqual([{ USUARIO: '2001' }]);
    // No RTP reaches the supervisor any more.
    const before = (await audioRtpStats(supervisor.adapter)).packetsReceived;
    await sleep(1000);
    const after = (await audioRtpStats(supervisor.adapter)).packetsReceived;
    numbers['supervisor RTP packets in 1 s after End'] = after - before;
    expect(after - before, 'no audio reaches the supervisor after End').toBeLessThan(5);
    const ag = await levels(agent.adapter, 'agent hears (after End)');
    expect(ag.at[SUPERVISOR_HZ]!, 'the agent no longer hears the supervisor').toBeLessThan(ag.at[CUSTOMER_HZ]! - 50);
    await sleep(1600);
    const customerSupervisor = await customerHears(SUPERVISOR_HZ);
    numbers['customer hears supervisor (after End), dBFS'] = customerSupervisor;
    expect(customerSupervisor, 'the customer no longer hears the supervisor').toBeLessThan(-50);
    expect(ag.at[CUSTOMER_HZ]!, 'the call goes on').toBeGreaterThan(ag.at[SILENT_HZ]! + 25);
    await waitFor('the indicator to go', () => agent.adapter.getByTestId('monitored-indicator').count(), (n) => n === 0, 8_000);
    expect(await supervisor.adapter.getByTestId('status').first().getAttribute('data-status'), 'no wrap-up for a monitoring leg').toBe('ready');
  });

  it('records the session in Salesforce as one Task: who, whom, both modes, start, end, linked to both calls', async () => {
    const task = await waitFor(
      'the monitoring Task',
      async () => (await rig.lightning.tasks()).find((t) => String(t.fields.Subject ?? '').startsWith('Monitoring of agent 1001 by 2001')),
      (t) => t !== undefined,
      10_000,
    );
    const fields = task!.fields;
    expect(fields).toMatchObject({ Subject: 'Monitoring of agent 1001 by 2001 (listen → assist → barge)', TaskSubtype: 'Call', CallType: 'Internal', Status: 'Completed' });
    const description = String(fields.Description);
    expect(description).toContain('Supervisor: 2001');
    expect(description).toContain('Agent: 1001');
    expect(description).toContain(`Agent call: ${callId}`);
    expect(description).toMatch(/Mode: listen from .*\nMode: assist from .*\nMode: barge from /);
    expect(description).toMatch(/Start: \d{4}-\d\d-\d\dT.*\nEnd: \d{4}-\d\d-\d\dT/);
    const monitorCall = (await rig.neotel.calls()).find((c) => c.kind === 'monitor');
    expect(monitorCall, "the simulator keeps the ended monitoring call's summary").toBeDefined();
    expect(fields.CallObject, "CallObject = the monitoring call's platform id").toBe(monitorCall!.id);
    expect(Number(fields.CallDurationInSeconds)).toBeGreaterThan(3);
    await rig.neotel.hangup(callId);
    await waitForStatus(agent.adapter, 'wrapUp');
    expect(agent.errors).toEqual([]);
    expect(supervisor.errors).toEqual([]);
  });
});
