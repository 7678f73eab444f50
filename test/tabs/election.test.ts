import { describe, expect, it } from 'vitest';
import type { TabLink, TabRole } from '../../src/tabs/index.ts';
import { FakeBrowser } from './fake-browser.ts';
import { NAME, eventually, join, session, settle, type PhoneIntent, type PhoneState } from './support.ts';

describe('electing the tab that owns the phone', () => {
  it('makes the first tab the owner and the tabs that join after it followers', async () => {
    const browser = new FakeBrowser();
    const first = await join(browser.openTab('A'));
    const second = await join(browser.openTab('B'));
    const third = await join(browser.openTab('C'));

    expect([first.role, second.role, third.role]).toEqual(['owner', 'follower', 'follower']);
    expect(browser.holder(NAME)).toBe('A');
  });

  it('elects exactly one owner when many tabs load in the same instant', async () => {
    const browser = new FakeBrowser();
    const links = await Promise.all(['A', 'B', 'C', 'D', 'E'].map((label) => join(browser.openTab(label))));

    const owners = links.filter((link) => link.role === 'owner');
    expect(owners).toHaveLength(1);
    expect(browser.holder(NAME)).toBe(owners[0]!.tabId);
    expect(links.filter((link) => link.role === 'follower')).toHaveLength(4);
  });

  it('hands the phone to a follower, with the last state the owner published, when the owner closes', async () => {
    const browser = new FakeBrowser();
    const owner = await join(browser.openTab('A'));
    const follower = await join(browser.openTab('B'));
    const changes: [TabRole, PhoneState | undefined][] = [];
    follower.onRoleChange((role, lastState) => changes.push([role, lastState]));
    owner.publish(session(1));
    owner.publish(session(2));
    await eventually(() => expect(follower.lastState).toEqual(session(2)));

    owner.close();

    await eventually(() => expect(follower.role).toBe('owner'));
    expect(changes).toEqual([['owner', session(2)]]);
    expect(owner.role).toBe('closed');
    expect(browser.holder(NAME)).toBe('B');
  });

  it('takes over when the owner tab crashes without closing', async () => {
    const browser = new FakeBrowser();
    const ownerTab = browser.openTab('A');
    const owner = await join(ownerTab);
    const follower = await join(browser.openTab('B'));
    owner.publish(session(3));
    await eventually(() => expect(follower.lastState).toEqual(session(3)));

    ownerTab.crash();

    await eventually(() => expect(follower.role).toBe('owner'));
    expect(follower.lastState).toEqual(session(3));
  });

  it('passes the phone on in the order the tabs joined as owners leave one after another', async () => {
    const browser = new FakeBrowser();
    const links: TabLink<PhoneState, PhoneIntent>[] = [];
    for (const label of ['A', 'B', 'C', 'D']) links.push(await join(browser.openTab(label)));

    for (const [index, link] of links.slice(0, 3).entries()) {
      link.close();
      await eventually(() => expect(links[index + 1]!.role).toBe('owner'));
      expect(links.slice(index + 2).map((other) => other.role)).toEqual(links.slice(index + 2).map(() => 'follower'));
    }
    expect(browser.grants).toEqual(['A', 'B', 'C', 'D']);
  });

  it('tells the remaining followers about the new owner and its inherited state', async () => {
    const browser = new FakeBrowser();
    const owner = await join(browser.openTab('A'));
    const heir = await join(browser.openTab('B'));
    const other = await join(browser.openTab('C'));
    owner.publish(session(4));
    await eventually(() => expect(other.lastState).toEqual(session(4)));
    const received: PhoneState[] = [];
    other.onState((state) => received.push(state));

    owner.close();
    await eventually(() => expect(heir.role).toBe('owner'));
    heir.publish(session(5));

    await eventually(() => expect(received).toEqual([session(4), session(5)]));
    expect(other.role).toBe('follower');
  });

  it('gives a tab that joins late the latest state without waiting for the next publish', async () => {
    const browser = new FakeBrowser();
    const owner = await join(browser.openTab('A'));
    owner.publish(session(6));
    owner.publish(session(7));

    const late = await join(browser.openTab('B'));
    const received: PhoneState[] = [];
    late.onState((state) => received.push(state));

    await eventually(() => expect(received).toEqual([session(7)]));
    expect(late.lastState).toEqual(session(7));
  });

  it('applies each state once when the answer to a hello crosses a publish', async () => {
    const browser = new FakeBrowser();
    const owner = await join(browser.openTab('A'));
    owner.publish(session(1));
    const follower = await join(browser.openTab('B'));
    const received: PhoneState[] = [];
    follower.onState((state) => received.push(state));

    owner.publish(session(2));
    await settle();
    owner.publish(session(3));

    await eventually(() => expect(received.at(-1)).toEqual(session(3)));
    await settle();
    expect(received).toEqual([session(2), session(3)]);
  });

  it('refuses publish() on a follower and says only the owner publishes', async () => {
    const browser = new FakeBrowser();
    await join(browser.openTab('A'));
    const follower = await join(browser.openTab('B'));

    expect(() => follower.publish(session(1))).toThrow(expect.objectContaining({ code: 'NOT_OWNER', message: expect.stringContaining('follower') }));
  });
});

describe('closing a link', () => {
  it('is idempotent: the second close() changes nothing and the lock passes on once', async () => {
    const browser = new FakeBrowser();
    const owner = await join(browser.openTab('A'));
    const next = await join(browser.openTab('B'));
    const last = await join(browser.openTab('C'));

    owner.close();
    owner.close();
    await eventually(() => expect(next.role).toBe('owner'));
    await settle();

    expect(last.role).toBe('follower');
    expect(browser.grants).toEqual(['A', 'B']);
  });

  it('leaves the queue when a follower closes, so it never becomes owner', async () => {
    const browser = new FakeBrowser();
    const owner = await join(browser.openTab('A'));
    const gone = await join(browser.openTab('B'));
    const next = await join(browser.openTab('C'));
    const roles: TabRole[] = [];
    gone.onRoleChange((role) => roles.push(role));

    gone.close();
    owner.close();

    await eventually(() => expect(next.role).toBe('owner'));
    expect(gone.role).toBe('closed');
    expect(roles).toEqual([]);
    expect(browser.holder(NAME)).toBe('C');
  });

  it('turns publish into a no-op and relays into unconfirmed after close()', async () => {
    const browser = new FakeBrowser();
    const owner = await join(browser.openTab('A'));
    const intents: unknown[] = [];
    owner.onIntent((intent) => intents.push(intent));
    owner.close();

    owner.publish(session(9));
    await expect(owner.relay({ type: 'hang-up' })).resolves.toBe('unconfirmed');
    expect(owner.lastState).toBeUndefined();
    expect(intents).toEqual([]);
  });
});
