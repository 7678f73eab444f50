/** The far end (./sipjs-page.ts) driven from the test, as an InteropPhone. */

import type { Browser, Page } from 'playwright-core';
import { installAudioProbe, installOscillatorMicrophone } from '../../support/audio.ts';
import type { CallPhase, InteropPhone, PhoneRegistration } from './phone.ts';
import type { SipJsPhoneConfig } from './sipjs-page.ts';

export interface SipJsPhoneOptions extends SipJsPhoneConfig {
  /** URL of the page serving ./sipjs-page.ts. */
  pageUrl: string;
  /** Sine frequency of this page's microphone. */
  microphoneHz: number;
  label: string;
}

const PHASES: Readonly<Record<string, CallPhase>> = {
  Initial: 'ringing',
  Establishing: 'connecting',
  Established: 'established',
  Terminating: 'ended',
  Terminated: 'ended',
};

export class SipJsPhone implements InteropPhone {
  private constructor(
    readonly page: Page,
    private readonly options: SipJsPhoneOptions,
  ) {}

  get label(): string {
    return this.options.label;
  }

  get user(): string {
    return this.options.user;
  }

  static async open(browser: Browser, options: SipJsPhoneOptions): Promise<SipJsPhone> {
    const page = await browser.newPage();
    await installOscillatorMicrophone(page, options.microphoneHz);
    await installAudioProbe(page);
    await page.goto(options.pageUrl);
    await page.waitForFunction(() => 'sipjsPhone' in window, undefined, { timeout: 5000 });
    return new SipJsPhone(page, options);
  }

  async register(): Promise<{ ms: number }> {
    const { pageUrl, microphoneHz, label, ...config } = this.options;
    const result = await this.page.evaluate((c) => window.sipjsPhone.register(c), config);
    if (!result.ok) throw new Error(`${this.label}: REGISTER as ${config.user} through ${config.server} was refused (${result.status ?? 'no response'})`);
    return { ms: result.ms };
  }

  async call(user: string): Promise<void> {
    await this.page.evaluate((target) => window.sipjsPhone.call(target), user);
  }

  async answer(): Promise<void> {
    await this.page.evaluate(() => window.sipjsPhone.answer());
  }

  async hangup(): Promise<void> {
    await this.page.evaluate(() => window.sipjsPhone.hangup());
  }

  async phase(): Promise<CallPhase> {
    const call = await this.page.evaluate(() => window.sipjsPhone.current());
    if (!call) return 'none';
    if (call.direction === 'incoming' && call.state === 'Initial') return 'ringing';
    return PHASES[call.state] ?? 'none';
  }

  registration(): Promise<PhoneRegistration> {
    return this.page.evaluate(() => window.sipjsPhone.registration());
  }

  log(): Promise<string[]> {
    return this.page.evaluate(() => window.sipjsPhone.log);
  }
}
