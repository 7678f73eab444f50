/**
 * The call-only code (second line, DTMF queue, ringtone: src/sip/call-parts.ts) loads after
 * REGISTER 200, and nothing a call needs at once waits for it: an INVITE that arrives while it is
 * held back still rings and is answered; the tone starts when the code arrives if the call still
 * rings; digits and a transfer wait for it, and a failed fetch is a clear error that the next use
 * retries. Through sip.js's real transaction code against the in-memory proxy.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as realParts from '../../src/sip/call-parts.ts';
import type { CallParts } from '../../src/sip/lazy-call-parts.ts';
import { Ringtone } from '../../src/sip/ringtone.ts';
import { SipPhone, SipPhoneError, type CallSnapshot } from '../../src/sip/index.ts';
import { FakeProxy } from './fake-proxy.ts';

const phones: SipPhone[] = [];
// The in-memory proxy never ACKs a 200 OK, so an answered call's BYE waits on sip.js's timers:
// give each dispose one second rather than the hook's whole timeout (as answers-at-once.test.ts).
afterEach(async () => {
  await Promise.all(phones.splice(0).map((phone) => Promise.race([phone.dispose(), new Promise((resolve) => setTimeout(resolve, 1000))])));
});

/** A ringtone that records instead of playing (no WebAudio in Node). */
class RecordingRingtone extends Ringtone {
  static readonly log: string[] = [];
  override start(): void {
    RecordingRingtone.log.push('start');
  }
  override stop(): void {
    RecordingRingtone.log.push('stop');
  }
}

/** The call-parts import, held until `release()` (or failed by `fail()`); counts the fetches. */
function heldParts() {
  const gate: { fetches: number; release: () => void; fail: (error: Error) => void } = { fetches: 0, release: () => undefined, fail: () => undefined };
  const load = (): Promise<CallParts> => {
    gate.fetches++;
    return new Promise<CallParts>((resolve, reject) => {
      gate.release = () => resolve({ ...realParts, Ringtone: RecordingRingtone });
      gate.fail = reject;
    });
  };
  return { gate, load };
}

async function until(what: string, done: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 400 && !done(); attempt++) await new Promise((resolve) => setTimeout(resolve, 5));
  if (!done()) throw new Error(`Expected ${what} within 2 s`);
}

function rig(extra: Partial<ConstructorParameters<typeof SipPhone>[0]> = {}) {
  const proxy = new FakeProxy();
  const { gate, load } = heldParts();
  const phone = new SipPhone({ ...proxy.options(), ...extra }, load);
  phones.push(phone);
  const incoming: CallSnapshot[] = [];
  const established: CallSnapshot[] = [];
  phone.on('incoming', (call) => incoming.push(call));
  phone.on('established', (call) => established.push(call));
  return { proxy, phone, gate, incoming, established };
}

describe('the call-only code after REGISTER 200', () => {
  it('is not fetched before the 200 OK of REGISTER, and is fetched once after it', async () => {
    const { phone, gate } = rig();
    expect(gate.fetches).toBe(0);
    const registering = phone.register();
    expect(gate.fetches).toBe(0);
    await registering;
    expect(gate.fetches).toBe(1);
  });

  it('rings and answers an INVITE while the code is held back; the tone starts when it arrives', async () => {
    RecordingRingtone.log.length = 0;
    const { phone, proxy, gate, incoming, established } = rig();
    await phone.register();
    proxy.offerCall(['X-Neotel-Leg: queue']);
    await until('the incoming call', () => incoming.length === 1);
    expect(phone.ringing).toBe(true);
    expect(proxy.sent.some((line) => line.startsWith('SIP/2.0 180'))).toBe(true);
    expect(RecordingRingtone.log).toEqual([]);
    gate.release();
    await until('the tone', () => RecordingRingtone.log.length === 1);
    expect(RecordingRingtone.log).toEqual(['start']);
    await phone.answer();
    await until('the call up', () => established.length === 1);
    expect(RecordingRingtone.log).toEqual(['start', 'stop']);
    expect(phone.ringing).toBe(false);
  });

  it('answers before the code arrives, and then never starts the tone', async () => {
    RecordingRingtone.log.length = 0;
    const { phone, proxy, gate, incoming, established } = rig();
    await phone.register();
    proxy.offerCall(['X-Neotel-Leg: queue']);
    await until('the incoming call', () => incoming.length === 1);
    await phone.answer();
    await until('the call up', () => established.length === 1);
    expect(proxy.sent.some((line) => line.startsWith('SIP/2.0 200'))).toBe(true);
    gate.release();
    await phone.register(); // a settled round trip: the arrival has run
    expect(RecordingRingtone.log).toEqual([]);
  });

  it('sends digits typed while the code loads, in order, once it is in', async () => {
    const { phone, proxy, gate, established } = rig({ dtmfTransport: 'info', dtmfTiming: { durationMs: 40, gapMs: 30 } });
    await phone.register();
    await phone.call('1002');
    await until('the call up', () => established.length === 1);
    const sent = Promise.all([phone.sendDtmf('1'), phone.sendDtmf('2')]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(proxy.requests.filter((method) => method === 'INFO')).toEqual([]);
    gate.release();
    await sent;
    const digits = proxy.texts.filter((text) => text.startsWith('INFO')).map((text) => /Signal=(\w)/.exec(text)?.[1]);
    expect(digits).toEqual(['1', '2']);
  });

  it('fails a transfer with the cause when the code cannot be fetched, and fetches again on the next try', async () => {
    const { phone, gate, established } = rig();
    await phone.register();
    await phone.call('1002');
    await until('the call up', () => established.length === 1);
    gate.fail(new Error('chunk 404'));
    const error = await phone.transfer('1003').then(() => undefined, (thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(SipPhoneError);
    expect((error as SipPhoneError).code).toBe('transfer-failed');
    expect((error as SipPhoneError).message).toMatch(/call code could not be fetched \(chunk 404\)/);
    expect(phone.currentCall?.phase).toBe('established');
    const fetchesBefore = gate.fetches;
    const retry = phone.consult('1003').catch(() => undefined);
    expect(gate.fetches).toBe(fetchesBefore + 1);
    gate.release();
    await retry;
    expect(phone.consultCall).toBeDefined();
  });
});
