/**
 * Issue #3: an agent's day on the Neotel simulator, end to end, with nothing faked between the
 * browser and the platform. One simulator (default scenario, real PBX), one Chromium running the
 * sip.js test phone registered over the simulator's /sip with digest auth, and NeoApi called over
 * plain HTTP like a client (GET, POST form and SOAP). Every call is proven by its audio, both ways:
 * the browser's analyser hears the customer's tone (and not another call's), and the simulator's
 * recording holds Chromium's fake-microphone 400 Hz beep.
 *
 *   register ─► Login / Login_Campaign2 / CRM_Available ─► dialer delivery (GetContact) ─► talk ─► Hangup
 *   ─► UpdateContact / CRM_Available ─► next delivery ─► customer hangs up ─► manual campaign
 *   ─► inbound queue call (rings, answered by hand, DTMF, BYE) ─► Dial ─► Logout ─► "not logged."
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParsedPosition } from '../../src/platforms/neotel/position.ts';
import type { AgentPhone } from './support/agent-phone.ts';
import { beepsInRecording, downloadRecording, measureHeardTone, toneInRecording, type HeardInBrowser } from './support/audio-proof.ts';
import { NeotelRig } from './support/neotel-rig.ts';
import { PositionWatch } from './support/position-watch.ts';

const FAKE_MIC_HZ = 400; // Chromium's --use-fake-device-for-media-stream beeps at 400 Hz
const INBOUND_HZ = 1000;
const DIAL_HZ = 1100; // not a harmonic of the 400 Hz beep
const INBOUND_CALLER = '1166667777';
const IVR_CLAVE = 'RUT=6007453;ANI=1166667777;DV=4;';
const DIAL_NUMBER = '1139990000';
/** WebAudio bins are 48000 / 8192 ≈ 5.9 Hz wide: the peak must land within two of them. */
const PEAK_TOLERANCE_HZ = 12;

let rig: NeotelRig;
let agent: AgentPhone;
let watch: PositionWatch;
const report: Record<string, unknown> = {};

/** What the test remembers of each dialer delivery. */
interface Delivery {
  callId: string;
  position: ParsedPosition;
  toneHz: number;
}
const deliveries: Delivery[] = [];

function expectHeard(heard: HeardInBrowser, hz: number, why: string): void {
  const detail = `${why}: ${JSON.stringify(heard)}`;
  expect(Math.abs(heard.peakHz - hz), detail).toBeLessThan(PEAK_TOLERANCE_HZ);
  expect(heard.snrDb, detail).toBeGreaterThan(30);
  for (const [other, level] of Object.entries(heard.others)) expect(level, `${detail}; ${other} Hz must be ≥ 30 dB below`).toBeLessThan(heard.levelDb - 30);
}

const summary = (heard: HeardInBrowser): string => `${heard.peakHz.toFixed(0)} Hz at ${heard.levelDb.toFixed(1)} dB, floor ${heard.floorDb.toFixed(1)} dB, SNR ${heard.snrDb.toFixed(1)} dB, others ${JSON.stringify(Object.fromEntries(Object.entries(heard.others).map(([k, v]) => [k, Math.round(v)])))}`;

/**
 * Downloads the call's WAV from both endpoints; the simulator must have heard the fake
 * microphone's beeps (the agent → platform direction) and the call's own customer voice only.
 */
async function expectRecording(callId: string, phone: string, customerHz: number, otherCustomersHz: readonly number[]): Promise<void> {
  const urls = rig.recordingUrls(callId, phone);
  const recording = await downloadRecording(urls.control);
  if (process.env.DUMP_WAV) (await import('node:fs')).writeFileSync(`/tmp/rec-${callId}.wav`, new Uint8Array(await (await fetch(urls.control)).arrayBuffer()));
  const seed001 = await downloadRecording(urls.seed001);
  expect(recording.contentType).toBe('audio/wav');
  expect(seed001.byteLength, 'the seed-001 download serves the same WAV').toBe(recording.byteLength);
  expect([recording.wav.sampleRate, recording.wav.channels, recording.wav.bitsPerSample]).toEqual([8000, 1, 16]);
  expect(recording.seconds).toBeGreaterThan(1);
  const beeps = beepsInRecording(recording.wav, FAKE_MIC_HZ);
  const voice = toneInRecording(recording.wav, customerHz);
  const others = otherCustomersHz.map((hz) => ({ hz, ...toneInRecording(recording.wav, hz) }));
  const detail = `recording of ${callId} (${recording.seconds.toFixed(1)} s): mic ${FAKE_MIC_HZ} Hz ${beeps.count}/${beeps.expected} beeps, peak ${beeps.peakDbfs.toFixed(1)} dBFS; ` +
    `customer ${customerHz} Hz median ${voice.medianDbfs.toFixed(1)} dBFS; others ${others.map((o) => `${o.hz} Hz median ${o.medianDbfs.toFixed(1)}`).join(', ') || 'none'}`;
  expect(beeps.count, `the microphone's beeps should be in the ${detail}`).toBeGreaterThanOrEqual(Math.max(1, Math.floor(beeps.expected / 2)));
  expect(voice.medianDbfs, `the customer should speak all along in the ${detail}`).toBeGreaterThan(-20);
  for (const other of others) expect(other.medianDbfs, `${other.hz} Hz must not be in the ${detail}`).toBeLessThan(-40);
  report[`recording ${callId}`] = detail;
}

beforeAll(async () => {
  rig = await NeotelRig.start();
  agent = await rig.openPhone(rig.platformUser('agent'));
  watch = new PositionWatch(rig.neo, agent.options.user);
});
afterAll(async () => {
  await watch.stopPolling();
  await rig.close();
  console.info('agent-flows measurements:', JSON.stringify(report, null, 1));
});

describe('an agent on the Neotel simulator, from the browser and NeoApi (issue #3)', () => {
  const me = (): string => agent.options.user;
  const predictive = () => rig.campaign((c) => c.dialer === 'Predictive', 'Predictive');
  const manual = () => rig.campaign((c) => c.dialer === 'Manual' && c.type !== 'inbound', 'Manual outbound');
  const plainQueue = () => rig.queue((q) => q.crm === 0 && q.members.includes(me()), 'plain (no CRM) queue of the agent');

  it('registers the device over /sip with digest auth, then logs in with Login, Login_Campaign2 and CRM_Available', async () => {
    const registered = await agent.register();
    expect(registered).toMatchObject({ ok: true, status: 200 });
    report['REGISTER (digest) ms'] = Math.round(registered.ms);
    const { user, device } = rig.platformUser('agent');
    expect(await rig.neo.call('Login', { DEVICE: device, USUARIO: user.id, CLAVE: user.password }, 'POST')).toBe('');
    expect(await rig.neo.call('Login_Campaign2', { USUARIO: me(), CAMPANA: predictive().id }, 'SOAP')).toBe('');
    expect(await rig.neo.call('CRM_Available', { USUARIO: me() }, 'GET')).toBe('');
    const position = await watch.read();
    expect(position).toMatchObject({ device, statusOk: true, ip: '127.0.0.1', user: me(), outboundCampaign: predictive().id, outboundDialer: 'Predictive', crmState: 'Available', callId: undefined });
    expect(position.port).toBeGreaterThan(0);
    watch.startPolling();
  });

  it('delivers a predictive contact once (GetContact), the phone auto-answers the platform leg, and audio flows both ways', async () => {
    const started = performance.now();
    const delivered = await watch.until('a dialer delivery: ESTADO_CRM=GetContact with IDLLAMADA≠0', (p) => p.crmState === 'GetContact' && p.callId !== undefined, 8000);
    const callId = delivered.callId!;
    const contact = rig.scenario.bases.find((b) => b.id === predictive().base)?.contacts.find((c) => c.id === delivered.contactId);
    expect(contact, `IDCONTACTO ${delivered.contactId} should be a contact of base ${predictive().base}`).toBeDefined();
    expect(delivered).toMatchObject({ crm: predictive().crm, base: predictive().base, data: contact!.clave1, direction: 'SALIENTE', callType: 'OriginateExt', callOrigin: 'NO PROCESADO', campaign: predictive().id });
    expect(contact!.phones).toContain(delivered.phone);

    const call = await agent.waitForCall(callId, 'to be auto-answered (Established)', (c) => c.state === 'Established');
    expect(call.headers).toMatchObject({ 'X-Neotel-Leg': 'platform', 'Call-Info': expect.stringContaining('answer-after=0') as string });
    report['dialer: Position GetContact → phone Established ms'] = Math.round(performance.now() - started);
    report['dialer: INVITE → Established (browser) ms'] = Math.round(call.establishedAt! - call.invitedAt);
    await watch.until('SUB_ESTADO=AGENT (agent connected)', (p) => p.callId === callId && p.subState === 'AGENT');
    expect(await rig.neo.call('CRM_ShowingContact', { USUARIO: me(), BASE: delivered.base!, IDCONTACTO: delivered.contactId!, DATA: delivered.data! }, 'GET')).toBe('');
    expect((await watch.read()).crmState).toBe('ShowingContact');

    const toneHz = rig.toneOfPhone(delivered.phone!);
    const heard = await measureHeardTone(agent.page, toneHz, [FAKE_MIC_HZ]);
    expectHeard(heard, toneHz, `the browser should hear the customer's ${toneHz} Hz and not its own microphone`);
    report['dialer #1: browser hears'] = summary(heard);
    const soFar = await downloadRecording(rig.recordingUrls(callId, delivered.phone!).control);
    expect(beepsInRecording(soFar.wav, FAKE_MIC_HZ).count, 'the simulator should hear the fake microphone while the call is up').toBeGreaterThan(0);
    deliveries.push({ callId, position: delivered, toneHz });
  });

  it('Hangup ends the call for the phone and the platform; Position keeps it in the _ULT keys; UpdateContact and CRM_Available free the agent', async () => {
    const [{ callId, position, toneHz }] = deliveries as [Delivery];
    expect(await rig.neo.call('Hangup', { USUARIO: me() }, 'POST')).toBe('');
    await agent.waitForCall(callId, 'to be ended by the platform (BYE)', (c) => c.state === 'Terminated', 3000);
    const after = await watch.until('IDLLAMADA=0 after Hangup', (p) => p.callId === undefined, 3000);
    expect(after).toMatchObject({ callIdLast: callId, phoneLast: position.phone, callTypeLast: 'OriginateExt', directionLast: 'SALIENTE', campaignLast: predictive().id, crmState: 'ShowingContact', base: position.base, contactId: position.contactId, data: position.data });
    expect(await rig.control.call(callId)).toMatchObject({ phase: 'ended', endReason: `${me()} hung up (Hangup)` });
    await expectRecording(callId, position.phone!, toneHz, [INBOUND_HZ, DIAL_HZ]);

    const closing = rig.scenario.categories.flatMap((c) => c.subcategories).find((s) => s.closes)!;
    const updated = await rig.neo.call('UpdateContact', {
      CRM: position.crm!, USUARIO: me(), BASE: position.base!, IDCONTACTO: position.contactId!, DATA: position.data!, SUBCATEGORIA: closing.id,
      XML_UPDATE: '', AGENDA: false, FECHA_AGENDA: '2000-01-01T00:00:00', USUARIO_AGENDA: '', TEL_AGENDA: '',
    }, 'SOAP');
    expect(updated).toBe('');
    const { dispositions } = await rig.control.contacts();
    expect(dispositions).toContainEqual(expect.objectContaining({ callId, subcategory: closing.id, contactId: position.contactId }));
    expect((await watch.read()).crmState, 'UpdateContact without AGENDA keeps the record on screen').toBe('ShowingContact');
    expect(await rig.neo.call('CRM_Available', { USUARIO: me() }, 'GET')).toBe('');
  });

  it('delivers the next contact as a new call, and a customer hang-up (control API) ends it for the phone and Position', async () => {
    const first = deliveries[0]!;
    const next = await watch.until('the next delivery with a new IDLLAMADA', (p) => p.crmState === 'GetContact' && p.callId !== undefined && p.callId !== first.callId, 8000);
    const callId = next.callId!;
    expect(next.contactId, 'the first contact was closed by its sub-category').not.toBe(first.position.contactId);
    await agent.waitForCall(callId, 'to be auto-answered', (c) => c.state === 'Established');
    await watch.until('SUB_ESTADO=AGENT', (p) => p.callId === callId && p.subState === 'AGENT');
    expect(await rig.neo.call('CRM_ShowingContact', { USUARIO: me(), BASE: next.base!, IDCONTACTO: next.contactId!, DATA: next.data! }, 'POST')).toBe('');
    const toneHz = rig.toneOfPhone(next.phone!);
    const heard = await measureHeardTone(agent.page, toneHz, [first.toneHz, FAKE_MIC_HZ]);
    expectHeard(heard, toneHz, `the browser should hear the second customer's ${toneHz} Hz, not the first one's ${first.toneHz} Hz`);
    report['dialer #2: browser hears'] = summary(heard);
    deliveries.push({ callId, position: next, toneHz });

    await rig.control.hangup(callId);
    await agent.waitForCall(callId, 'to be ended by the platform (BYE) when the customer hangs up', (c) => c.state === 'Terminated', 3000);
    const after = await watch.until('IDLLAMADA=0 after the customer hung up', (p) => p.callId === undefined, 3000);
    expect(after).toMatchObject({ callIdLast: callId, phoneLast: next.phone, crmState: 'ShowingContact', contactId: next.contactId });
    expect(await rig.control.call(callId)).toMatchObject({ phase: 'ended', endReason: 'customer hung up (remote)' });
    await expectRecording(callId, next.phone!, toneHz, [first.toneHz]);
    expect([...watch.deliveries()], 'each dialer call is delivered exactly once').toEqual(deliveries.map((d) => [d.callId, 1]));

    const notInterested = rig.scenario.categories.flatMap((c) => c.subcategories).find((s) => s.closes && s.id !== 26) ?? { id: 26 };
    await rig.neo.call('UpdateContact', {
      CRM: next.crm!, USUARIO: me(), BASE: next.base!, IDCONTACTO: next.contactId!, DATA: next.data!, SUBCATEGORIA: notInterested.id,
      XML_UPDATE: '', AGENDA: false, FECHA_AGENDA: '2000-01-01T00:00:00', USUARIO_AGENDA: '', TEL_AGENDA: '',
    }, 'POST');
    // Into the manual campaign, so that the dialer leaves the agent free for the next calls.
    expect(await rig.neo.call('Login_Campaign2', { USUARIO: me(), CAMPANA: manual().id }, 'SOAP')).toBe('');
    expect(await rig.neo.call('CRM_Available', { USUARIO: me() }, 'GET')).toBe('');
    expect(await watch.read()).toMatchObject({ outboundCampaign: manual().id, outboundDialer: 'Manual', crmState: 'Available', base: undefined, callId: undefined });
  });

  it('rings an inbound queue call without auto-answer; answered, it shows ENTRANTE/ANI/COLA/CLAVE, carries its own tone both ways and DTMF, and the browser BYE ends it', async () => {
    const queue = plainQueue();
    const placed = await rig.control.placeInbound({ number: INBOUND_CALLER, queue: queue.id, clave: IVR_CLAVE, toneHz: INBOUND_HZ });
    const callId = placed.callId;
    const ringing = await agent.waitForCall(callId, 'to ring', (c) => c.state === 'Initial');
    expect(ringing.headers).toMatchObject({ 'X-Neotel-Leg': 'queue', 'X-Neotel-Queue': String(queue.id) });
    expect(ringing.headers['Call-Info'], 'a queue call must not ask for auto-answer').toBeUndefined();
    const whileRinging = await watch.until('the inbound call ringing (SUB_ESTADO=RINGING)', (p) => p.callId === callId && p.subState === 'RINGING');
    expect(whileRinging).toMatchObject({ direction: 'ENTRANTE', ani: INBOUND_CALLER, queue: queue.id, crmState: 'Available' });
    expect((await agent.call())?.state, 'still ringing: not auto-answered').toBe('Initial');

    await agent.answer();
    await agent.waitForCall(callId, 'to be answered by hand', (c) => c.state === 'Established');
    const talking = await watch.until('SUB_ESTADO=AGENT for the inbound call', (p) => p.callId === callId && p.subState === 'AGENT');
    expect(talking).toMatchObject({ direction: 'ENTRANTE', ani: INBOUND_CALLER, queue: queue.id, dnis: queue.dnis, campaign: queue.campaign, clave: IVR_CLAVE, claveFields: { RUT: '6007453', ANI: INBOUND_CALLER, DV: '4' }, crmState: 'Available', base: undefined });

    const dialerTones = deliveries.map((d) => d.toneHz);
    const heard = await measureHeardTone(agent.page, INBOUND_HZ, [...dialerTones, FAKE_MIC_HZ]);
    expectHeard(heard, INBOUND_HZ, `the browser should hear the caller's ${INBOUND_HZ} Hz and none of the dialer customers' ${dialerTones.join('/')} Hz`);
    report['inbound: browser hears'] = summary(heard);
    expect(await agent.sendDtmf('123#')).toBe(true);
    await expect.poll(async () => (await rig.control.call(callId)).digitsSent, { timeout: 3000, message: 'RFC 4733 digits from the browser should reach the call' }).toBe('123#');

    await agent.hangup();
    await expect.poll(async () => (await rig.control.call(callId)).phase, { timeout: 3000, message: 'the browser BYE should end the call' }).toBe('ended');
    expect((await rig.control.call(callId)).endReason).toBe(`agent ${me()} hung up (remote)`);
    const after = await watch.until('IDLLAMADA=0 after the browser hung up', (p) => p.callId === undefined, 3000);
    expect(after).toMatchObject({ callIdLast: callId, directionLast: 'ENTRANTE', queueLast: queue.id, phoneLast: INBOUND_CALLER, crmState: 'Available' });
    await expectRecording(callId, INBOUND_CALLER, INBOUND_HZ, dialerTones);
  });

  it('Dial rings the agent first (platform leg, auto-answered) and then the customer: Manual, SALIENTE, ESTADO_CRM stays Available, audio both ways', async () => {
    await rig.control.setNumber({ number: DIAL_NUMBER, toneHz: DIAL_HZ, answerAfterMs: 1200 });
    expect(await rig.neo.call('Dial', { USUARIO: me(), TELEFONO: DIAL_NUMBER }, 'GET')).toBe('true');
    const dialing = await watch.until('Dial to create a call (IDLLAMADA≠0)', (p) => p.callId !== undefined, 2000);
    const callId = dialing.callId!;
    const call = await agent.waitForCall(callId, 'to be auto-answered', (c) => c.state === 'Established');
    expect(call.headers).toMatchObject({ 'X-Neotel-Leg': 'platform', 'Call-Info': expect.stringContaining('answer-after=0') as string });
    const customerRinging = await watch.until('SUB_ESTADO=DIALING: the agent answered, the customer rings', (p) => p.callId === callId && p.subState === 'DIALING');
    expect((await rig.control.call(callId)).parties).toEqual([expect.objectContaining({ role: 'customer', destination: DIAL_NUMBER, state: 'ringing' })]);
    expect(customerRinging).toMatchObject({ callType: 'Manual', direction: 'SALIENTE', phone: DIAL_NUMBER, campaign: manual().id, crmState: 'Available' });
    await watch.until('SUB_ESTADO=AGENT once the customer answered', (p) => p.callId === callId && p.subState === 'AGENT', 4000);
    expect((await watch.read()).crmState).toBe('Available');

    const heard = await measureHeardTone(agent.page, DIAL_HZ, [INBOUND_HZ, FAKE_MIC_HZ], 500);
    expectHeard(heard, DIAL_HZ, `the browser should hear the dialled customer's ${DIAL_HZ} Hz, not the earlier caller's ${INBOUND_HZ} Hz`);
    report['manual Dial: browser hears'] = summary(heard);
    expect(await rig.neo.call('Hangup', { USUARIO: me() }, 'GET')).toBe('');
    await agent.waitForCall(callId, 'to be ended by the platform (BYE)', (c) => c.state === 'Terminated', 3000);
    expect(await watch.until('IDLLAMADA=0 after Hangup', (p) => p.callId === undefined, 3000)).toMatchObject({ callIdLast: callId, callTypeLast: 'Manual', directionLast: 'SALIENTE' });
    await expectRecording(callId, DIAL_NUMBER, DIAL_HZ, [INBOUND_HZ]);
  });

  it('logs out of the campaign and the platform, unregisters, and Position then answers the real "not logged." error', async () => {
    await watch.stopPolling();
    expect(await rig.neo.call('Logout_Campaign', { USUARIO: me() }, 'SOAP')).toBe('');
    expect((await watch.read()).outboundCampaign).toBeUndefined();
    expect(await rig.neo.call('Logout', { USUARIO: me() }, 'POST')).toBe('');
    await agent.unregister();
    const device = rig.platformUser('agent').device;
    await expect.poll(() => rig.neotel.pbx.registration(device), { timeout: 3000, message: `${device} should be unregistered` }).toBeUndefined();
    expect(await rig.neo.send('Position', { USUARIO: me() }, 'GET')).toMatchObject({ status: 500, body: `${me()} not logged.\r\n` });
    expect([...watch.deliveries()], 'no other call ever showed GetContact').toEqual(deliveries.map((d) => [d.callId, 1]));
  });
});
