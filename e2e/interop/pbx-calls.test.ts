/**
 * Interop (issue 14): the built adapter, logged in as a person would in the Lightning console
 * stand-in, with its phone registered at Kamailio (digest auth over WebSocket), takes calls from a
 * third-party SIP user agent — baresip over UDP — with rtpengine turning the browser's WebRTC into
 * plain RTP. Kamailio adds a P-Asserted-Identity as a trunk would. Every claim is proven from the
 * far side: baresip's log (digits it received), its recording (the agent's tone), and Kamailio's
 * trace of every SIP message (one 180, 480 not 603, Allow/Supported of the agent's answers).
 *
 * Needs kamailio, rtpengine-daemon and baresip-core (.ci/run installs them): fails, never skips.
 */
import { writeFileSync } from 'node:fs';
import type { Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKamailio, type RunningKamailio } from '../../dev/kamailio/kamailio.ts';
import { logIn, untilStatus } from '../agent/support/agent-steps.ts';
import type { AgentTab } from '../agent/support/agent-console.ts';
import { measureHeardTone } from '../neotel/support/audio-proof.ts';
import { Baresip } from './support/baresip.ts';
import { until } from './support/until.ts';
import { AGENT, InteropConsole } from './support/interop-console.ts';
import { readRecording, toneOf } from './support/recording.ts';
import { startRtpengine, type RunningRtpengine } from './support/rtpengine.ts';
import { UdpUac } from './support/udp-uac.ts';

const AGENT_HZ = 500;
const CUSTOMER_HZ = 700;
const LIFETIME_MS = 10 * 60_000;
const DIGITS = '1234567890*#5#';
/** The admin's DTMF settings under test (docs/configuration.md); empty = the defaults. */
const DTMF_SETTINGS: Record<string, string> = process.env.DIALTONE_DTMF_MS ? { '/neotelConnection/dtmfDurationMs': process.env.DIALTONE_DTMF_MS, '/neotelConnection/dtmfGapMs': process.env.DIALTONE_DTMF_GAP_MS ?? '200' } : {};
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));


describe('the built adapter behind Kamailio takes calls from baresip (rtpengine in between)', () => {
  let kamailio: RunningKamailio;
  let rtpengine: RunningRtpengine;
  let baresip: Baresip;
  let console_: InteropConsole;
  let tab: AgentTab;
  let adapter: Frame;
  const numbers: Record<string, number | string> = {};

  /** Kamailio's trace lines of one SIP Call-ID (the newest INVITE from baresip when `callId` is absent). */
  const callTrace = (): string[] => {
    const trace = kamailio.trace();
    const invite = trace.filter((line) => /^t=\S+ req INVITE /.test(line) && line.includes('proto=udp')).at(-1);
    const callId = invite === undefined ? undefined : /ci=(\S+)/.exec(invite)?.[1];
    return callId === undefined ? [] : trace.filter((line) => line.includes(`ci=${callId} `));
  };

  beforeAll(async () => {
    rtpengine = await startRtpengine(31000, LIFETIME_MS);
    kamailio = await startKamailio({ users: { [AGENT.device]: AGENT.devicePassword }, rtpengineSock: rtpengine.ngSock, assertIdentity: true });
    baresip = await Baresip.start({ proxyUdpPort: kamailio.udpPort, domain: kamailio.domain, user: 'bot', toneHz: CUSTOMER_HZ, rtpPortMin: 32000, maxLifetimeMs: LIFETIME_MS });
    console_ = await InteropConsole.start(kamailio, DTMF_SETTINGS);
    tab = await console_.openTab(AGENT_HZ);
    adapter = tab.adapter;
  });

  afterAll(async () => {
    await (console_ as InteropConsole | undefined)?.close();
    await (baresip as Baresip | undefined)?.stop();
    await (kamailio as RunningKamailio | undefined)?.stop();
    await (rtpengine as RunningRtpengine | undefined)?.stop();
    console.info('PBX interop numbers:', JSON.stringify(numbers, undefined, 1));
    // The far side's full logs, for reading after a failure (.tmp is not committed).
    if (baresip as Baresip | undefined) writeFileSync('.tmp/interop-baresip.log', baresip.helper.lines().join('\n'));
    if (kamailio as RunningKamailio | undefined) writeFileSync('.tmp/interop-kamailio-trace.log', kamailio.trace().join('\n'));
    if (rtpengine as RunningRtpengine | undefined) writeFileSync('.tmp/interop-rtpengine.log', rtpengine.helper.lines().join('\n'));
  });

  it('refuses a call while the login is still on its way with 480, never 603, and unregisters when the login fails', async () => {
    // NeoApi Login hangs until the adapter's timeout: the phone is registered, the agent is not logged in.
    await console_.neotel.setNeoApiFault({ mode: 'hang', methods: ['Login'], count: 1 });
    await logIn(adapter, AGENT);
    await until('the agent registered at Kamailio', async () => ((await kamailio.registeredAors()).includes(AGENT.device) ? true : undefined), 10_000);
    const mark = kamailio.trace().length;
    await baresip.dial(AGENT.device);
    const refusal = await until('the phone to refuse the call', () => kamailio.trace().slice(mark).find((line) => /reply [4-6]\d\d .* INVITE /.test(line)), 10_000);
    numbers['refusal while logging in'] = refusal.split(' ').slice(1, 4).join(' ');
    expect(refusal, 'a phone without a session says "not available" (480), not 603 Decline').toMatch(/reply 480 /);
    expect(kamailio.trace().slice(mark).some((line) => line.includes('reply 603 '))).toBe(false);

    // The Login times out: the login failed, so the phone must not stay registered (it would take calls nobody answers).
    await untilStatus(adapter, ['loggedOut'], 20_000);
    await until('the binding to be removed', async () => ((await kamailio.registeredAors()).includes(AGENT.device) ? undefined : true), 10_000);
    await console_.neotel.clearNeoApiFault();
  });

  it('logs in, rings once (one 180), shows the asserted caller, and answers with UPDATE allowed and no outbound', async () => {
    await logIn(adapter, AGENT);
    await untilStatus(adapter, ['ready'], 15_000);
    const register = kamailio.trace().filter((line) => line.includes(' req REGISTER ')).at(-1) ?? '';
    expect(register, 'REGISTER does not advertise SIP Outbound (RFC 5626 is not implemented)').not.toMatch(/supported=[^ ]*outbound/);

    const dialled = performance.now();
    await baresip.dial(AGENT.device);
    await untilStatus(adapter, ['ringing'], 10_000);
    numbers['baresip dial → ringing ms'] = Math.round(performance.now() - dialled);
    // P-Asserted-Identity (added by Kamailio) wins over From (sip:bot@…): the real number, and its name while no record matches.
    expect(await adapter.getByTestId('incoming-number').textContent()).toBe('+34911234567');
    expect(await adapter.getByTestId('incoming-name').textContent()).toBe('Ana Cliente');

    await adapter.getByTestId('answer').click();
    await untilStatus(adapter, ['inCall'], 10_000);
    const trace = callTrace();
    const ringing = trace.filter((line) => line.includes('reply 180 '));
    numbers['180 Ringing per INVITE'] = ringing.length;
    expect(ringing, `one 180 Ringing for the INVITE; trace:\n${trace.join('\n')}`).toHaveLength(1);
    const ok = trace.find((line) => /reply 200 .* INVITE /.test(line)) ?? '';
    expect(ok, 'the 200 OK lists UPDATE in Allow').toMatch(/allow=[^ ]*UPDATE/);
    expect(ok, 'and does not advertise outbound').not.toMatch(/supported=[^ ]*outbound/);
  });

  it('carries audio both ways through rtpengine, and baresip receives every DTMF digit exactly', async () => {
    const heard = await measureHeardTone(adapter, CUSTOMER_HZ, [AGENT_HZ]);
    numbers['agent hears baresip 700 Hz SNR dB'] = Math.round(heard.snrDb);
    expect(Math.abs(heard.peakHz - CUSTOMER_HZ), JSON.stringify(heard)).toBeLessThan(15);
    expect(heard.snrDb).toBeGreaterThan(30);

    const from = baresip.helper.lines().length;
    const fromEvent = baresip.events.length;
    await adapter.getByTestId('keypad-toggle').click();
    const started = performance.now();
    for (const key of DIGITS) await adapter.locator(`[data-testid="dtmf-pad"] [data-key="${key}"]`).click();
    expect(await adapter.getByTestId('dtmf-sent').textContent(), 'the keypad took every click').toBe(DIGITS);
    const received = await until(
      `baresip to receive ${DIGITS}`,
      () => {
        const got = baresip.receivedDigits(fromEvent, from);
        return got.length >= DIGITS.length ? got : undefined;
      },
      30_000,
    ).catch((error: unknown) => {
      throw new Error(`${String(error)}; baresip got ${JSON.stringify(baresip.receivedDigits(fromEvent, from))}; events ${JSON.stringify(baresip.events.slice(fromEvent).slice(-20))}; its log:\n${baresip.helper.lines().slice(from).filter((line) => !line.includes('bit/s')).slice(-60).join('\n')}`);
    });
    numbers['DTMF digits sent → all received ms'] = Math.round(performance.now() - started);
    numbers['baresip received'] = received;
    expect(received, "baresip's log: every digit, in order, none doubled").toBe(DIGITS);

    await adapter.getByTestId('hang-up').click();
    await until('baresip to see the BYE', () => baresip.helper.lines().slice(from).find((line) => /terminated|closed|BYE/i.test(line)), 10_000);
    await sleep(300); // sndfile closes the file when the call's audio stops
    const recording = readRecording(await baresip.decodedRecording());
    const tone = toneOf(recording, AGENT_HZ, [AGENT_HZ, CUSTOMER_HZ]);
    numbers['baresip recording: agent 500 Hz median dBFS'] = Math.round(tone.medianDbfs);
    numbers['baresip recording seconds'] = Math.round(tone.seconds * 10) / 10;
    expect(tone.dominantHz, "baresip's recording of the agent holds the agent's 500 Hz, not its own 700 Hz").toBe(AGENT_HZ);
    expect(tone.medianDbfs).toBeGreaterThan(-30);
  });

  it('keeps a call whose PBX asks for session timers and refreshes it with UPDATE (answered 200, not 501)', async () => {
    // Independent of how the previous test ended: back to Ready.
    if ((await adapter.getByTestId('status').getAttribute('data-status')) === 'inCall') await adapter.getByTestId('hang-up').click();
    if ((await untilStatus(adapter, ['wrapUp', 'ready'], 10_000)) === 'wrapUp') await adapter.getByTestId('available').click();
    await untilStatus(adapter, ['ready'], 10_000);
    const pbx = await UdpUac.open(kamailio.udpPort, kamailio.domain);
    try {
      pbx.invite(AGENT.device, 34000);
      await untilStatus(adapter, ['ringing'], 10_000);
      await adapter.getByTestId('answer').click();
      const ok = await pbx.finalReply('INVITE', 10_000);
      expect(ok.status).toBe(200);
      expect(ok.header('Allow').join(','), 'the agent lists UPDATE in Allow').toMatch(/UPDATE/);
      // No `timer` in its Supported: the PBX (the UAC here) stays the refresher (RFC 4028 §9).
      expect(ok.header('Supported').join(','), 'no outbound, no timer it would not honour').not.toMatch(/outbound|timer/);
      pbx.ack(ok);
      await untilStatus(adapter, ['inCall'], 10_000);

      for (let refresh = 1; refresh <= 2; refresh++) {
        const before = pbx.inDialog('UPDATE');
        const answer = await pbx.finalReply('UPDATE', 5000, before);
        numbers[`session refresh UPDATE #${refresh}`] = `${answer.status}`;
        expect(answer.status, `session refresh #${refresh}: UPDATE answered\n${answer.raw}`).toBe(200);
      }
      expect(await adapter.getByTestId('status').getAttribute('data-status'), 'the call survives the refreshes').toBe('inCall');

      const before = pbx.inDialog('BYE');
      expect((await pbx.finalReply('BYE', 5000, before)).status).toBe(200);
      await untilStatus(adapter, ['wrapUp', 'ready'], 10_000);
    } finally {
      pbx.close();
    }
  });
});
