/** The agent's page of the sip platform suite (./sip-platform-page.ts), driven from the test. */
import type { Page } from 'playwright-core';
import { toneLevelsOverTime } from '../../../dev/neotel/pbx/index.ts';
import type { Recording } from './recording.ts';
import type { SipPlatformPageResult, SipPlatformPageState } from './sip-platform-page.ts';
import { until } from './until.ts';

export type Operation = Parameters<Window['sipPlatformPhone']['run']>[0];

/** The agent's page, driven through `window.sipPlatformPhone`. */
export class AgentPage {
  constructor(readonly page: Page) {}

  async run(operation: Operation, argument?: string): Promise<SipPlatformPageResult> {
    return this.page.evaluate(([op, arg]) => window.sipPlatformPhone.run(op, arg), [operation, argument] as const);
  }

  async must(operation: Operation, argument?: string): Promise<SipPlatformPageResult> {
    const result = await this.run(operation, argument);
    if (!result.ok) throw new Error(`${operation}(${argument ?? ''}) failed: ${result.code ?? ''} ${result.message ?? ''}\n${(await this.state()).log.slice(-15).join('\n')}`);
    return result;
  }

  state(): Promise<SipPlatformPageState> {
    return this.page.evaluate(() => window.sipPlatformPhone.state());
  }

  async until(what: string, check: (state: SipPlatformPageState) => boolean, timeoutMs = 10_000): Promise<SipPlatformPageState> {
    return until(what, async () => {
      const state = await this.state();
      return check(state) ? state : undefined;
    }, timeoutMs).catch(async (error: unknown) => {
      throw new Error(`${String(error)}; page log:\n${(await this.state()).log.slice(-15).join('\n')}`);
    });
  }
}

/**
 * Median level (dBFS) of `hz` over a slice of a recording, in seconds from its start (negative =
 * from its end); -Infinity is digital silence. Throws when the slice holds no 100 ms frame, so
 * "absent" can never be an empty window.
 */
export function levelBetween(recording: Recording, hz: number, fromSeconds: number, toSeconds?: number): number {
  const levels = toneLevelsOverTime(recording.samples, hz, 100, recording.sampleRate);
  const seconds = recording.samples.length / recording.sampleRate;
  const index = (at: number): number => Math.round((at < 0 ? seconds + at : at) * 10);
  const slice = levels.slice(index(fromSeconds), toSeconds === undefined ? undefined : index(toSeconds)).sort((a, b) => a - b);
  if (slice.length === 0) throw new Error(`levelBetween(${hz} Hz, ${fromSeconds} s, ${toSeconds ?? 'end'}): the recording lasts ${seconds.toFixed(2)} s, so that window is empty`);
  return slice[Math.floor(slice.length / 2)] ?? -Infinity;
}

/** A level for the suites' numbers: rounded dB, or "silence" for -Infinity (JSON has no infinity). */
export function dbNumber(value: number): number | string {
  return Number.isFinite(value) ? Math.round(value) : 'silence';
}
