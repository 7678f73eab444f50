import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPbx, detectTone, parseWav, twoPartyRouting, type SimulatedPbx } from '../../../../dev/neotel/pbx/index.ts';
import { HEAVY_LOOP_BUDGET_MS } from '../../../support/budgets.ts';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('PBX without browsers: customers, rooms and recordings', { timeout: HEAVY_LOOP_BUDGET_MS }, () => {
  let pbx: SimulatedPbx | undefined;
  afterEach(async () => {
    await pbx?.close();
  });

  it('ends a call to an unregistered device as unreachable, even for a late listener', async () => {
    pbx = createPbx();
    const leg = pbx.callAgent({ device: 'SIP/1001', callId: '1', fromNumber: '600', platformOriginated: true });
    expect(leg.state).toBe('ended');
    const reason = await new Promise((resolve) => leg.on('ended', (r, detail) => resolve([r, detail])));
    expect(reason).toEqual(['unreachable', 'device SIP/1001 is not registered']);
  });

  it('answers a customer after answerAfterMs and lets two customers hear each other and be recorded', async () => {
    pbx = createPbx();
    const events: string[] = [];
    const a = pbx.callCustomer({ number: '600000001', toneHz: 800, answerAfterMs: 0 });
    const b = pbx.callCustomer({ number: '600000002', toneHz: 1200, answerAfterMs: 100 });
    b.on('answered', () => events.push('b answered'));
    pbx.createRoom('call-7').setRouting(twoPartyRouting(a.id, b.id));
    await wait(50);
    expect([a.state, b.state]).toEqual(['up', 'ringing']);
    // Until 0.3 s is recorded, not a fixed 500 ms: a loaded machine's media clock runs late.
    await vi.waitFor(() => expect(parseWav(pbx!.recording('call-7')!.wav()).samples.length).toBeGreaterThan(8000 * 0.3), { timeout: 10_000, interval: 50 });
    expect(events).toEqual(['b answered']);
    expect(detectTone(a.heard(), 1200).detected).toBe(true);
    expect(detectTone(a.heard(), 800).detected).toBe(false);
    expect(detectTone(b.heard(), 800).detected).toBe(true);
    const wav = parseWav(pbx.recording('call-7')!.wav());
    expect(wav.sampleRate).toBe(8000);
    expect(wav.samples.length).toBeGreaterThan(8000 * 0.3);
    expect(detectTone(wav.samples, 800).detected && detectTone(wav.samples, 1200).detected).toBe(true);
  });

  it('reports pressed digits in order as dtmf events and plays them in-band', async () => {
    pbx = createPbx();
    const caller = pbx.callCustomer({ number: '600', toneHz: 0 });
    const listener = pbx.callCustomer({ number: '700', toneHz: 0 });
    pbx.createRoom('ivr').setRouting({ [listener.id]: [caller.id] });
    const digits: string[] = [];
    caller.on('dtmf', (digit) => digits.push(digit));
    await wait(30);
    caller.pressDigits('12#');
    await wait(700);
    expect(digits).toEqual(['1', '2', '#']);
    expect(detectTone(listener.heard(), 697).detected).toBe(true);
    expect(detectTone(listener.heard(), 1477).detected).toBe(true);
  });

  it('ends a customer leg once, with remote when the customer hangs up', async () => {
    pbx = createPbx();
    const leg = pbx.callCustomer({ number: '600', toneHz: 800 });
    const ends: string[] = [];
    leg.on('ended', (reason) => ends.push(reason));
    await wait(10);
    leg.hangupAsCustomer();
    leg.hangup();
    await wait(10);
    expect(ends).toEqual(['remote']);
    expect(pbx.legs()).toEqual([]);
  });

  it('refuses a routing that names a leg it never created, saying which', () => {
    pbx = createPbx();
    const room = pbx.createRoom('x');
    expect(() => room.setRouting({ ghost: [] })).toThrow(/unknown leg id\(s\) "ghost"/);
  });

  it('stops the media clock when no leg is up', async () => {
    pbx = createPbx();
    const leg = pbx.callCustomer({ number: '600', toneHz: 800 });
    await wait(100);
    leg.hangup();
    const ticks = pbx.stats().media.ticks;
    expect(ticks).toBeGreaterThan(2);
    await wait(100);
    expect(pbx.stats().media.ticks).toBe(ticks);
  });
});
