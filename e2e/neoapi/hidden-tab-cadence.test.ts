/**
 * Measures the poll loop's clock in a real background tab (docs/position-poller.md): the worker
 * ticker must keep ~1 s while the page is hidden; the page's own setTimeout chain is measured
 * next to it and reported for comparison.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPageServer, type PageServer } from '../interop/support/page-server.ts';
import type { CadenceTick } from './support/cadence-page.ts';
import { launchBackgroundChromium, type BackgroundChromium } from './support/background-chromium.ts';

const HIDDEN_MS = 6000;

let server: PageServer;

beforeAll(async () => {
  server = await startPageServer({ cadence: new URL('./support/cadence-page.ts', import.meta.url).pathname });
});

afterAll(async () => {
  await server.close();
});

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** Intervals between consecutive ticks that both ran while the page was hidden. */
const hiddenIntervals = (ticks: readonly CadenceTick[]): number[] =>
  ticks.slice(1).flatMap((tick, i) => (tick.hidden && ticks[i]!.hidden ? [Math.round(tick.at - ticks[i]!.at)] : []));

interface Measurement {
  readonly kind: string;
  readonly fallback: string | null;
  readonly worker: number[];
  readonly timeout: number[];
}

/** Loads the cadence page, hides it behind a second tab for `hiddenMs`, returns the intervals. */
async function measureHidden(chrome: BackgroundChromium, hiddenMs: number): Promise<Measurement> {
  const page = await chrome.context.newPage();
  await page.goto(server.url('cadence'));
  await page.waitForFunction(() => window.cadence.worker.length >= 2 && window.cadence.timeout.length >= 2);
  expect(await page.evaluate(() => document.visibilityState)).toBe('visible');
  const other = await chrome.context.newPage();
  await other.bringToFront();
  await page.waitForFunction(() => document.visibilityState === 'hidden');
  await new Promise((resolve) => setTimeout(resolve, hiddenMs));
  const probe = await page.evaluate(() => ({
    worker: window.cadence.worker,
    timeout: window.cadence.timeout,
    kind: window.cadence.workerKind(),
    fallback: window.cadence.fallbackReason,
  }));
  return { kind: probe.kind, fallback: probe.fallback, worker: hiddenIntervals(probe.worker), timeout: hiddenIntervals(probe.timeout) };
}

function report(label: string, m: Measurement): void {
  const med = (values: number[]): number | null => (values.length > 0 ? median(values) : null);
  console.log(
    `${label}: worker ticker (${m.kind}) median ${String(med(m.worker))} ms ${JSON.stringify(m.worker)}; ` +
      `setTimeout ticker median ${String(med(m.timeout))} ms ${JSON.stringify(m.timeout)}`,
  );
}

describe('the ticker in a background tab', () => {
  it('keeps the worker ticker at 1000 ± 150 ms while the page is hidden behind another tab', async () => {
    const chrome = await launchBackgroundChromium();
    try {
      const m = await measureHidden(chrome, HIDDEN_MS);
      report(`hidden ${HIDDEN_MS} ms, Chromium's default throttling`, m);
      expect(m.kind, `the worker ticker fell back to setTimeout: ${String(m.fallback)}`).toBe('worker');
      expect(m.worker.length).toBeGreaterThanOrEqual(4);
      expect(Math.abs(median(m.worker) - 1000)).toBeLessThanOrEqual(150);
    } finally {
      await chrome.close();
    }
  });

});
