/**
 * The simulated PBX against real Chromium running real sip.js (the test phone in
 * dev/neotel/pbx/test-phone): digest registration, calls, and audio proven by tone detection on
 * both sides — the browser's analyser hears the customer's 800 Hz, the customer hears the fake
 * microphone's 400 Hz beeps — plus hold, DTMF, hang-up both ways, recording and transport loss.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createPbx, detectTone, parseWav, twoPartyRouting, type SimulatedPbx } from '../../dev/neotel/pbx/index.ts';
import { startTestPhoneServer, type TestPhoneServer } from '../../dev/neotel/pbx/test-phone/serve.ts';
import type { TestPhoneConfig } from '../../dev/neotel/pbx/test-phone/phone.ts';
import type { AgentLeg, LegEndReason, SimulatedCustomerLeg } from '../../dev/neotel/pbx/types.ts';
import { audioRtpStats, installAudioProbe, measureTone } from '../support/audio.ts';
import { launchChromium } from '../support/browser.ts';

const CUSTOMER_HZ = 800;
const FAKE_MIC_HZ = 400; // Chromium's --use-fake-device-for-media-stream beeps at 400 Hz
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function once<T extends unknown[]>(subscribe: (listener: (...args: T) => void) => () => void, timeoutMs = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`event did not come within ${timeoutMs} ms`)), timeoutMs);
    const stop = subscribe((...args) => {
      clearTimeout(timer);
      stop();
      resolve(args);
    });
  });
}

describe('PBX with a real browser (Chromium + sip.js)', () => {
  let pbx: SimulatedPbx;
  let phoneServer: TestPhoneServer;
  let browser: Browser;
  let page: Page;
  const timings: Record<string, number> = {};

  async function openPhone(user: string, password: string, autoAnswer = true): Promise<{ page: Page; result: { ok: boolean; status?: number; ms: number } }> {
    const phonePage = await browser.newPage();
    await installAudioProbe(phonePage);
    await phonePage.goto(phoneServer.url);
    await phonePage.waitForFunction(() => 'testPhone' in window, undefined, { timeout: 5000 });
    const config: TestPhoneConfig = { server: phoneServer.sipUrl, user, password, domain: '127.0.0.1', autoAnswer };
    const result = await phonePage.evaluate((c) => window.testPhone.register(c), config);
    return { page: phonePage, result };
  }

  const phoneState = (p: Page = page) => p.evaluate(() => window.testPhone.call()?.state);

  beforeAll(async () => {
    pbx = createPbx();
    pbx.setDevicePassword('SIP/1001', 'secret');
    pbx.setDevicePassword('SIP/1002', 'other');
    phoneServer = await startTestPhoneServer(pbx);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
    await pbx.close();
    await phoneServer.close();
    console.info('PBX e2e timings (ms):', JSON.stringify(timings));
  });

  it('refuses a wrong password with 403 and registers the right one with digest auth', async () => {
    const wrong = await openPhone('1001', 'guess');
    expect(wrong.result).toMatchObject({ ok: false, status: 403 });
    expect(pbx.registration('SIP/1001')).toBeUndefined();
    await wrong.page.close();
    const right = await openPhone('1001', 'secret');
    page = right.page;
    expect(right.result).toMatchObject({ ok: true, status: 200 });
    timings.register = Math.round(right.result.ms);
    expect(pbx.registration('SIP/1001')).toMatchObject({ device: 'SIP/1001', ip: '127.0.0.1' });
  });

  describe('a platform call, auto-answered', () => {
    let agent: AgentLeg;
    let customer: SimulatedCustomerLeg;

    it('is answered by the phone and carries audio both ways', async () => {
      customer = pbx.callCustomer({ number: '600111222', toneHz: CUSTOMER_HZ });
      const started = performance.now();
      agent = pbx.callAgent({ device: 'SIP/1001', callId: 'IDLL-1', fromNumber: '600111222', platformOriginated: true });
      pbx.createRoom('IDLL-1').setRouting(twoPartyRouting(agent.id, customer.id));
      await once((l) => agent.on('answered', l));
      timings['callAgent→answered'] = Math.round(performance.now() - started);
      expect(await page.evaluate(() => window.testPhone.call()?.headers)).toEqual({
        'X-Neotel-CallId': 'IDLL-1', 'X-Neotel-Leg': 'platform', 'Call-Info': '<sip:127.0.0.1>;answer-after=0',
      });
      await sleep(1500);
      const heardInBrowser = await measureTone(page, CUSTOMER_HZ);
      expect(heardInBrowser?.peakHz).toBeGreaterThan(CUSTOMER_HZ - 10);
      expect(heardInBrowser?.peakHz).toBeLessThan(CUSTOMER_HZ + 10);
      expect(heardInBrowser?.snrDb).toBeGreaterThan(40);
      timings['browser 800 Hz dB'] = Math.round(heardInBrowser!.levelDb);
      const rtp = await audioRtpStats(page);
      expect(rtp.inboundCodec).toBe('audio/PCMU');
      expect(rtp.packetsReceived).toBeGreaterThan(60);
      expect(rtp.packetsSent).toBeGreaterThan(60);
      // The customer's recording grows as RTP arrives: on a busy machine the browser's first
      // packets can come late, so wait (bounded) for the tone rather than for a fixed time.
      let customerHeard = customer.heard();
      let micTone = detectTone(customerHeard, FAKE_MIC_HZ, { thresholdDbfs: -35 });
      for (const end = Date.now() + 20_000; !micTone.detected && Date.now() < end; ) {
        await sleep(250);
        customerHeard = customer.heard();
        micTone = detectTone(customerHeard, FAKE_MIC_HZ, { thresholdDbfs: -35 });
      }
      expect(micTone.detected, `the customer hears the browser's ${FAKE_MIC_HZ} Hz: ${JSON.stringify(micTone)}`).toBe(true);
      timings['customer 400 Hz dBFS'] = Math.round(micTone.peakDbfs);
      expect(detectTone(customerHeard, CUSTOMER_HZ).detected).toBe(false); // no echo of its own voice
      expect(detectTone(agent.heard(), FAKE_MIC_HZ).detected).toBe(true);
    });

    it('stops sending to the browser on hold (re-INVITE sendonly) and restores audio on resume', async () => {
      const holdEvents: boolean[] = [];
      agent.on('hold', (onHold) => holdEvents.push(onHold));
      expect(await page.evaluate(() => window.testPhone.hold(true))).toBe(true);
      await sleep(300);
      const before = await audioRtpStats(page);
      const heardBefore = customer.heard().length;
      await sleep(1000);
      const after = await audioRtpStats(page);
      expect(after.packetsReceived - before.packetsReceived).toBeLessThanOrEqual(2);
      expect(detectTone(customer.heard().subarray(heardBefore), FAKE_MIC_HZ).detected).toBe(false);
      expect(holdEvents).toEqual([true]);

      expect(await page.evaluate(() => window.testPhone.hold(false))).toBe(true);
      await sleep(500);
      const resumed = await audioRtpStats(page);
      const heardAtResume = customer.heard().length;
      await sleep(1000);
      expect((await audioRtpStats(page)).packetsReceived - resumed.packetsReceived).toBeGreaterThan(40);
      expect((await measureTone(page, CUSTOMER_HZ))?.snrDb).toBeGreaterThan(40);
      expect(detectTone(customer.heard().subarray(heardAtResume), FAKE_MIC_HZ).detected).toBe(true);
      expect(holdEvents).toEqual([true, false]);
    });

    it('receives RFC 4733 digits and SIP INFO digits from the browser', async () => {
      const digits: string[] = [];
      agent.on('dtmf', (digit) => digits.push(digit));
      expect(await page.evaluate(() => window.testPhone.sendDtmf('123#'))).toBe(true);
      await expect.poll(() => digits.join(''), { timeout: 3000 }).toBe('123#');
      await page.evaluate(() => window.testPhone.sendInfoDtmf('7'));
      await expect.poll(() => digits.join(''), { timeout: 2000 }).toBe('123#7');
    });

    it('ends the PBX leg when the browser sends BYE, and records both parties to a valid WAV', async () => {
      const ended = once<[LegEndReason, string?]>((l) => agent.on('ended', l));
      agent.on('ended', () => customer.hangup()); // what the center does: the call is over
      await page.evaluate(() => window.testPhone.hangup());
      expect((await ended)[0]).toBe('remote');
      expect(customer.state).toBe('ended');
      const wav = parseWav(pbx.recording('IDLL-1')!.wav());
      expect([wav.sampleRate, wav.channels, wav.bitsPerSample]).toEqual([8000, 1, 16]);
      expect(wav.samples.length / 8000).toBeGreaterThan(4);
      expect(detectTone(wav.samples, CUSTOMER_HZ, { minFraction: 0.9 }).detected).toBe(true);
      expect(detectTone(wav.samples, FAKE_MIC_HZ, { thresholdDbfs: -35 }).detected).toBe(true);
    });
  });

  it('ends the browser session when the PBX hangs up (BYE from the PBX)', async () => {
    const agent = pbx.callAgent({ device: 'SIP/1001', callId: 'IDLL-2', fromNumber: '600', platformOriginated: true });
    await once((l) => agent.on('answered', l));
    await expect.poll(() => phoneState(), { timeout: 2000 }).toBe('Established');
    agent.hangup();
    await expect.poll(() => phoneState(), { timeout: 2000 }).toBe('Terminated');
  });

  it('lets a queue call ring until answered by hand, and a rejected one ends as rejected', async () => {
    const rejected = pbx.callAgent({ device: 'SIP/1001', callId: 'Q-1', fromNumber: '600', platformOriginated: false });
    await expect.poll(() => page.evaluate(() => window.testPhone.call()?.headers['X-Neotel-CallId']), { timeout: 2000 }).toBe('Q-1');
    await sleep(300);
    expect(rejected.state).toBe('ringing'); // not auto-answered: no Call-Info answer-after
    const rejectedEnd = once<[LegEndReason, string?]>((l) => rejected.on('ended', l));
    await page.evaluate(() => window.testPhone.reject(486));
    expect(await rejectedEnd).toEqual(['rejected', '486 Busy Here']);

    const answered = pbx.callAgent({ device: 'SIP/1001', callId: 'Q-2', fromNumber: '600', platformOriginated: false });
    await expect.poll(() => page.evaluate(() => window.testPhone.call()?.headers['X-Neotel-CallId']), { timeout: 2000 }).toBe('Q-2');
    await page.evaluate(() => window.testPhone.answer());
    await once((l) => answered.on('answered', l));
    answered.hangup();
    await expect.poll(() => phoneState(), { timeout: 2000 }).toBe('Terminated');
  });

  it('cancels a ringing call on hangup and on ring timeout, and the phone stops ringing', async () => {
    const cancelled = pbx.callAgent({ device: 'SIP/1001', callId: 'C-1', fromNumber: '600', platformOriginated: false });
    await expect.poll(() => page.evaluate(() => window.testPhone.call()?.headers['X-Neotel-CallId']), { timeout: 2000 }).toBe('C-1');
    cancelled.hangup();
    await expect.poll(() => phoneState(), { timeout: 2000 }).toBe('Terminated');

    const unanswered = pbx.callAgent({ device: 'SIP/1001', callId: 'C-2', fromNumber: '600', platformOriginated: false, ringTimeoutMs: 800 });
    const end = once<[LegEndReason, string?]>((l) => unanswered.on('ended', l));
    await expect.poll(() => page.evaluate(() => window.testPhone.call()?.headers['X-Neotel-CallId']), { timeout: 2000 }).toBe('C-2');
    expect((await end)[0]).toBe('timeout');
    await expect.poll(() => phoneState(), { timeout: 2000 }).toBe('Terminated');
  });

  it('unregisters the device when its WebSocket drops', async () => {
    const other = await openPhone('1002', 'other');
    expect(other.result.ok).toBe(true);
    const gone = once<[string, unknown]>((l) => pbx.onRegistrationChange(l));
    await other.page.evaluate(() => window.testPhone.dropConnection());
    expect(await gone).toEqual(['SIP/1002', undefined]);
    expect(pbx.registration('SIP/1002')).toBeUndefined();
    expect(pbx.registration('SIP/1001')).toBeDefined();
  });
});
