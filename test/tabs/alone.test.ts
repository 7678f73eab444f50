import { describe, expect, it } from 'vitest';
import type { LockManagerLike, TabId } from '../../src/tabs/index.ts';
import { FakeBrowser } from './fake-browser.ts';
import { join, session, settle, type PhoneIntent } from './support.ts';

describe('running alone when the browser cannot coordinate tabs', () => {
  it('behaves as an owner without coordination and says it has no Web Locks', async () => {
    const browser = new FakeBrowser();
    const link = await join(browser.openTab('A'), { locks: null });
    const heard: [PhoneIntent, TabId][] = [];
    link.onIntent((intent, from) => heard.push([intent, from]));

    link.publish(session(1));
    const outcome = await link.relay({ type: 'hang-up' });

    expect(link.role).toBe('alone');
    expect(link.aloneReason).toBe('no-web-locks');
    expect(link.lastState).toEqual(session(1));
    expect(outcome).toBe('delivered');
    expect(heard).toEqual([[{ type: 'hang-up' }, 'A']]);
  });

  it('runs alone, without taking a lock, when BroadcastChannel is missing', async () => {
    const browser = new FakeBrowser();
    const tab = browser.openTab('A');
    const link = await join(tab, { channel: null });
    const other = await join(browser.openTab('B'));

    expect(link.role).toBe('alone');
    expect(link.aloneReason).toBe('no-broadcast-channel');
    expect(other.role).toBe('owner');
  });

  it('runs alone when the browser refuses the lock request', async () => {
    const browser = new FakeBrowser();
    const refusing: LockManagerLike = { request: () => Promise.reject(new DOMException('Access denied', 'SecurityError')) };
    const link = await join(browser.openTab('A'), { locks: refusing });

    expect(link.role).toBe('alone');
    expect(link.aloneReason).toBe('locks-refused');
  });

  it('neither sends nor receives anything on the channel while alone', async () => {
    const browser = new FakeBrowser();
    const owner = await join(browser.openTab('A'));
    const alone = await join(browser.openTab('B'), { locks: null });
    const states: unknown[] = [];
    alone.onState((state) => states.push(state));

    owner.publish(session(1));
    alone.publish(session(2));
    await settle();

    expect(states).toEqual([]);
    expect(owner.lastState).toEqual(session(1));
    expect(owner.ignoredMessages).toBe(0);
  });
});
