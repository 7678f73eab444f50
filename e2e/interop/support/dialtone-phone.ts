/** Dialtone's phone (./dialtone-page.ts, src/sip's SipPhone) driven from the test, as an InteropPhone. */

import type { Browser, Page } from 'playwright-core';
import type { CallPhase as SipCallPhase } from '../../../src/sip/index.ts';
import { installAudioProbe, installOscillatorMicrophone } from '../../support/audio.ts';
import type { DialtonePageCall, DialtonePageConfig, DialtonePageResult } from './dialtone-page.ts';
import type { CallPhase, InteropPhone, PhoneRegistration } from './phone.ts';

export interface DialtonePhoneOptions extends DialtonePageConfig {
  /** URL of the page serving ./dialtone-page.ts. */
  pageUrl: string;
  /** Sine frequency of this page's microphone. */
  microphoneHz: number;
  label: string;
}

const PHASES: Readonly<Record<SipCallPhase, CallPhase>> = {
  ringing: 'ringing',
  calling: 'connecting',
  answering: 'connecting',
  established: 'established',
  ended: 'ended',
};

/** A refused or failed page operation, with the SipPhoneError's code and SIP status. */
export class DialtonePageError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly statusCode: number | undefined,
  ) {
    super(message);
    this.name = 'DialtonePageError';
  }
}

export class DialtonePhone implements InteropPhone {
  private constructor(
    readonly page: Page,
    private readonly options: DialtonePhoneOptions,
  ) {}

  get label(): string {
    return this.options.label;
  }

  get user(): string {
    return this.options.user;
  }

  static async open(browser: Browser, options: DialtonePhoneOptions): Promise<DialtonePhone> {
    const page = await browser.newPage();
    await installOscillatorMicrophone(page, options.microphoneHz);
    await installAudioProbe(page);
    await page.goto(options.pageUrl);
    await page.waitForFunction(() => 'dialtonePhone' in window, undefined, { timeout: 5000 });
    return new DialtonePhone(page, options);
  }

  /** REGISTER; throws a DialtonePageError (`auth-failed`, 401…) when refused. */
  async register(): Promise<{ ms: number }> {
    const { pageUrl, microphoneHz, label, ...config } = this.options;
    const result = await this.page.evaluate((c) => window.dialtonePhone.register(c), config);
    this.check(`REGISTER as ${config.user} through ${config.server}`, result);
    return { ms: result.ms };
  }

  async call(user: string): Promise<void> {
    this.check(`call(${user})`, await this.page.evaluate((target) => window.dialtonePhone.call(target), user));
  }

  async answer(): Promise<void> {
    this.check('answer()', await this.page.evaluate(() => window.dialtonePhone.answer()));
  }

  async hangup(): Promise<void> {
    this.check('hangUp()', await this.page.evaluate(() => window.dialtonePhone.hangup()));
  }

  /** Holds (re-INVITE `sendonly` through the proxy) or resumes the call. */
  async hold(onHold: boolean): Promise<void> {
    this.check(onHold ? 'hold()' : 'resume()', await this.page.evaluate((held) => window.dialtonePhone.hold(held), onHold));
  }

  async phase(): Promise<CallPhase> {
    const call = await this.current();
    return call ? PHASES[call.snapshot.phase] : 'none';
  }

  /** The current or last call: its snapshot and, once over, why it ended. */
  current(): Promise<DialtonePageCall | undefined> {
    return this.page.evaluate(() => window.dialtonePhone.current());
  }

  async registration(): Promise<PhoneRegistration> {
    const { registered, count } = await this.page.evaluate(() => window.dialtonePhone.registration());
    return { registered, count };
  }

  log(): Promise<string[]> {
    return this.page.evaluate(() => window.dialtonePhone.log);
  }

  private check(what: string, result: DialtonePageResult): void {
    if (result.ok) return;
    const status = result.statusCode === undefined ? 'no response' : String(result.statusCode);
    throw new DialtonePageError(`${this.label}: ${what} was refused (${status}): ${result.code ?? 'error'}: ${result.message ?? ''}`, result.code, result.statusCode);
  }
}
