/**
 * The hidden-tab cadence page: the worker ticker and the plain setTimeout ticker, side by side,
 * each re-arming a 1000 ms timer from its own callback (a chain, like the poll loop) and noting
 * when each tick ran and whether the page was hidden then.
 */
import { workerTicker } from '../../../src/platforms/neotel/ticker-worker.ts';
import { timeoutTicker, type Ticker } from '../../../src/platforms/neotel/ticker.ts';

/** One tick: `performance.now()` and the page's visibility at that moment. */
export interface CadenceTick {
  readonly at: number;
  readonly hidden: boolean;
}

/** What the test reads back from `window.cadence`. */
export interface CadenceProbe {
  readonly worker: CadenceTick[];
  readonly timeout: CadenceTick[];
  readonly workerKind: () => Ticker['kind'];
  readonly fallbackReason: string | null;
}

declare global {
  interface Window {
    cadence: CadenceProbe;
  }
}

function chain(ticker: Ticker, ticks: CadenceTick[]): void {
  const tick = (): void => {
    ticks.push({ at: performance.now(), hidden: document.visibilityState === 'hidden' });
    ticker.after(1000, tick);
  };
  ticker.after(1000, tick);
}

let fallbackReason: string | null = null;
const worker = workerTicker({ onFallback: (reason) => (fallbackReason = reason) });
const probe: CadenceProbe = {
  worker: [],
  timeout: [],
  workerKind: () => worker.kind,
  get fallbackReason() {
    return fallbackReason;
  },
};
window.cadence = probe;
chain(worker, probe.worker);
chain(timeoutTicker(), probe.timeout);
