/**
 * The simulator driven the way the demo and the end-to-end tests drive it: NeoApi for the agent,
 * the control API for the customer and the dialer (FakePbx for the telephony).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ControlApiError, NeotelControl } from '../../dev/neotel/control-client.ts';
import { startNeotel, type NeotelServer } from '../../dev/neotel/server.ts';
import { parsePosition, type ParsedPosition } from '../../src/platforms/neotel/position.ts';
import { eventually, testScenario } from '../../test/dev/neotel/center-harness.ts';
import { FakePbx } from '../../test/dev/neotel/fake-pbx.ts';

let neotel: NeotelServer;
let control: NeotelControl;
const pbx = new FakePbx();

beforeAll(async () => {
  neotel = await startNeotel({ pbx, scenario: testScenario((s) => (s.platform.recordingKey = 'k3y')) });
  control = new NeotelControl(neotel.url);
});
afterAll(async () => {
  await neotel.close();
  await pbx.close();
});
beforeEach(async () => {
  await control.reset();
  for (const device of ['SIP/1001', 'SIP/1002']) pbx.register(device);
});

async function position(user: string): Promise<ParsedPosition> {
  const reply = await control.neoApi('Position', { USUARIO: user });
  expect(reply.status).toBe(200);
  const payload = reply.body.replace(/^[\s\S]*?<string xmlns="http:\/\/tempuri\.org\/">|<\/string>$/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const parsed = parsePosition(payload);
  expect(parsed.problems).toEqual([]);
  return parsed;
}

async function login(user: string, campaign?: number): Promise<void> {
  expect((await control.neoApi('Login', { DEVICE: `SIP/${user}`, USUARIO: user, CLAVE: '1234' })).status).toBe(200);
  if (campaign !== undefined) expect((await control.neoApi('Login_Campaign', { USUARIO: user, CAMPAÑA: campaign })).status).toBe(200);
}

describe('control API', () => {
  it('places an inbound call that rings an agent; the customer presses keys, speaks a tone and hangs up', async () => {
    await login('1001');
    const { callId, call } = await control.placeInbound({ number: '2615554444', queue: 3, data: '003Dt000HccIdlkIIC', toneHz: 600 });
    expect(call).toMatchObject({ kind: 'inbound', queue: 3, number: '2615554444', clave: '30001-003Dt000HccIdlkIIC' });
    await eventually(() => expect(pbx.lastAgentLeg('SIP/1001')?.request.callId).toBe(callId));
    expect(await position('1001')).toMatchObject({ callId, crmState: 'GetContact', claveSf: { contactId: 30001, data: '003Dt000HccIdlkIIC' }, ani: '2615554444' });
    pbx.lastAgentLeg('SIP/1001')!.answer();
    await eventually(async () => expect((await control.call(callId)).phase).toBe('up'));
    await control.pressDigits(callId, '12#');
    await control.speakTone(callId, 1000, 500);
    expect(pbx.lastCustomerLeg('2615554444')!.tones).toEqual([{ hz: 1000, durationMs: 500 }]);
    await control.hangup(callId);
    const ended = await control.call(callId);
    expect(ended).toMatchObject({ phase: 'ended', digitsReceived: '12#', endReason: expect.stringContaining('customer hung up') });
    expect((await position('1001')).callId).toBeUndefined();
  });

  it('starts and stops the dialer: a Predictive agent gets GetContact once per call id', async () => {
    const legsBefore = pbx.agentLegs.length;
    await login('1001', 97);
    expect(await control.setDialer(true)).toEqual({ running: true });
    await eventually(() => expect(pbx.agentLegs.length).toBe(legsBefore + 1));
    await control.setDialer(false);
    const delivered = await position('1001');
    expect(delivered).toMatchObject({ crmState: 'GetContact', base: 7, contactId: 12345, data: '003Dt000HccIdlkIIC', callType: 'OriginateExt', callOrigin: 'NO PROCESADO' });
    expect((await position('1001')).callId).toBe(delivered.callId);
    expect(pbx.agentLegs.slice(legsBefore).map((l) => l.request.callId)).toEqual([delivered.callId]);
  });

  it('runs a manual Dial over NeoApi and serves its recording as audio/wav in the seed-001 shape', async () => {
    await login('1002', 3);
    expect((await control.neoApi('Dial', { USUARIO: '1002', TELEFONO: '1155550202' })).body).toContain('>true</boolean>');
    const callId = (await position('1002')).callId!;
    pbx.lastAgentLeg('SIP/1002')!.answer();
    await eventually(async () => expect((await control.call(callId)).phase).toBe('up'));
    const url = `${neotel.url}/control/recording?callid=${callId}&telefone=1155550202&chave=k3y`;
    const r = await fetch(url);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('audio/wav');
    expect(Buffer.from(await r.arrayBuffer()).subarray(0, 4).toString('ascii')).toBe('RIFF');
    expect((await fetch(`${neotel.url}/control/recording?callid=${callId}&telefone=1155550202&chave=nope`)).status).toBe(403);
    expect((await fetch(`${neotel.url}/control/recording?callid=${callId}&telefone=999&chave=k3y`)).status).toBe(404);
    expect((await fetch(`${neotel.url}/control/recording?telefone=1155550202&chave=k3y`)).status).toBe(400);
    expect((await control.recording(callId)).byteLength).toBeGreaterThan(44);
  });

  it('answers Click2Call (seed 001) with the call id of a Dial for the extension', async () => {
    await login('1002', 3);
    const { callid } = await control.click2Call('1002', '1155550202');
    expect(callid).toBe((await position('1002')).callId);
    await expect(control.click2Call('1003', '1155550202')).rejects.toThrow(new ControlApiError(404, '/control/click2call', 'No agent logged on extension "1003"'));
  });

  it('lists positions, contacts and NeoApi requests, and resets to a fresh state', async () => {
    await login('1001', 97);
    expect((await control.positions()).map((p) => p.user)).toEqual(['1001']);
    expect((await control.requests({ method: 'Login_Campaign' })).map((r) => r.params)).toEqual([{ USUARIO: '1001', CAMPAÑA: '97' }]);
    expect((await control.contacts()).bases.map((b) => b.id)).toEqual([7, 8, 9]);
    await control.reset();
    expect(await control.positions()).toEqual([]);
    expect(await control.requests()).toEqual([]);
  });

  it('explains bad control requests: unknown call, bad body, unknown endpoint', async () => {
    await expect(control.hangup('42')).rejects.toThrow(/answered 404: No active call 42/);
    await expect(control.placeInbound({ number: '', queue: 3 })).rejects.toThrow(/answered 400: POST \/control\/inbound: number: /);
    await expect(control.placeInbound({ number: '1', queue: 99 })).rejects.toThrow(/answered 409: Queue 99 not found/);
    const r = await fetch(`${neotel.url}/control/nope`);
    expect(r.status).toBe(404);
  });

  it('serves the control page and the built adapter under /softphone/ on the same origin as NeoApi', async () => {
    const page = await fetch(`${neotel.url}/control/`);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('Neotel simulator');
    const adapter = await fetch(`${neotel.url}/softphone/`);
    expect(adapter.status).toBe(200);
    expect(await adapter.text()).toContain('<html');
    expect((await fetch(`${neotel.url}/softphone/../package.json`)).status).not.toBe(200);
  });
});
