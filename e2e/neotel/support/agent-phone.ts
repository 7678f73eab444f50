/**
 * An agent's browser phone for the Neotel e2e tests: one Chromium page running the PBX's sip.js
 * test phone (dev/neotel/pbx/test-phone), registered as a device of the scenario over the
 * simulator's own `/sip` WebSocket, with the audio probe of e2e/support/audio.ts installed so the
 * test can measure what the agent hears. Every wait is bounded and says what it saw.
 */
import type { Browser, Page } from 'playwright-core';
import type { TestPhoneCall, TestPhoneConfig } from '../../../dev/neotel/pbx/test-phone/phone.ts';
import { installAudioProbe, installOscillatorMicrophone } from '../../support/audio.ts';

export interface AgentPhoneOptions {
  /** The test phone page (startTestPhoneServer(...).url). */
  pageUrl: string;
  /** `ws://127.0.0.1:<port>/sip` of the simulator. */
  sipUrl: string;
  /** SIP user (device `SIP/<user>`) and its SIP password from the scenario. */
  user: string;
  password: string;
  /** Replace the fake microphone (400 Hz beeps) by a steady sine at this frequency. */
  microphoneHz?: number;
}

export interface RegisterResult {
  ok: boolean;
  status?: number;
  reason?: string;
  ms: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class AgentPhone {
  private constructor(
    readonly page: Page,
    readonly options: AgentPhoneOptions,
  ) {}

  /** Opens the page with the audio probe (and the oscillator microphone when asked). */
  static async open(browser: Browser, options: AgentPhoneOptions): Promise<AgentPhone> {
    const page = await browser.newPage();
    if (options.microphoneHz !== undefined) await installOscillatorMicrophone(page, options.microphoneHz);
    await installAudioProbe(page);
    await page.goto(options.pageUrl);
    await page.waitForFunction(() => 'testPhone' in window, undefined, { timeout: 5000 });
    return new AgentPhone(page, options);
  }

  /** REGISTER with digest auth (sip.js answers the 401 challenge). Auto-answers `answer-after=0` legs. */
  register(): Promise<RegisterResult> {
    const config: TestPhoneConfig = { server: this.options.sipUrl, user: this.options.user, password: this.options.password, domain: '127.0.0.1', autoAnswer: true };
    return this.page.evaluate((c) => window.testPhone.register(c), config);
  }

  async unregister(): Promise<void> {
    await this.page.evaluate(() => window.testPhone.unregister());
  }

  /** The current (or last) incoming call as the phone saw it. */
  call(): Promise<TestPhoneCall | undefined> {
    return this.page.evaluate(() => window.testPhone.call());
  }

  /** Waits until the phone's latest INVITE is for platform call `callId` and `predicate` holds. */
  async waitForCall(callId: string, expectation: string, predicate: (call: TestPhoneCall) => boolean, timeoutMs = 5000): Promise<TestPhoneCall> {
    const deadline = performance.now() + timeoutMs;
    let last: TestPhoneCall | undefined;
    for (let attempt = 0; attempt < 1000; attempt++) {
      last = await this.call();
      if (last?.headers['X-Neotel-CallId'] === callId && predicate(last)) return last;
      if (performance.now() >= deadline) break;
      await sleep(50);
    }
    const log = await this.page.evaluate(() => window.testPhone.log.slice(-8));
    throw new Error(`Phone ${this.options.user}: expected call ${callId} ${expectation} within ${timeoutMs} ms; ` + `last call: ${JSON.stringify(last)}; phone log: ${JSON.stringify(log)}`);
  }

  async answer(): Promise<void> {
    await this.page.evaluate(() => window.testPhone.answer());
  }

  /** BYE when established (reject while ringing). */
  async hangup(): Promise<void> {
    await this.page.evaluate(() => window.testPhone.hangup());
  }

  /** RFC 4733 digits on the current call. */
  sendDtmf(digits: string): Promise<boolean> {
    return this.page.evaluate((d) => window.testPhone.sendDtmf(d), digits);
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}
