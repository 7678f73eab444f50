/**
 * After a follower has the owner's whole state, a publish sends only the slices that changed, with
 * the owner's sequence number; a follower that misses one (a gap) asks for the whole state again
 * instead of applying a change on top of the wrong base.
 */
import { describe, expect, it, vi } from 'vitest';
import { applySlices, diffSlices } from '../../src/tabs/slices.ts';
import { FakeBrowser, FakeChannel } from './fake-browser.ts';
import { eventually, join, session, settle, type PhoneState } from './support.ts';

describe('the slices of a state', () => {
  const view = { agent: { phase: 'ready' }, notices: [1], options: { a: 1 } };
  const kit = { agent: { phase: 'ready' }, nextRequest: 3 };
  const before = { view, kit };

  it('names the changed keys two levels down, keeps unchanged slices out, and applies back to the same state', () => {
    const after = { view: { ...view, agent: { phase: 'dialing' } }, kit: { ...kit, nextRequest: 4 } };
    const patches = diffSlices(before, after);
    expect(patches).toEqual([
      { path: ['view', 'agent'], value: { phase: 'dialing' } },
      { path: ['kit', 'nextRequest'], value: 4 },
    ]);
    const applied = applySlices(before, patches ?? []);
    expect(applied).toEqual(after);
    expect(before.view.agent, 'the base is not changed').toEqual({ phase: 'ready' });
  });

  it('says when a key went away, and finds nothing in the same state', () => {
    const { options: _gone, ...rest } = view;
    const patches = diffSlices(before, { view: rest, kit });
    expect(patches).toEqual([{ path: ['view', 'options'], removed: true }]);
    expect(applySlices(before, patches ?? [])).toEqual({ view: rest, kit });
    expect(diffSlices(before, { ...before })).toEqual([]);
  });

  it('refuses a patch that does not fit the base, and a state that is not a plain object', () => {
    expect(applySlices({ view: 1 }, [{ path: ['view', 'agent'], value: 2 }])).toBeUndefined();
    expect(diffSlices([1], [2])).toBeUndefined();
  });
});

describe('deltas between tabs', () => {
  it('sends a follower only the changed slice, with the next sequence number', async () => {
    const browser = new FakeBrowser();
    const owner = await join(browser.openTab('A'));
    owner.publish(session(1));
    const follower = await join(browser.openTab('B'));
    await eventually(() => expect(follower.lastState).toEqual(session(1)));
    const posted = vi.spyOn(FakeChannel.prototype, 'postMessage');
    owner.publish(session(2));
    await eventually(() => expect(follower.lastState).toEqual(session(2)));
    expect(posted).toHaveBeenCalledTimes(1);
    expect(posted.mock.calls[0]?.[0]).toMatchObject({ type: 'delta', seq: 2, patches: [{ path: ['calls'], value: 2 }] });
    expect(posted.mock.calls[0]?.[0]).not.toHaveProperty('state');
    posted.mockRestore();
  });

  it('a follower that missed a delta asks for the whole state, never shows a mix, and follows deltas again', async () => {
    const browser = new FakeBrowser();
    const owner = await join(browser.openTab('A'));
    owner.publish(session(1));
    const follower = await join(browser.openTab('B'));
    await eventually(() => expect(follower.lastState).toEqual(session(1)));
    const seen: PhoneState[] = [];
    follower.onState((state) => seen.push(state));

    // Lost on the way: the device changes in a delta the follower never gets.
    const posted = vi.spyOn(FakeChannel.prototype, 'postMessage').mockImplementationOnce(() => undefined);
    owner.publish({ ...session(1), device: '2002' });
    posted.mockRestore();
    // The next delta changes only the calls: applied on the old base it would show device 2001.
    owner.publish({ ...session(2), device: '2002' });
    await eventually(() => expect(follower.lastState).toEqual({ ...session(2), device: '2002' }));
    expect(follower.resyncCount).toBe(1);
    expect(seen, 'no state mixing the old device with the new calls').toEqual([{ ...session(2), device: '2002' }]);

    owner.publish({ ...session(3), device: '2002' });
    await eventually(() => expect(follower.lastState).toEqual({ ...session(3), device: '2002' }));
    expect(follower.resyncCount).toBe(1);
  });

  it('asks once while the whole state is on its way, however many deltas arrive meanwhile', async () => {
    const browser = new FakeBrowser();
    const owner = await join(browser.openTab('A'));
    owner.publish(session(1));
    const follower = await join(browser.openTab('B'));
    await eventually(() => expect(follower.lastState).toEqual(session(1)));
    const posted = vi.spyOn(FakeChannel.prototype, 'postMessage').mockImplementationOnce(() => undefined);
    owner.publish(session(2));
    posted.mockRestore();
    for (let calls = 3; calls <= 6; calls++) owner.publish(session(calls));
    await settle();
    await eventually(() => expect(follower.lastState).toEqual(session(6)));
    expect(follower.resyncCount).toBe(1);
  });
});
