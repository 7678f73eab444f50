/**
 * The panel's hello to a phone window that runs (its lock held) waits for the answer itself, not
 * for a check every 25 ms: that check ran for up to 3 s after every panel's start (120 main-thread
 * tasks, inside the idle benchmark's window, docs/benchmarks.md "Tenth pass (b)").
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PhoneWindowLink, type PhoneWindowLinkHooks } from '../../src/app/phone-window-link.ts';
import { phoneWindowChannel } from '../../src/app/phone-window-protocol.ts';

class FakeChannel {
  onmessage: ((event: MessageEvent<unknown>) => void) | null = null;
  readonly sent: unknown[] = [];
  postMessage(message: unknown): void {
    this.sent.push(message);
  }
}

const hooks = (): PhoneWindowLinkHooks => ({ mirror: () => undefined, windowHasSession: () => undefined, ownKit: () => null, gone: () => undefined, changed: () => undefined, warn: () => undefined });

let channel: FakeChannel;
beforeEach(() => {
  vi.useFakeTimers();
  channel = new FakeChannel();
  const handle = {
    BroadcastChannel: () => channel,
    locks: {
      // The window's lock is held: the panel waits for its answer.
      query: () => Promise.resolve({ held: [{ name: phoneWindowChannel('CC') }] }),
      request: () => new Promise(() => undefined),
    },
  };
  vi.stubGlobal('addEventListener', () => undefined);
  vi.stubGlobal('document', { requestStorageAccess: () => Promise.resolve(handle) });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the phone-window hello', () => {
  it('resolves on the window\'s answer with one timer pending, not a 25 ms check', async () => {
    const link = new PhoneWindowLink('CC', hooks());
    let found = false;
    const finding = link.find(false).then(() => {
      found = true;
    });
    await vi.waitFor(() => expect(channel.sent).toContainEqual(expect.objectContaining({ type: 'hello' })));
    await vi.advanceTimersByTimeAsync(0);
    expect(vi.getTimerCount(), 'the answer\'s deadline only').toBe(1);
    channel.onmessage?.({ data: { pw: 1, type: 'state', from: 'window', state: { view: { agent: { phase: 'loggedOut' } }, kit: { agent: { phase: 'loggedOut' } } } } } as MessageEvent<unknown>);
    // No timer advanced: the answer itself ends the wait.
    await Promise.resolve();
    await Promise.resolve();
    expect(found).toBe(true);
    expect(link.isConnected).toBe(true);
    expect(vi.getTimerCount(), 'nothing left ticking').toBe(0);
    await finding;
  });

  it('gives up after 3 s without an answer', async () => {
    const link = new PhoneWindowLink('CC', hooks());
    let found = false;
    void link.find(false).then(() => {
      found = true;
    });
    await vi.waitFor(() => expect(channel.sent).toContainEqual(expect.objectContaining({ type: 'hello' })));
    await vi.advanceTimersByTimeAsync(2_900);
    expect(found).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    expect(found).toBe(true);
    expect(link.isConnected).toBe(false);
  });
});
