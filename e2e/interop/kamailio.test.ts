/**
 * Interop: Dialtone's own phone (src/sip's SipPhone, bundled into ./support/dialtone-page.ts)
 * through a real SIP proxy — Debian's Kamailio, configured by dev/kamailio/kamailio.cfg — with a
 * second browser page running plain sip.js (./support/sipjs-page.ts) as the far end, so the
 * phone meets an implementation other than its own.
 *
 *   - Both register over ws://127.0.0.1:<free port> with digest auth; a wrong password is
 *     refused (401) and leaves no binding.
 *   - The agent calls the far end (SipPhone.call → Inviter) and takes a call from it; audio is
 *     proven both ways by tone detection with a different microphone per page (agent 500 Hz,
 *     far end 900 Hz: frequency, SNR, and not its own tone); the agent holds its outgoing call
 *     (the far end hears silence) and resumes it (the tone is back); hang-up works from either side.
 *   - A call to a user Kamailio does not know ends `refused` with 404.
 *   - After Kamailio restarts (its location table is in memory, so every registration is lost)
 *     the phone reconnects and re-registers with its own back-off — the test does nothing but
 *     wait — and the next call carries audio.
 *
 * Needs `kamailio` + `kamailio-websocket-modules` (.ci/run installs them): fails, never skips,
 * without them. The JSON of timings and levels goes to the console; docs/interop-kamailio.md
 * keeps a copy.
 */

import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKamailio, type RunningKamailio } from '../../dev/kamailio/kamailio.ts';
import { measureTone } from '../support/audio.ts';
import { launchChromium } from '../support/browser.ts';
import { hearing, type Hearing } from './support/hearing.ts';
import { DialtonePageError, DialtonePhone } from './support/dialtone-phone.ts';
import { startPageServer, type PageServer } from './support/page-server.ts';
import { waitForPhase, waitUntil, type InteropPhone } from './support/phone.ts';
import { SipJsPhone } from './support/sipjs-phone.ts';

const AGENT_HZ = 500;
const FAR_END_HZ = 900;
const USERS = { agent: 'agent-secret', customer: 'customer-secret' } as const;
const SIGNALLING_MS = 5000;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('Dialtone through Kamailio with a second browser as the far end', () => {
  let kamailio: RunningKamailio;
  let pages: PageServer;
  let browser: Browser;
  let agent: DialtonePhone;
  let farEnd: InteropPhone;
  const numbers: Record<string, number | string> = {};

  const round = (value: number): number => Math.round(value * 10) / 10;
  const record = (prefix: string, heard: Hearing): void => {
    numbers[`${prefix} tone dB`] = round(heard.levelDb);
    numbers[`${prefix} floor dB`] = round(heard.floorDb);
    numbers[`${prefix} SNR dB`] = round(heard.snrDb);
    numbers[`${prefix} own-mic dB`] = round(heard.ownLevelDb);
  };

  /** Both pages hear the other's microphone, clearly, and not their own. */
  async function expectAudioBothWays(prefix: string): Promise<void> {
    const agentHears = await hearing(agent, FAR_END_HZ, AGENT_HZ);
    const farEndHears = await hearing(farEnd, AGENT_HZ, FAR_END_HZ);
    record(`${prefix}: agent hears ${FAR_END_HZ} Hz`, agentHears);
    record(`${prefix}: far end hears ${AGENT_HZ} Hz`, farEndHears);
    for (const [heard, hz, who] of [[agentHears, FAR_END_HZ, 'agent'], [farEndHears, AGENT_HZ, 'far end']] as const) {
      expect(heard.codec, `${who}: inbound codec`).toBe('audio/opus');
      expect(Math.abs(heard.peakHz - hz), `${who}: strongest frequency ${heard.peakHz} Hz should be the other side's ${hz} Hz`).toBeLessThan(15);
      expect(heard.snrDb, `${who}: ${hz} Hz stands out of the noise floor`).toBeGreaterThan(30);
      expect(heard.levelDb - heard.ownLevelDb, `${who}: its own microphone is not what it hears`).toBeGreaterThan(30);
    }
  }

  beforeAll(async () => {
    const started = performance.now();
    kamailio = await startKamailio({ users: USERS });
    numbers['kamailio start ms'] = Math.round(performance.now() - started);
    const bundling = performance.now();
    pages = await startPageServer({
      'dialtone-phone': fileURLToPath(new URL('./support/dialtone-page.ts', import.meta.url)),
      'sipjs-phone': fileURLToPath(new URL('./support/sipjs-page.ts', import.meta.url)),
    });
    numbers['bundle both pages ms'] = Math.round(performance.now() - bundling);
    browser = await launchChromium();
    const common = { server: kamailio.wsUrl, domain: kamailio.domain };
    agent = await DialtonePhone.open(browser, { ...common, pageUrl: pages.url('dialtone-phone'), label: 'agent (Dialtone src/sip)', user: 'agent', password: USERS.agent, microphoneHz: AGENT_HZ });
    farEnd = await SipJsPhone.open(browser, {
      ...common, pageUrl: pages.url('sipjs-phone'),
      label: 'far end (plain sip.js)', user: 'customer', password: USERS.customer, autoAnswer: false, microphoneHz: FAR_END_HZ,
    });
  });

  afterAll(async () => {
    // beforeAll may have failed half-way: close only what was started.
    await (browser as Browser | undefined)?.close();
    await (pages as PageServer | undefined)?.close();
    await (kamailio as RunningKamailio | undefined)?.stop();
    console.info('Kamailio interop numbers:', JSON.stringify(numbers, undefined, 1));
  });

  it('refuses a REGISTER with a wrong password (digest auth is on)', async () => {
    const intruder = await DialtonePhone.open(browser, {
      server: kamailio.wsUrl, domain: kamailio.domain, pageUrl: pages.url('dialtone-phone'),
      label: 'intruder (Dialtone src/sip)', user: 'agent', password: 'guess', microphoneHz: 300,
    });
    const refusal = await intruder.register().then(() => undefined, (error: unknown) => error);
    expect(refusal, 'the wrong password must be refused').toBeInstanceOf(DialtonePageError);
    expect(String(refusal)).toMatch(/refused \(401\)/);
    expect((refusal as DialtonePageError).code, 'SipPhone says why, so the app can ask for the password').toBe('auth-failed');
    expect(await kamailio.registeredAors()).toEqual([]);
    await intruder.page.close();
  });

  it('registers the agent and the far end through Kamailio', async () => {
    numbers['agent register ms'] = Math.round((await agent.register()).ms);
    numbers['far end register ms'] = Math.round((await farEnd.register()).ms);
    expect(await kamailio.registeredAors()).toEqual(['agent', 'customer']);
  });

  it('ends a call to a user Kamailio does not know as refused, with 404', async () => {
    const started = performance.now();
    await agent.call('nobody');
    const { value: ended } = await waitUntil('the call to nobody to end', () => agent.current(), (call) => call?.snapshot.phase === 'ended', SIGNALLING_MS, [agent]);
    numbers['agent→unknown user: call→404 ms'] = Math.round(performance.now() - started);
    expect(ended?.end?.reason).toBe('refused');
    expect(ended?.snapshot.finalStatusCode).toBe(404);
    expect(ended?.snapshot).toMatchObject({ direction: 'outgoing', callerNumber: 'nobody', establishedAt: null });
  });

  it('calls the far end from the agent with audio both ways, and the far end hangs up', async () => {
    const started = performance.now();
    await agent.call(farEnd.user);
    await waitForPhase(farEnd, 'ringing', SIGNALLING_MS, [agent]);
    numbers['agent→far end: INVITE→ringing ms'] = Math.round(performance.now() - started);
    await farEnd.answer();
    await waitForPhase(agent, 'established', SIGNALLING_MS, [farEnd]);
    numbers['agent→far end: call→established ms'] = Math.round(performance.now() - started);
    await expectAudioBothWays('agent→far end');

    // Hold is a re-INVITE from the caller's side of the dialog, routed by Kamailio's Record-Route.
    await agent.hold(true);
    expect((await agent.current())?.snapshot.onHold, 'the far end accepted the sendonly re-INVITE').toBe(true);
    await sleep(300); // let the far end's jitter buffer drain
    const held = await measureTone(farEnd.page, AGENT_HZ, 400);
    numbers['agent on hold: far end hears 500 Hz dB'] = round(held?.levelDb ?? -Infinity);
    // Silence, not a quieter tone: SNR means nothing when the floor is silent too, so the level.
    expect(held?.levelDb ?? 0, 'on hold the far end no longer hears the agent\'s 500 Hz (−26 dB when heard)').toBeLessThan(-80);
    await agent.hold(false);
    const resumed = await hearing(farEnd, AGENT_HZ, FAR_END_HZ);
    numbers['agent resumed: far end hears 500 Hz SNR dB'] = round(resumed.snrDb);
    expect(resumed.snrDb, 'after resume the far end hears the agent again').toBeGreaterThan(30);

    const hangup = performance.now();
    await farEnd.hangup();
    await waitForPhase(agent, 'ended', SIGNALLING_MS, [farEnd]);
    numbers['far end BYE→agent ended ms'] = Math.round(performance.now() - hangup);
    expect(await farEnd.phase()).toBe('ended');
  });

  it('takes a call from the far end with audio both ways, and the agent hangs up', async () => {
    const started = performance.now();
    await farEnd.call(agent.user);
    await waitForPhase(agent, 'ringing', SIGNALLING_MS, [farEnd]);
    numbers['far end→agent: INVITE→ringing ms'] = Math.round(performance.now() - started);
    await agent.answer();
    await waitForPhase(farEnd, 'established', SIGNALLING_MS, [agent]);
    numbers['far end→agent: call→established ms'] = Math.round(performance.now() - started);
    await expectAudioBothWays('far end→agent');

    const hangup = performance.now();
    await agent.hangup();
    await waitForPhase(farEnd, 'ended', SIGNALLING_MS, [agent]);
    numbers['agent BYE→far end ended ms'] = Math.round(performance.now() - hangup);
    expect(await agent.phase()).toBe('ended');
  });

  it('re-registers on its own after Kamailio restarts, and the next call carries audio', async () => {
    const before = await agent.registration();
    const farBefore = await farEnd.registration();
    const { downMs, upMs } = await kamailio.restart();
    const restarted = performance.now();
    numbers['kamailio stop ms'] = Math.round(downMs);
    numbers['kamailio start (restart) ms'] = Math.round(upMs);
    expect(await kamailio.registeredAors(), 'the location table is in memory: a restart empties it').toEqual([]);

    const back = await waitUntil('the agent to register again after the restart', () => agent.registration(), (r) => r.registered && r.count > before.count, 15_000, [agent]);
    numbers['restart→agent re-registered ms'] = Math.round(performance.now() - restarted);
    expect(back.value.count).toBe(before.count + 1);
    await waitUntil('the far end to register again', () => farEnd.registration(), (r) => r.registered && r.count > farBefore.count, 15_000, [farEnd]);
    expect(await kamailio.registeredAors()).toEqual(['agent', 'customer']);

    const started = performance.now();
    await farEnd.call(agent.user);
    await waitForPhase(agent, 'ringing', SIGNALLING_MS, [farEnd]);
    await agent.answer();
    await waitForPhase(farEnd, 'established', SIGNALLING_MS, [agent]);
    numbers['after restart: call→established ms'] = Math.round(performance.now() - started);
    await expectAudioBothWays('after restart');
    await agent.hangup();
    await waitForPhase(farEnd, 'ended', SIGNALLING_MS, [agent]);
  });
});
