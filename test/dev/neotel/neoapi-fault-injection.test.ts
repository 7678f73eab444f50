/**
 * The NeoApi fault slot on its own: which requests it faults, how `count` runs out, and that a
 * hung request is always let go (clear, client gone, or the hang limit) without leaking timers.
 */
import { EventEmitter } from 'node:events';
import type { Socket } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_FAULT_TEXT, isNeoApiWireName, NeoApiFaults } from '../../../dev/neotel/neoapi/fault-injection.ts';

/** Just enough of a socket for hold(): records how it was closed. */
class FakeSocket extends EventEmitter {
  ended = false;
  destroyed = false;
  end(done: () => void): void {
    this.ended = true;
    done();
  }
  destroy(): void {
    this.destroyed = true;
    this.emit('close');
  }
  asSocket(): Socket {
    return this as unknown as Socket;
  }
}

afterEach(() => {
  vi.useRealTimers();
});

describe('NeoApi fault slot', () => {
  it('faults every method when no methods are named, with the generic ASP.NET text', () => {
    const faults = new NeoApiFaults();
    faults.set({ mode: 'error500' });
    expect(faults.take('Position')).toEqual({ mode: 'error500', text: DEFAULT_FAULT_TEXT });
    expect(faults.take('NoSuchMethod')).toEqual({ mode: 'error500', text: DEFAULT_FAULT_TEXT });
    expect(faults.state()).toMatchObject({ mode: 'error500', methods: null, remaining: null, faulted: 2 });
  });

  it('matches method names case-insensitively and a canonical name covers its aliases, not the reverse', () => {
    const faults = new NeoApiFaults();
    faults.set({ mode: 'reset', methods: ['login_campaign'] });
    expect(faults.take('Login_Campaign')).toEqual({ mode: 'reset' });
    expect(faults.take('Login_Campaña')).toEqual({ mode: 'reset' });
    expect(faults.take('Login')).toBeUndefined();
    faults.set({ mode: 'reset', methods: ['Login_Campaña'] });
    expect(faults.take('Login_Campaign')).toBeUndefined();
  });

  it('clears itself after count matching requests, leaving other methods uncounted', () => {
    const faults = new NeoApiFaults();
    faults.set({ mode: 'hang', methods: ['Position'], count: 2 });
    expect(faults.take('Login')).toBeUndefined();
    expect(faults.take('Position')).toEqual({ mode: 'hang' });
    expect(faults.state().remaining).toBe(1);
    expect(faults.take('Position')).toEqual({ mode: 'hang' });
    expect(faults.take('Position')).toBeUndefined();
    expect(faults.state().mode).toBe('none');
  });

  it('mode none clears the fault', () => {
    const faults = new NeoApiFaults();
    faults.set({ mode: 'error500', text: 'boom' });
    expect(faults.set({ mode: 'none', text: 'ignored' })).toMatchObject({ mode: 'none', text: null });
    expect(faults.take('Position')).toBeUndefined();
  });

  it('closes a hung socket cleanly when the fault is cleared', () => {
    const faults = new NeoApiFaults();
    const socket = new FakeSocket();
    faults.hold(socket.asSocket());
    expect(faults.state().hanging).toBe(1);
    faults.clear();
    expect([socket.ended, socket.destroyed]).toEqual([true, true]);
    expect(faults.state().hanging).toBe(0);
  });

  it('lets a hung socket go after the hang limit even if nobody clears the fault', () => {
    vi.useFakeTimers();
    const faults = new NeoApiFaults(5_000);
    const socket = new FakeSocket();
    faults.hold(socket.asSocket());
    vi.advanceTimersByTime(4_999);
    expect(socket.ended).toBe(false);
    vi.advanceTimersByTime(1);
    expect(socket.ended).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('forgets a hung socket and its timer when the client gives up first', () => {
    vi.useFakeTimers();
    const faults = new NeoApiFaults();
    const socket = new FakeSocket();
    faults.hold(socket.asSocket());
    socket.emit('close');
    expect(faults.state().hanging).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('knows the wire names, in any case', () => {
    expect([isNeoApiWireName('POSITION'), isNeoApiWireName('Login_Campaña'), isNeoApiWireName('Logn')]).toEqual([true, true, false]);
  });
});
