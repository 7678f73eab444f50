import { describe, expect, it } from 'vitest';
import { FrameClock, type ClockTimers } from '../../../../dev/neotel/pbx/media/clock.ts';
import { JitterBuffer } from '../../../../dev/neotel/pbx/media/jitter-buffer.ts';

/** Manual time: timers fire only when the test advances the clock, each `lateBy` ms late. */
function manualTimers(lateBy = 0) {
  let now = 0;
  let pending: { at: number; callback: () => void } | undefined;
  const timers: ClockTimers = {
    now: () => now,
    setTimeout: (callback, ms) => (pending = { at: now + ms + lateBy, callback }),
    clearTimeout: () => (pending = undefined),
  };
  return {
    timers,
    advanceTo(target: number) {
      for (let guard = 0; pending && pending.at <= target && guard < 100_000; guard++) {
        const { at, callback } = pending;
        pending = undefined;
        now = at;
        callback();
      }
      now = target;
    },
    /** The process freezes until `target`: the pending timer fires late, once, at `target`. */
    freezeUntil(target: number) {
      now = target;
      const due = pending;
      pending = undefined;
      due?.callback();
    },
  };
}

describe('media clock', () => {
  it('runs exactly 50 ticks per second even when every timer fires 7 ms late', () => {
    const time = manualTimers(7);
    let ticks = 0;
    const clock = new FrameClock(() => ticks++, { timers: time.timers });
    clock.start();
    time.advanceTo(10_000);
    expect(ticks).toBeGreaterThanOrEqual(499);
    expect(ticks).toBeLessThanOrEqual(500);
    expect(clock.stats.skippedTicks).toBe(0);
  });

  it('catches up at most 5 ticks after a stall and counts the rest as skipped', () => {
    const time = manualTimers();
    let ticks = 0;
    const clock = new FrameClock(() => ticks++, { timers: time.timers, maxCatchUpTicks: 5 });
    clock.start();
    time.advanceTo(20);
    expect(ticks).toBe(1);
    time.freezeUntil(1020);
    expect(ticks).toBe(6);
    expect(clock.stats.skippedTicks).toBe(45);
  });

  it('keeps ticking when a tick throws and stops when told', () => {
    const time = manualTimers();
    const errors: unknown[] = [];
    let ticks = 0;
    const clock = new FrameClock(() => {
      ticks++;
      throw new Error('boom');
    }, { timers: time.timers, onError: (error) => errors.push(error) });
    clock.start();
    time.advanceTo(100);
    expect(ticks).toBe(5);
    expect(errors).toHaveLength(5);
    clock.stop();
    time.advanceTo(1000);
    expect(ticks).toBe(5);
  });
});

describe('jitter buffer', () => {
  const frame = (value: number) => new Int16Array(160).fill(value);

  it('stays silent until 3 frames are buffered, then plays them in order', () => {
    const buffer = new JitterBuffer({ prefillFrames: 3 });
    buffer.push(frame(1));
    buffer.push(frame(2));
    expect(buffer.pull()).toBeUndefined();
    buffer.push(frame(3));
    expect(buffer.pull()?.[0]).toBe(1);
    expect(buffer.pull()?.[0]).toBe(2);
    expect(buffer.pull()?.[0]).toBe(3);
  });

  it('counts an underrun and prefills again before resuming', () => {
    const buffer = new JitterBuffer({ prefillFrames: 2 });
    buffer.push(frame(1));
    buffer.push(frame(2));
    buffer.pull();
    buffer.pull();
    expect(buffer.pull()).toBeUndefined();
    expect(buffer.stats.underruns).toBe(1);
    buffer.push(frame(3));
    expect(buffer.pull()).toBeUndefined();
    buffer.push(frame(4));
    expect(buffer.pull()?.[0]).toBe(3);
  });

  it('drops the oldest audio past its capacity, so latency stays bounded', () => {
    const buffer = new JitterBuffer({ capacityFrames: 4, prefillFrames: 1 });
    for (let i = 1; i <= 6; i++) buffer.push(frame(i));
    expect(buffer.stats).toMatchObject({ droppedSamples: 320, bufferedSamples: 640 });
    expect(buffer.pull()?.[0]).toBe(3);
  });

  it('re-frames packets of any size into 160-sample frames', () => {
    const buffer = new JitterBuffer({ prefillFrames: 1 });
    buffer.push(Int16Array.from({ length: 100 }, (_, i) => i));
    buffer.push(Int16Array.from({ length: 100 }, (_, i) => 100 + i));
    const out = buffer.pull()!;
    expect(out.length).toBe(160);
    expect([out[0], out[99], out[100], out[159]]).toEqual([0, 99, 100, 159]);
  });
});
