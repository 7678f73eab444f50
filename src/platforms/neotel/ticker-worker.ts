/**
 * A {@link Ticker} whose timers run in a dedicated worker. Chrome throttles the page's timers in
 * a background tab (aligned to 1 s, then once a minute after 5 minutes hidden:
 * https://developer.chrome.com/blog/timer-throttling-in-chrome-88) but not a dedicated worker's,
 * and the Salesforce console usually sits in the background while the agent waits for calls.
 * The worker only keeps time: it posts each timer's id back when it is due, and the callback
 * runs on the page. docs/position-poller.md has the measured cadence.
 *
 * The worker is built from {@link TICKER_WORKER_SOURCE} through a Blob URL, so the bundle needs
 * no extra entry. If it cannot be created (no Worker, CSP `worker-src` without `blob:`) or fails
 * later, the ticker carries on with the page's setTimeout and pending timers are kept.
 */
import { timeoutTicker, type Ticker } from './ticker.ts';
import { messageOf } from '../../shared/errors.ts';

/** Page → worker. */
export type TickerRequest =
  | { readonly op: 'after'; readonly id: number; readonly delayMs: number }
  | { readonly op: 'cancel'; readonly id: number };

/**
 * The worker's whole program. Worker → page: `'ready'` once, then the id of each due timer.
 * Plain JavaScript on purpose: it is shipped as text, not through the bundler.
 */
export const TICKER_WORKER_SOURCE = `'use strict';
const timers = new Map();
self.onmessage = (event) => {
  const m = event.data;
  if (m && m.op === 'after') {
    timers.set(m.id, setTimeout(() => { timers.delete(m.id); self.postMessage(m.id); }, m.delayMs));
  } else if (m && m.op === 'cancel') {
    clearTimeout(timers.get(m.id));
    timers.delete(m.id);
  }
};
self.postMessage('ready');
`;

/** The part of a Worker the ticker uses (a fake in unit tests). */
export interface TickerWorkerPort {
  postMessage(message: TickerRequest): void;
  terminate(): void;
}

/** Starts the worker; it reports due ids to `onTick` and failures to `onError`. May throw. */
export type SpawnTickerWorker = (onTick: (id: number) => void, onError: (reason: string) => void) => TickerWorkerPort;

/** The browser's dedicated Worker from {@link TICKER_WORKER_SOURCE} via a Blob URL. */
export const spawnBlobWorker: SpawnTickerWorker = (onTick, onError) => {
  const url = URL.createObjectURL(new Blob([TICKER_WORKER_SOURCE], { type: 'text/javascript' }));
  let worker: Worker;
  try {
    worker = new Worker(url, { name: 'dialtone-ticker' });
  } catch (error) {
    URL.revokeObjectURL(url);
    throw error;
  }
  worker.onmessage = (event: MessageEvent<unknown>) => {
    // Revoke only once the worker runs: revoking right after `new Worker` can race its fetch.
    if (event.data === 'ready') URL.revokeObjectURL(url);
    else if (typeof event.data === 'number') onTick(event.data);
  };
  worker.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    URL.revokeObjectURL(url);
    onError(event.message || 'the ticker worker failed to start (blocked by worker-src?)');
  };
  return worker;
};

/** How to build a {@link workerTicker}. */
export interface WorkerTickerOptions {
  /** Default {@link spawnBlobWorker}. */
  readonly spawn?: SpawnTickerWorker;
  /** Used when the worker cannot run. Default {@link timeoutTicker}. */
  readonly fallback?: () => Ticker;
  /** Monotonic ms, to reschedule pending timers on a fallback. Default `performance.now()`. */
  readonly now?: () => number;
  /** Told once when the ticker falls back to setTimeout, with why. */
  readonly onFallback?: (reason: string) => void;
}

interface Pending {
  readonly tick: () => void;
  readonly due: number;
  cancelFallback?: () => void;
}

/**
 * A ticker on a dedicated worker, falling back to `fallback` if the worker cannot run. The
 * worker starts on the first `after` and is terminated by `dispose` (the poller's `stop`).
 */
export function workerTicker(options: WorkerTickerOptions = {}): Ticker {
  const now = options.now ?? (() => performance.now());
  const makeFallback = options.fallback ?? timeoutTicker;
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let fallback: Ticker | undefined;
  let port: TickerWorkerPort | undefined;

  const fire = (id: number): void => {
    const entry = pending.get(id);
    if (entry === undefined) return; // cancelled while the message was on its way
    pending.delete(id);
    entry.tick();
  };
  const schedule = (ticker: Ticker, id: number, entry: Pending): void => {
    entry.cancelFallback = ticker.after(Math.max(0, entry.due - now()), () => fire(id));
  };
  const fallBack = (reason: string): Ticker => {
    if (fallback !== undefined) return fallback;
    const ticker = makeFallback();
    fallback = ticker;
    try {
      port?.terminate();
    } catch {
      // A worker that never started may refuse to terminate; it is dropped either way.
    }
    port = undefined;
    for (const [id, entry] of pending) schedule(ticker, id, entry);
    options.onFallback?.(reason);
    return ticker;
  };

  // A function, not `fallback === undefined` inline: the spawn callback may set it meanwhile.
  const inFallback = (): boolean => fallback !== undefined;
  /** The live worker, started on first use (and again after `dispose`), unless we fell back. */
  const livePort = (): TickerWorkerPort | undefined => {
    if (fallback !== undefined || port !== undefined) return port;
    let spawned: TickerWorkerPort | undefined;
    try {
      spawned = (options.spawn ?? spawnBlobWorker)(fire, (reason) => {
        // Only the worker in use can send us to the fallback, not one already disposed.
        if (spawned === undefined || spawned === port) fallBack(reason);
      });
    } catch (error) {
      fallBack(`cannot create the ticker worker: ${messageOf(error)}`);
      return undefined;
    }
    // A worker that failed while starting already switched us to the fallback.
    if (inFallback()) spawned.terminate();
    else port = spawned;
    return port;
  };

  return {
    get kind() {
      return fallback === undefined ? 'worker' : 'timeout';
    },
    after(delayMs, tick) {
      const id = nextId++;
      const entry: Pending = { tick, due: now() + Math.max(0, delayMs) };
      pending.set(id, entry);
      const live = livePort();
      if (fallback !== undefined) schedule(fallback, id, entry);
      else live?.postMessage({ op: 'after', id, delayMs: Math.max(0, delayMs) });
      return () => {
        if (!pending.delete(id)) return;
        entry.cancelFallback?.();
        port?.postMessage({ op: 'cancel', id });
      };
    },
    /** Terminates the worker; a later `after` starts a new one (a fallback stays a fallback). */
    dispose() {
      pending.clear();
      fallback?.dispose();
      port?.terminate();
      port = undefined;
    },
  };
}

/**
 * The ticker for the poller in this environment: a worker ticker where `Worker` and Blob URLs
 * exist (browsers), otherwise setTimeout (Node).
 */
export function createTicker(options: WorkerTickerOptions = {}): Ticker {
  const browser = typeof Worker === 'function' && typeof Blob === 'function' && typeof URL.createObjectURL === 'function';
  return browser || options.spawn !== undefined ? workerTicker(options) : timeoutTicker();
}
