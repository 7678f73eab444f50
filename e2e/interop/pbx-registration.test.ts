/**
 * Interop (issue 14): the built adapter's registration against Kamailio variants a real PBX can
 * be — proven from Kamailio's trace of every REGISTER and from what the agent sees:
 *
 *   - `min_expires` 600: the first REGISTER (300 s) gets 423 Interval Too Brief; sip.js retries with
 *     the Min-Expires and the login succeeds (it used to report register-timeout and log out).
 *   - expiry 10 s whose first refresh is answered 503 (and the binding dropped): the refresh goes
 *     out at ~90 % of the granted expiry, the agent is shown the loss and "Unreachable" (not
 *     Ready) within 5 s of the 503, the phone registers again by itself, and a caller (baresip)
 *     reaches the agent again; declining that call answers 486, never 603.
 *
 * Needs kamailio and baresip-core (.ci/run installs them): fails, never skips.
 */
import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startKamailio, type KamailioOptions, type RunningKamailio } from '../../dev/kamailio/kamailio.ts';
import { logIn, untilStatus } from '../agent/support/agent-steps.ts';
import { Baresip } from './support/baresip.ts';
import { until } from './support/until.ts';
import { AGENT, InteropConsole } from './support/interop-console.ts';

const LIFETIME_MS = 5 * 60_000;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));


/** Epoch ms of a trace line (`t=<sec>.<usec>`). */
const epochMs = (line: string): number => Math.round(Number(/^t=(\d+\.\d+)/.exec(line)?.[1] ?? NaN) * 1000);

describe('registration against Kamailio variants', () => {
  const started: { stop(): Promise<void> }[] = [];
  const numbers: Record<string, number | string> = {};

  async function rig(options: KamailioOptions): Promise<{ kamailio: RunningKamailio; console_: InteropConsole }> {
    const kamailio = await startKamailio({ users: { [AGENT.device]: AGENT.devicePassword }, ...options });
    started.push(kamailio);
    lastKamailio = kamailio;
    const console_ = await InteropConsole.start(kamailio);
    started.push({ stop: () => console_.close() });
    return { kamailio, console_ };
  }

  let lastKamailio: RunningKamailio | undefined;
  afterEach(async () => {
    // Kamailio's trace and log of the last test, for reading after a failure (.tmp is not committed).
    if (lastKamailio) writeFileSync('.tmp/interop-registration-kamailio.log', `${lastKamailio.trace().join('\n')}\n---\n${lastKamailio.logTail(200)}`);
    for (const item of started.splice(0).reverse()) await item.stop().catch(() => undefined);
    console.info('registration interop numbers:', JSON.stringify(numbers, undefined, 1));
  });

  it('logs in when the registrar answers 423 Interval Too Brief (min_expires 600)', async () => {
    const { kamailio, console_ } = await rig({ minExpires: 600 });
    const tab = await console_.openTab(500);
    await logIn(tab.adapter, AGENT);
    await untilStatus(tab.adapter, ['ready'], 20_000);
    const trace = kamailio.trace();
    const refused = trace.find((line) => line.includes('REGISTER of 1001 not saved'));
    const saved = trace.find((line) => line.includes('saved REGISTER of 1001 ') && !line.includes('not saved'));
    expect(refused, `Kamailio refused the 300 s REGISTER (423); trace:\n${trace.join('\n')}`).toBeDefined();
    expect(saved, 'then saved the retry').toMatch(/expires=600/);
    expect(await kamailio.registeredAors()).toEqual([AGENT.device]);
    expect(await tab.adapter.getByTestId('phone-status').getAttribute('data-phone')).toBe('registered');
    // Still logged in a moment later: no late register-timeout logout.
    await sleep(11_000);
    expect(await tab.adapter.getByTestId('status').getAttribute('data-status')).toBe('ready');
  });

  it('refreshes at ~90 %, shows a refresh refused with 503 within 5 s, registers again and takes calls again', async () => {
    const { kamailio, console_ } = await rig({ minExpires: 5, maxExpires: 10, refresh503: true });
    const baresip = await Baresip.start({ proxyUdpPort: kamailio.udpPort, domain: kamailio.domain, user: 'bot', toneHz: 700, rtpPortMin: 33000, maxLifetimeMs: LIFETIME_MS });
    started.push(baresip);
    const tab = await console_.openTab(500);
    await logIn(tab.adapter, AGENT);
    await untilStatus(tab.adapter, ['ready'], 20_000);
    const first = await until('the first binding', () => kamailio.trace().find((line) => line.includes('saved REGISTER of 1001 ') && !line.includes('not saved')), 5000);

    // The refresh is refused with 503 and the binding dropped (the variant's 2nd authenticated REGISTER).
    const refused = await until('the refresh answered 503', () => kamailio.trace().find((line) => line.includes('reply 503 REGISTER of 1001')), 20_000);
    const refreshAfterMs = epochMs(refused) - epochMs(first);
    numbers['granted expiry s'] = 10;
    numbers['first binding → refresh refused ms'] = refreshAfterMs;
    expect(refreshAfterMs, 'the refresh goes out at ~90 % of the 10 s granted (sip.js default: 99 %)').toBeGreaterThan(8000);
    expect(refreshAfterMs).toBeLessThan(9700);

    await untilStatus(tab.adapter, ['unreachable'], 5000);
    const shownAfterMs = Date.now() - epochMs(refused);
    numbers['503 → agent shown unreachable ms (upper bound)'] = shownAfterMs;
    expect(shownAfterMs, 'the loss is shown within 5 s of the failed refresh').toBeLessThan(5000);
    const notice = tab.adapter.locator('[data-notice="registrationLost"]').first();
    await notice.waitFor({ state: 'attached', timeout: 5000 });
    numbers['notice shown'] = (await notice.textContent())?.trim() ?? '';
    expect(await notice.getAttribute('data-level')).toBe('error');

    // The phone registers again by itself (Retry-After 1 s, then back-off) and the agent is Ready again.
    await untilStatus(tab.adapter, ['ready'], 15_000);
    const again = kamailio.trace().filter((line) => line.includes('saved REGISTER of 1001 ') && !line.includes('not saved'));
    expect(again.length, 'a new binding after the 503').toBeGreaterThanOrEqual(2);
    numbers['503 → registered again ms'] = epochMs(again[1]!) - epochMs(refused);
    expect(await kamailio.registeredAors()).toEqual([AGENT.device]);

    // A caller reaches the agent again; the agent declines: 486 Busy Here, never 603.
    const mark = kamailio.trace().length;
    await baresip.dial(AGENT.device);
    await untilStatus(tab.adapter, ['ringing'], 10_000);
    await tab.adapter.getByTestId('decline').click();
    const final = await until('the final answer to the INVITE', () => kamailio.trace().slice(mark).find((line) => /reply [4-6]\d\d .* INVITE /.test(line)), 10_000);
    expect(final, 'declined with 486 (603 would cancel every forked branch)').toMatch(/reply 486 /);
  });
});
