import { describe, expect, it } from 'vitest';
import { NeoApiError } from '../../../src/platforms/neotel/errors.ts';
import type { PositionPollerEvent } from '../../../src/platforms/neotel/position-events.ts';
import { PositionPoller, type PositionPollerOptions, type PositionSource } from '../../../src/platforms/neotel/position-poller.ts';
import type { Ticker } from '../../../src/platforms/neotel/ticker.ts';
import { MANUAL_CALL, NEWER_IDLE } from './position-samples.ts';

/** A ticker driven by the test: `advance(ms)` fires what falls due, in order. */
class ManualTicker implements Ticker {
  readonly kind = 'timeout';
  now = 0;
  private timers: { id: number; due: number; tick: () => void }[] = [];
  private nextId = 1;
  readonly delays: number[] = [];

  after(delayMs: number, tick: () => void): () => void {
    const id = this.nextId++;
    this.delays.push(delayMs);
    this.timers.push({ id, due: this.now + delayMs, tick });
    return () => {
      this.timers = this.timers.filter((t) => t.id !== id);
    };
  }

  disposed = 0;

  dispose(): void {
    this.disposed++;
    this.timers = [];
  }

  get pending(): number {
    return this.timers.length;
  }

  async advance(ms: number): Promise<void> {
    const until = this.now + ms;
    for (;;) {
      const next = [...this.timers].sort((a, b) => a.due - b.due)[0];
      if (next === undefined || next.due > until) break;
      this.timers = this.timers.filter((t) => t !== next);
      this.now = next.due;
      next.tick();
      await flush();
    }
    this.now = until;
  }
}

async function flush(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

type Answer = string | Error;

/** Answers Position from a script; `hold()` keeps the next call pending until `release()`. */
class FakePosition implements PositionSource {
  readonly calls: { user: string; signal: AbortSignal; timeoutMs: number | undefined }[] = [];
  private held: ((answer: Answer) => void) | null = null;
  private holding = false;

  constructor(private readonly script: Answer[], private readonly fallback: Answer = NEWER_IDLE) {}

  hold(): void {
    this.holding = true;
  }

  release(answer: Answer = this.fallback): void {
    const resolve = this.held;
    this.held = null;
    this.holding = false;
    resolve?.(answer);
  }

  position(user: string, options: { signal: AbortSignal; timeoutMs?: number }): Promise<string> {
    this.calls.push({ user, signal: options.signal, timeoutMs: options.timeoutMs });
    const settle = (answer: Answer): Promise<string> => (answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer));
    if (this.holding) return new Promise<Answer>((resolve) => (this.held = resolve)).then(settle);
    return settle(this.script.shift() ?? this.fallback);
  }
}

const timeout = (): NeoApiError => new NeoApiError('TIMEOUT', 'Position', 'NeoApi Position got no answer within 5000 ms.');
const notLogged = (): NeoApiError =>
  new NeoApiError('NOT_LOGGED', 'Position', 'NeoApi Position refused: 1001 not logged.', { status: 500, serverText: '1001 not logged.' });
const withCall = (raw: string, callId: string): string => raw.replace(/\|IDLLAMADA=\d+\|/, `|IDLLAMADA=${callId}|`);

function setup(script: Answer[], options: Partial<PositionPollerOptions> = {}) {
  const ticker = new ManualTicker();
  const client = new FakePosition(script);
  const events: PositionPollerEvent[] = [];
  const poller = new PositionPoller({
    client,
    user: '1001',
    intervalMs: 1000,
    onEvent: (event) => events.push(event),
    now: () => ticker.now,
    ticker,
    random: () => 0.5,
    ...options,
  });
  const kinds = (): string[] => events.map((e) => e.kind);
  return { ticker, client, events, poller, kinds };
}

describe('PositionPoller', () => {
  it('polls at once on start, catches up with the current state, then polls once per interval', async () => {
    const t = setup([MANUAL_CALL, MANUAL_CALL, NEWER_IDLE], { timeoutMs: 4000 });
    t.poller.start();
    await flush();
    expect(t.client.calls).toHaveLength(1);
    expect(t.client.calls[0]).toMatchObject({ user: '1001', timeoutMs: 4000 });
    expect(t.kinds()).toEqual(['campaignChanged', 'breakChanged', 'platformCallStarted']);
    await t.ticker.advance(999);
    expect(t.client.calls).toHaveLength(1);
    await t.ticker.advance(1);
    expect(t.client.calls).toHaveLength(2);
    expect(t.kinds()).toHaveLength(3); // same call: nothing new
    await t.ticker.advance(1000);
    expect(t.kinds().slice(3)).toEqual(['platformCallEnded', 'campaignChanged']);
    expect(t.poller.stats).toMatchObject({ polls: 3, failures: 0, degraded: false, running: true, lastLatencyMs: 0 });
  });

  it('counts the interval from the start of a poll, so a slow answer does not stretch the cadence', async () => {
    const t = setup([]);
    t.client.hold();
    t.poller.start();
    await t.ticker.advance(300);
    t.client.release();
    await flush();
    expect(t.poller.stats.lastLatencyMs).toBe(300);
    expect(t.ticker.delays.at(-1)).toBe(700);
  });

  it('never has two polls in flight: pollNow and a due timer join the running one', async () => {
    const t = setup([]);
    t.poller.start();
    await flush();
    t.client.hold();
    await t.ticker.advance(1000);
    expect(t.client.calls).toHaveLength(2);
    const joined = t.poller.pollNow();
    await t.ticker.advance(5000);
    expect(t.client.calls).toHaveLength(2);
    t.client.release();
    await joined;
    expect(t.client.calls).toHaveLength(2);
    await t.poller.pollNow();
    expect(t.client.calls).toHaveLength(3);
    expect(t.ticker.pending).toBe(1);
  });

  it('reports NOT_LOGGED once as loggedOutByPlatform with the server text and stops polling', async () => {
    const t = setup([NEWER_IDLE, notLogged()]);
    t.poller.start();
    await flush();
    await t.ticker.advance(1000);
    expect(t.events.at(-1)).toEqual({ kind: 'loggedOutByPlatform', message: '1001 not logged.', at: 1000 });
    expect(t.poller.stats.running).toBe(false);
    expect(t.ticker.pending).toBe(0);
    await t.ticker.advance(60_000);
    expect(t.client.calls).toHaveLength(2);
    expect(t.kinds().filter((k) => k === 'loggedOutByPlatform')).toHaveLength(1);
  });

  it('backs off 1 s, 2, 4, 8, capped at 15 s, degrades once and recovers once when a poll succeeds again', async () => {
    const failures = Array.from({ length: 6 }, timeout);
    const t = setup([NEWER_IDLE, ...failures, NEWER_IDLE]);
    t.poller.start();
    await flush();
    await t.ticker.advance(1000); // first failure
    for (let i = 0; i < 6; i++) await t.ticker.advance(t.ticker.delays.at(-1)!);
    expect(t.ticker.delays).toEqual([1000, 1000, 2000, 4000, 8000, 15_000, 15_000, 1000]);
    expect(t.kinds()).toEqual(['campaignChanged', 'breakChanged', 'platformDegraded', 'platformRecovered']);
    expect(t.events[2]).toMatchObject({ reason: expect.stringMatching(/^Position for 1001 failed \(TIMEOUT\): NeoApi Position got no answer/) });
    expect(t.poller.stats).toMatchObject({ failures: 6, consecutiveFailures: 0, degraded: false, lastFailure: null });
  });

  it('spreads the back-off with jitter from the injected random, never past the cap', async () => {
    const low = setup([timeout(), timeout()], { random: () => 0 });
    low.poller.start();
    await flush();
    await low.ticker.advance(low.ticker.delays.at(-1)!);
    expect(low.ticker.delays).toEqual([800, 1600]);
    const high = setup(Array.from({ length: 6 }, timeout), { random: () => 0.999 });
    high.poller.start();
    await flush();
    for (let i = 0; i < 5; i++) await high.ticker.advance(high.ticker.delays.at(-1)!);
    expect(high.ticker.delays[0]).toBe(1200);
    expect(Math.max(...high.ticker.delays)).toBe(15_000);
  });

  it('keeps the last snapshot across errors and malformed answers: no phantom end or restart of the call', async () => {
    const truncated = MANUAL_CALL.slice(0, MANUAL_CALL.indexOf('IDLLAMADA=') + 12);
    const t = setup([MANUAL_CALL, timeout(), truncated, '<html>503</html>', MANUAL_CALL]);
    t.poller.start();
    await flush();
    for (let i = 0; i < 4; i++) await t.ticker.advance(t.ticker.delays.at(-1)!);
    expect(t.client.calls).toHaveLength(5);
    expect(t.kinds()).toEqual(['campaignChanged', 'breakChanged', 'platformCallStarted', 'platformDegraded', 'platformRecovered']);
    expect(t.poller.stats).toMatchObject({ failures: 3, malformed: 2 });
    expect(t.poller.snapshot?.callId).toBe('1159449');
  });

  it('reports the malformed payload in the degraded reason', async () => {
    const t = setup(['STATUS=OK|USUARIO=1001|']);
    t.poller.start();
    await flush();
    expect(t.events).toEqual([{ kind: 'platformDegraded', reason: expect.stringContaining('has no IDLLAMADA'), at: 0 }]);
  });

  it('keeps polling when the listener throws, and counts it', async () => {
    const t = setup([NEWER_IDLE, withCall(MANUAL_CALL, '77')], {
      onEvent: () => {
        throw new Error('listener bug');
      },
    });
    t.poller.start();
    await flush();
    await t.ticker.advance(1000);
    await t.ticker.advance(1000);
    expect(t.client.calls).toHaveLength(3);
    expect(t.poller.stats.listenerErrors).toBe(6); // idle: 2, call: 2, idle again: 2
  });

  it('aborts the poll in flight on stop, drops its answer, and catches up again after a new start', async () => {
    const t = setup([NEWER_IDLE]);
    t.poller.start();
    await flush();
    t.client.hold();
    await t.ticker.advance(1000);
    t.poller.stop();
    expect(t.client.calls[1]!.signal.aborted).toBe(true);
    t.client.release(MANUAL_CALL);
    await flush();
    expect(t.kinds()).toEqual(['campaignChanged', 'breakChanged']);
    expect(t.ticker.pending).toBe(0);
    expect(t.ticker.disposed).toBe(1); // a worker ticker's worker ends with the poller
    t.poller.start();
    await flush();
    expect(t.kinds().slice(2)).toEqual(['campaignChanged', 'breakChanged']);
  });

  it('stops emitting the rest of a poll when a listener stops the poller, and schedules nothing', async () => {
    const events: PositionPollerEvent[] = [];
    const self: { poller?: PositionPoller } = {};
    const t = setup([MANUAL_CALL], {
      onEvent: (event) => {
        events.push(event);
        self.poller?.stop();
      },
    });
    self.poller = t.poller;
    t.poller.start();
    await flush();
    expect(events.map((e) => e.kind)).toEqual(['campaignChanged']);
    expect(t.ticker.pending).toBe(0);
    expect(t.poller.stats.running).toBe(false);
  });

  it('refuses an interval that is not a positive number of ms, naming the value', () => {
    expect(() => setup([], { intervalMs: 0 })).toThrow('PositionPoller intervalMs must be a positive number of ms, got 0.');
  });
});
