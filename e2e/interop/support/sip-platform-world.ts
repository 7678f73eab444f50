/**
 * The SIP world of the `sip` platform suites (sip-platform*.test.ts): Debian's Kamailio over
 * WebSocket, rtpengine between WebRTC and plain RTP, two baresip user agents over UDP that
 * register and answer by themselves — the customer (700 Hz) and a colleague (1100 Hz) — and a
 * Chromium whose pages run Dialtone's own SipPhone with a 500 Hz microphone. Plus the far side's
 * evidence helpers: what a baresip decoded (its recordings), when its calls closed (its log), and
 * what an agent page hears (its analyser).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { startKamailio, type RunningKamailio } from '../../../dev/kamailio/kamailio.ts';
import { installAudioProbe, installOscillatorMicrophone, measureTone } from '../../support/audio.ts';
import { launchChromium } from '../../support/browser.ts';
import { Baresip } from './baresip.ts';
import { startPageServer, type PageServer } from './page-server.ts';
import { joinRecordings, readRecording, type Recording } from './recording.ts';
import { startRtpengine, type RunningRtpengine } from './rtpengine.ts';
import { AgentPage } from './sip-platform-agent.ts';
import type { SipPlatformPageConfig } from './sip-platform-page.ts';
import { until } from './until.ts';

export const AGENT_HZ = 500;
export const CUSTOMER_HZ = 700;
export const COLLEAGUE_HZ = 1100;
const LIFETIME_MS = 10 * 60_000;
const USERS = { agent: 'agent-secret', agentinfo: 'agentinfo-secret', customer: 'customer-secret', colleague: 'colleague-secret' } as const;
export const POP_HEADERS = ['X-CRM-Id', 'X-Contact-Id', 'X-Queue', 'X-Campaign'];
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export interface SipWorld {
  readonly rtpengine: RunningRtpengine;
  readonly kamailio: RunningKamailio;
  readonly customer: Baresip;
  readonly colleague: Baresip;
  readonly browser: Browser;
  /** Opens a page with Dialtone's SipPhone registered as `user`. */
  openAgent(user: keyof typeof USERS, dtmfTransport: SipPlatformPageConfig['dtmfTransport']): Promise<AgentPage>;
  /** Stops everything; leaves the far side's logs in .tmp/<tag>-*.log for a failure's evidence. */
  stop(tag: string): Promise<void>;
}

/** Starts rtpengine, Kamailio, both baresips (`rtpPortBase` apart from other suites) and Chromium. */
export async function startSipWorld(rtpPortBase: number): Promise<SipWorld> {
  const rtpengine = await startRtpengine(rtpPortBase, LIFETIME_MS);
  const kamailio = await startKamailio({ users: USERS, rtpengineSock: rtpengine.ngSock });
  // recordAcrossHolds: baresip 1.0 would stop recording at the first hold (./baresip.ts).
  const bot = { proxyUdpPort: kamailio.udpPort, domain: kamailio.domain, maxLifetimeMs: LIFETIME_MS, answerMode: 'auto', recordAcrossHolds: true } as const;
  const customer = await Baresip.start({ ...bot, user: 'customer', password: USERS.customer, toneHz: CUSTOMER_HZ, rtpPortMin: rtpPortBase + 1000 });
  const colleague = await Baresip.start({ ...bot, user: 'colleague', password: USERS.colleague, toneHz: COLLEAGUE_HZ, rtpPortMin: rtpPortBase + 1200 });
  await until('both baresips registered', async () => {
    const aors = await kamailio.registeredAors();
    return aors.includes('customer') && aors.includes('colleague') ? true : undefined;
  }, 10_000);
  const pages: PageServer = await startPageServer({ 'sip-platform': fileURLToPath(new URL('./sip-platform-page.ts', import.meta.url)) });
  const browser = await launchChromium();
  return {
    rtpengine,
    kamailio,
    customer,
    colleague,
    browser,
    async openAgent(user, dtmfTransport) {
      const page = await browser.newPage();
      await installOscillatorMicrophone(page, AGENT_HZ);
      await installAudioProbe(page);
      await page.goto(pages.url('sip-platform'));
      await page.waitForFunction(() => 'sipPlatformPhone' in window, undefined, { timeout: 5000 });
      const config: SipPlatformPageConfig = { server: kamailio.wsUrl, user, password: USERS[user], domain: kamailio.domain, inviteHeaders: POP_HEADERS, dtmfTransport };
      const result = await page.evaluate((c) => window.sipPlatformPhone.register(c), config);
      if (!result.ok) throw new Error(`${user} did not register: ${result.message ?? ''}`);
      return new AgentPage(page);
    },
    async stop(tag) {
      await browser.close();
      await pages.close();
      for (const one of [customer, colleague]) await one.stop();
      await kamailio.stop();
      await rtpengine.stop();
      mkdirSync('.tmp', { recursive: true });
      writeFileSync(`.tmp/${tag}-kamailio-trace.log`, kamailio.trace().join('\n'));
      writeFileSync(`.tmp/${tag}-rtpengine.log`, rtpengine.helper.lines().join('\n'));
      writeFileSync(`.tmp/${tag}-customer.log`, customer.helper.lines().join('\n'));
      writeFileSync(`.tmp/${tag}-colleague.log`, colleague.helper.lines().join('\n'));
    },
  };
}

/**
 * Waits until `bot` has closed `count` calls since log line `mark` (its recording is then
 * complete). Read from its log, not ctrl_tcp events: ctrl_tcp sends events to its newest
 * connection only, so a command (hangup) silences the event socket.
 */
export async function closed(bot: Baresip, mark: number, count = 1): Promise<void> {
  // A call ends with `Call with … terminated (duration: …)`, after a `session closed: …` line
  // when the far end hung up; baresip 1.0 sometimes logs only the latter. Count each end once.
  const ends = (): number => {
    const lines = bot.helper.lines().slice(mark);
    return lines.filter((line, index) => line.includes('terminated (duration') || (line.includes(': session closed: ') && !(lines[index + 1] ?? '').includes('terminated (duration'))).length;
  };
  await until(`${count} call(s) closed at baresip`, () => (ends() >= count ? true : undefined), 15_000);
  await sleep(300); // sndfile closes the file once the call's audio stops
}

/** Everything `bot` decoded since recording mark `mark`, as one recording. */
export async function heardSince(bot: Baresip, mark: number): Promise<Recording> {
  return joinRecordings((await bot.decodedSince(mark)).map((bytes) => readRecording(bytes)));
}

/** How clearly (SNR dB) the agent's page hears `hz` right now, on all its remote tracks together. */
export async function agentHears(page: AgentPage, hz: number): Promise<number> {
  const heard = await measureTone(page.page, hz, 600);
  return heard?.snrDb ?? -Infinity;
}

/** Waits (≤ 5 s) until the agent's page hears `hz` with an SNR above 30 dB; returns it. */
export async function agentComesToHear(page: AgentPage, hz: number, what: string): Promise<number> {
  return until(what, async () => {
    const snr = await agentHears(page, hz);
    return snr > 30 ? snr : undefined;
  }, 5000);
}
