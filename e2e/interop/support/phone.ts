/**
 * What the interop suite needs of a phone in a browser page, whichever code runs in the page
 * (Dialtone's src/sip or plain sip.js): register, call, answer, hang up, and report its call and
 * registration. Each page gets its own oscillator microphone and the audio probe of
 * e2e/support/audio.ts, so the test can tell who hears whom.
 */

import type { Page } from 'playwright-core';

/** A call as the test reasons about it, independent of the page's library. */
export type CallPhase = 'none' | 'ringing' | 'connecting' | 'established' | 'ended';

export interface PhoneRegistration {
  registered: boolean;
  /** REGISTER 200s so far: grows by one on every re-registration. */
  count: number;
}

export interface InteropPhone {
  /** For messages: `agent (Dialtone src/sip)`. */
  readonly label: string;
  /** SIP user (AOR user part). */
  readonly user: string;
  readonly page: Page;
  /** REGISTER through the proxy (digest auth); resolves with the time to the 200, throws on refusal. */
  register(): Promise<{ ms: number }>;
  /** Calls `user` (INVITE through the proxy). */
  call(user: string): Promise<void>;
  answer(): Promise<void>;
  hangup(): Promise<void>;
  phase(): Promise<CallPhase>;
  registration(): Promise<PhoneRegistration>;
  /** The page's own event log, for failure messages. */
  log(): Promise<string[]>;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls `read` until `done` holds, at most `timeoutMs`; throws with `what`, the last value and the
 * phones' logs. Resolves with the value and the time it took.
 */
export async function waitUntil<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number, phones: readonly InteropPhone[] = []): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  let last: T | undefined;
  for (let attempt = 0; attempt < 100_000; attempt++) {
    last = await read();
    if (done(last)) return { value: last, ms: performance.now() - started };
    if (performance.now() - started > timeoutMs) break;
    await sleep(20);
  }
  const logs = await Promise.all(phones.map(async (phone) => `${phone.label}:\n  ${(await phone.log().catch(() => ['(page gone)'])).slice(-12).join('\n  ')}`));
  throw new Error(`Expected ${what} within ${timeoutMs} ms; last value: ${JSON.stringify(last)}\n${logs.join('\n')}`);
}

/** Waits until `phone`'s call reaches `phase`. */
export function waitForPhase(phone: InteropPhone, phase: CallPhase, timeoutMs: number, others: readonly InteropPhone[] = []): Promise<{ value: CallPhase; ms: number }> {
  return waitUntil(`${phone.label}'s call to be ${phase}`, () => phone.phase(), (value) => value === phase, timeoutMs, [phone, ...others]);
}
