import { describe, expect, it } from 'vitest';
import { LazyPhone } from '../../src/app/lazy-phone.ts';
import type { SipPhoneError, SipPhoneOptions } from '../../src/sip/index.ts';

const options = {} as SipPhoneOptions;

/** A stand-in for the sip.js chunk: records what the phone was asked and lets the test emit. */
function fakeChunk() {
  const calls: string[] = [];
  const listeners = new Map<string, ((...args: unknown[]) => void)[]>();
  class SipPhone {
    state = 'unregistered';
    on(name: string, listener: (...args: unknown[]) => void) {
      listeners.set(name, [...(listeners.get(name) ?? []), listener]);
      return () => listeners.set(name, (listeners.get(name) ?? []).filter((l) => l !== listener));
    }
    register() {
      calls.push('register');
      return Promise.resolve();
    }
    dispose() {
      calls.push('dispose');
      return Promise.resolve();
    }
  }
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const load = () => gate.then(() => ({ SipPhone }) as never);
  const emit = (name: string, ...args: unknown[]) => (listeners.get(name) ?? []).forEach((l) => l(...args));
  return { calls, load, release, emit, listeners };
}

describe('LazyPhone (sip.js loaded after start-up)', () => {
  it('registers only once the chunk is in, and keeps the listeners added before', async () => {
    const chunk = fakeChunk();
    const phone = new LazyPhone(options, chunk.load);
    const seen: unknown[] = [];
    phone.on('incoming', (call) => seen.push(call));
    const removed: unknown[] = [];
    phone.on('ringing', (r) => removed.push(r))();
    expect(phone.state).toBe('unregistered');
    const registering = phone.register();
    expect(chunk.calls).toEqual([]);
    chunk.release();
    await registering;
    expect(chunk.calls).toEqual(['register']);
    chunk.emit('incoming', { id: 'call-1' });
    chunk.emit('ringing', true);
    expect(seen).toEqual([{ id: 'call-1' }]);
    expect(removed).toEqual([]);
  });

  it('a chunk that fails to load is a failed registration with the cause, not a crash', async () => {
    const phone = new LazyPhone(options, () => Promise.reject(new Error('Failed to fetch dynamically imported module: sip-phone.js')));
    const states: [string, SipPhoneError | undefined][] = [];
    phone.on('registration', (state, error) => states.push([state, error]));
    await expect(phone.register()).rejects.toThrow(/sip\.js chunk\) did not load.*Failed to fetch/);
    expect(states).toHaveLength(1);
    expect(states[0]?.[0]).toBe('failed');
    expect(states[0]?.[1]?.code).toBe('transport-failed');
    expect(() => phone.mute()).toThrow(/not registered yet/);
    await phone.dispose();
  });

  it('disposed before the chunk arrived: the real phone is disposed when it is made', async () => {
    const chunk = fakeChunk();
    const phone = new LazyPhone(options, chunk.load);
    await phone.dispose();
    chunk.release();
    await new Promise((r) => setTimeout(r, 0));
    expect(chunk.calls).toEqual(['dispose']);
  });
});
