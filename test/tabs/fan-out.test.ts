import { describe, expect, it, vi } from 'vitest';
import { FakeBrowser, FakeChannel } from './fake-browser.ts';
import { eventually, join, session, settle } from './support.ts';

describe('the owner’s fan-out', () => {
  it('posts nothing while no other tab has joined, and the state reaches the first follower that does', async () => {
    const browser = new FakeBrowser();
    const posted = vi.spyOn(FakeChannel.prototype, 'postMessage');
    const owner = await join(browser.openTab('A'));
    owner.publish(session(1));
    owner.publish(session(2));
    await settle();
    expect(posted).not.toHaveBeenCalled();
    expect(owner.lastState).toEqual(session(2));

    const follower = await join(browser.openTab('B'));
    await eventually(() => expect(follower.lastState).toEqual(session(2)));
    posted.mockClear();
    owner.publish(session(3));
    await eventually(() => expect(follower.lastState).toEqual(session(3)));
    expect(posted).toHaveBeenCalledTimes(1);
    posted.mockRestore();
  });

  it('still refuses a state that cannot cross tabs when no other tab listens', async () => {
    const browser = new FakeBrowser();
    const owner = await join(browser.openTab('A'));
    expect(() => owner.publish({ ...session(1), calls: (() => 1) as unknown as number })).toThrow(expect.objectContaining({ code: 'NOT_SERIALISABLE' }));
  });
});
