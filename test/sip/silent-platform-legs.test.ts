/**
 * `silentPlatformLegs`: a platform leg the app answers at once does not start the ringer (no
 * AudioContext made and dropped within milliseconds); every other call still rings. Through
 * sip.js's real transaction code against the in-memory proxy.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SipPhone } from '../../src/sip/index.ts';
import { FakeProxy } from './fake-proxy.ts';

const phones: SipPhone[] = [];
afterEach(async () => {
  await Promise.all(phones.splice(0).map((phone) => phone.dispose()));
});

const PLATFORM_LEG = ['X-Neotel-Leg: platform', 'Call-Info: <sip:pbx.test>;answer-after=0'];
const CUSTOMER_LEG = ['X-Neotel-Leg: customer'];

/** Registers a phone, offers one call with `headers`, and says whether it rang. */
async function rang(silentPlatformLegs: boolean, headers: readonly string[]): Promise<boolean> {
  const proxy = new FakeProxy();
  const phone = new SipPhone({ ...proxy.options(), silentPlatformLegs });
  phones.push(phone);
  const ringing: boolean[] = [];
  // An object, not a `let`: the flag flips inside the listener.
  const seen = { offered: false };
  phone.on('ringing', (on) => ringing.push(on));
  phone.on('incoming', () => {
    seen.offered = true;
  });
  await phone.register();
  proxy.offerCall(headers);
  for (let i = 0; i < 200 && !seen.offered; i++) await new Promise((resolve) => setTimeout(resolve, 5));
  if (!seen.offered) throw new Error(`the phone never reported the INVITE; it answered ${JSON.stringify(proxy.sent)}`);
  return ringing.includes(true);
}

describe('silentPlatformLegs', () => {
  it('does not ring a platform leg the app answers at once', async () => {
    expect(await rang(true, PLATFORM_LEG)).toBe(false);
  });

  it('still rings a customer call, and rings everything when off', async () => {
    expect(await rang(true, CUSTOMER_LEG)).toBe(true);
    expect(await rang(false, PLATFORM_LEG)).toBe(true);
  });
});
