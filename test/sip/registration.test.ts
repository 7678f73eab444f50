/**
 * SipPhone's registration against an in-memory registrar (./fake-proxy.ts) running sip.js's real
 * Registerer: a 423 is honoured, a refresh refused with 503 is noticed and recovered by itself,
 * a failed registration is still unregistered, and the phone does not advertise SIP Outbound.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SipPhone, type RegistrationState, type SipPhoneError } from '../../src/sip/index.ts';
import { REFRESH_PERCENT } from '../../src/sip/registration.ts';
import { FakeProxy } from './fake-proxy.ts';

const phones: SipPhone[] = [];
afterEach(async () => {
  await Promise.all(phones.splice(0).map((phone) => phone.dispose()));
});

function rig(): { proxy: FakeProxy; phone: SipPhone; states: { state: RegistrationState; code: string | undefined; at: number }[] } {
  const proxy = new FakeProxy();
  const phone = new SipPhone({ ...proxy.options(), reconnect: { initialDelayMs: 20, maxDelayMs: 200 } });
  phones.push(phone);
  const states: { state: RegistrationState; code: string | undefined; at: number }[] = [];
  phone.on('registration', (state, error?: SipPhoneError) => states.push({ state, code: error?.code, at: performance.now() }));
  return { proxy, phone, states };
}

async function until(what: string, done: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!done() && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
  if (!done()) throw new Error(`Expected ${what} within ${timeoutMs} ms`);
}

const registers = (proxy: FakeProxy): string[] => proxy.texts.filter((text) => text.startsWith('REGISTER '));

describe('SipPhone registration', () => {
  it('honours 423 Interval Too Brief: retries with Min-Expires and reports success', async () => {
    const { proxy, phone } = rig();
    proxy.registerScript.push({ status: 423, headers: ['Min-Expires: 600'] }, { status: 200, expires: 600 });
    await phone.register();
    expect(phone.state).toBe('registered');
    const sent = registers(proxy);
    expect(sent).toHaveLength(2);
    expect(sent[0]).toMatch(/;expires=300/);
    expect(sent[1], 'the retry asks for the Min-Expires').toMatch(/;expires=600/);
  });

  it(`refreshes at ${REFRESH_PERCENT} % of the granted expiry; a refresh refused with 503 is reported and registered again`, async () => {
    const { proxy, phone, states } = rig();
    proxy.registerScript.push({ status: 200, expires: 5 }, { status: 503, headers: ['Retry-After: 0'] }, { status: 200, expires: 300 });
    await phone.register();
    const registeredAt = states.find((s) => s.state === 'registered')!.at;
    await until('the registration to be lost', () => states.some((s) => s.state === 'reconnecting'), 8000);
    const lost = states.find((s) => s.state === 'reconnecting')!;
    expect(lost.code).toBe('registration-lost');
    // The refresh goes out at 90 % of the 5 s granted (4.5 s); sip.js's default would wait 4.95 s.
    const refreshAfter = proxy.textsAt[proxy.texts.findIndex((text, i) => i > 0 && text.startsWith('REGISTER '))]! - registeredAt;
    expect(refreshAfter).toBeGreaterThan(4300);
    expect(refreshAfter).toBeLessThan(4850);
    await until('the phone to register again', () => states.at(-1)?.state === 'registered');
    expect(registers(proxy)).toHaveLength(3);
    expect(phone.state).toBe('registered');
  }, 15_000);

  it('still sends the un-REGISTER after a failed registration', async () => {
    const { proxy, phone } = rig();
    proxy.registerScript.push({ status: 503 });
    await expect(phone.register()).rejects.toMatchObject({ code: 'register-rejected', statusCode: 503 });
    await phone.unregister();
    const sent = registers(proxy);
    expect(sent, 'REGISTER, then the un-REGISTER (expires=0)').toHaveLength(2);
    expect(sent[1]).toMatch(/;expires=0/);
  });

  it('does not advertise SIP Outbound (RFC 5626 is not implemented)', async () => {
    const { proxy, phone } = rig();
    await phone.register();
    const supported = registers(proxy)[0]?.split('\r\n').find((line) => line.toLowerCase().startsWith('supported:')) ?? '';
    expect(supported).not.toMatch(/outbound/);
  });
});
