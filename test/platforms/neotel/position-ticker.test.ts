import { runInNewContext } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTicker, TICKER_WORKER_SOURCE, workerTicker, type TickerRequest, type TickerWorkerPort } from '../../../src/platforms/neotel/ticker-worker.ts';
import { timeoutTicker } from '../../../src/platforms/neotel/ticker.ts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** A stand-in worker: records the requests; the test decides when a timer id comes back. */
class FakeWorker implements TickerWorkerPort {
  readonly sent: TickerRequest[] = [];
  terminated = false;
  constructor(
    readonly tick: (id: number) => void,
    readonly error: (reason: string) => void,
  ) {}
  postMessage(message: TickerRequest): void {
    this.sent.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
}

function fakeWorkerTicker(onFallback?: (reason: string) => void) {
  let worker: FakeWorker | undefined;
  const ticker = workerTicker({
    spawn: (tick, error) => (worker = new FakeWorker(tick, error)),
    now: () => Date.now(),
    onFallback,
  });
  return { ticker, worker: () => worker! };
}

describe('timeoutTicker', () => {
  it('calls back once after the delay, and not at all once cancelled or disposed', () => {
    const ticker = timeoutTicker();
    const fired: string[] = [];
    ticker.after(1000, () => fired.push('a'));
    const cancel = ticker.after(1000, () => fired.push('b'));
    ticker.after(2000, () => fired.push('c'));
    cancel();
    vi.advanceTimersByTime(999);
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(fired).toEqual(['a']);
    ticker.dispose();
    vi.advanceTimersByTime(5000);
    expect(fired).toEqual(['a']);
    expect(ticker.kind).toBe('timeout');
  });
});

describe('workerTicker', () => {
  it('asks the worker for each timer and runs the callback when the worker posts its id back', () => {
    const { ticker, worker } = fakeWorkerTicker();
    const fired: number[] = [];
    ticker.after(1000, () => fired.push(1));
    ticker.after(250, () => fired.push(2));
    expect(ticker.kind).toBe('worker');
    expect(worker().sent).toEqual([{ op: 'after', id: 1, delayMs: 1000 }, { op: 'after', id: 2, delayMs: 250 }]);
    worker().tick(2);
    worker().tick(1);
    worker().tick(1); // a duplicate (or late) id runs nothing
    expect(fired).toEqual([2, 1]);
  });

  it('tells the worker to cancel and ignores an id that was already on its way', () => {
    const { ticker, worker } = fakeWorkerTicker();
    const fired: number[] = [];
    const cancel = ticker.after(1000, () => fired.push(1));
    cancel();
    worker().tick(1);
    expect(worker().sent.at(-1)).toEqual({ op: 'cancel', id: 1 });
    expect(fired).toEqual([]);
    ticker.dispose();
    expect(worker().terminated).toBe(true);
  });

  it('falls back to setTimeout when the worker cannot be created, and still keeps time', () => {
    const reasons: string[] = [];
    const ticker = workerTicker({
      spawn: () => {
        throw new Error('Refused to create a worker from blob: (worker-src)');
      },
      onFallback: (reason) => reasons.push(reason),
    });
    const fired: number[] = [];
    ticker.after(1000, () => fired.push(1));
    vi.advanceTimersByTime(1000);
    expect(ticker.kind).toBe('timeout');
    expect(fired).toEqual([1]);
    expect(reasons).toEqual(['cannot create the ticker worker: Refused to create a worker from blob: (worker-src)']);
  });

  it('moves pending timers to setTimeout with their remaining time when the worker fails later', () => {
    const reasons: string[] = [];
    const { ticker, worker } = fakeWorkerTicker((reason) => reasons.push(reason));
    const fired: number[] = [];
    ticker.after(1000, () => fired.push(1));
    vi.advanceTimersByTime(400);
    worker().error('blocked by CSP');
    expect(ticker.kind).toBe('timeout');
    expect(worker().terminated).toBe(true);
    vi.advanceTimersByTime(599);
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(fired).toEqual([1]);
    ticker.after(10, () => fired.push(2));
    vi.advanceTimersByTime(10);
    expect(fired).toEqual([1, 2]);
    expect(reasons).toEqual(['blocked by CSP']);
  });

  it('starts the worker on first use, ends it on dispose, and starts a fresh one when used again', () => {
    const workers: FakeWorker[] = [];
    const ticker = workerTicker({ spawn: (tick, error) => workers[workers.push(new FakeWorker(tick, error)) - 1]! });
    expect(workers).toHaveLength(0);
    const fired: number[] = [];
    ticker.after(1000, () => fired.push(1));
    ticker.dispose();
    expect(workers[0]!.terminated).toBe(true);
    workers[0]!.tick(1);
    ticker.after(1000, () => fired.push(2));
    expect(workers).toHaveLength(2);
    workers[0]!.error('late error from the old worker'); // ignored: that worker is gone
    expect(ticker.kind).toBe('worker');
    workers[1]!.tick(2);
    expect(fired).toEqual([2]);
  });

  it('ships a worker program that answers ready, then each due id, and honours cancel', () => {
    const posted: unknown[] = [];
    const scope: { onmessage?: (event: { data: TickerRequest }) => void; postMessage: (m: unknown) => void } = { postMessage: (m) => posted.push(m) };
    runInNewContext(TICKER_WORKER_SOURCE, { self: scope, setTimeout, clearTimeout, Map });
    expect(posted).toEqual(['ready']);
    scope.onmessage!({ data: { op: 'after', id: 7, delayMs: 1000 } });
    scope.onmessage!({ data: { op: 'after', id: 8, delayMs: 1000 } });
    scope.onmessage!({ data: { op: 'cancel', id: 8 } });
    vi.advanceTimersByTime(1000);
    expect(posted).toEqual(['ready', 7]);
  });
});

describe('createTicker', () => {
  it('uses setTimeout where there is no Worker (Node)', () => {
    expect(typeof Worker).toBe('undefined');
    expect(createTicker().kind).toBe('timeout');
  });
});
