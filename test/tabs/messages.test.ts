import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, joinTabs } from '../../src/tabs/index.ts';
import { FakeBrowser } from './fake-browser.ts';
import { NAME, eventually, join, session, settle, type PhoneIntent, type PhoneState } from './support.ts';

const garbage: unknown[] = [
  null,
  'hello',
  42,
  [],
  { v: PROTOCOL_VERSION + 1, type: 'state', from: 'X', state: { agent: 'intruder' } },
  { v: PROTOCOL_VERSION, type: 'state', state: { agent: 'no sender' } },
  { v: PROTOCOL_VERSION, type: 'reboot', from: 'X' },
  { v: PROTOCOL_VERSION, type: 'intent', from: 'X', to: 'A', id: -1, intent: { type: 'hang-up' } },
  { v: PROTOCOL_VERSION, type: 'intent', from: 'X', id: 1, intent: { type: 'hang-up' } },
  { v: PROTOCOL_VERSION, type: 'ack', from: '', to: 'B', id: 0 },
  { v: PROTOCOL_VERSION, type: 'delta', from: 'X', seq: 0, patches: [] },
  { v: PROTOCOL_VERSION, type: 'delta', from: 'X', seq: 1, patches: [{ path: ['__proto__'], value: { agent: 'intruder' } }] },
  { v: PROTOCOL_VERSION, type: 'delta', from: 'X', seq: 1, patches: [{ path: ['a', 'b', 'c'], value: 1 }] },
  { v: PROTOCOL_VERSION, type: 'delta', from: 'X', seq: 1, patches: [{ path: ['calls'] }] },
  { type: 'hello', from: 'X' },
];

describe('validating what arrives on the channel', () => {
  it('ignores and counts malformed and foreign-version messages, on the owner and on a follower, without throwing', async () => {
    const browser = new FakeBrowser();
    const owner = await join(browser.openTab('A'));
    const follower = await join(browser.openTab('B'));
    const intents: PhoneIntent[] = [];
    const states: PhoneState[] = [];
    owner.onIntent((intent) => intents.push(intent));
    follower.onState((state) => states.push(state));
    await settle();

    for (const data of garbage) browser.inject(NAME, data);
    await settle();

    expect(owner.ignoredMessages).toBe(garbage.length);
    expect(follower.ignoredMessages).toBe(garbage.length);
    expect(intents).toEqual([]);
    expect(states).toEqual([]);
    expect([owner.role, follower.role]).toEqual(['owner', 'follower']);
  });

  it('ignores a state the app’s guard refuses and keeps the last good one', async () => {
    const browser = new FakeBrowser();
    const isState = (value: unknown): value is PhoneState => typeof (value as { calls?: unknown }).calls === 'number';
    const owner = await join(browser.openTab('A'));
    const follower = await join(browser.openTab('B'), { isState });
    owner.publish(session(1));
    await eventually(() => expect(follower.lastState).toEqual(session(1)));

    browser.inject(NAME, { v: PROTOCOL_VERSION, type: 'state', from: 'A', state: { calls: 'many' } });
    await settle();

    expect(follower.lastState).toEqual(session(1));
    expect(follower.ignoredMessages).toBe(1);
  });

  it('does not count messages addressed to another tab as malformed', async () => {
    const browser = new FakeBrowser();
    await join(browser.openTab('A'));
    const first = await join(browser.openTab('B'));
    const second = await join(browser.openTab('C'));
    await settle();

    await first.relay({ type: 'hang-up' });
    await settle();

    expect(second.ignoredMessages).toBe(0);
    expect(first.ignoredMessages).toBe(0);
  });

  it('refuses a state that cannot cross tabs and keeps the previous one', async () => {
    const browser = new FakeBrowser();
    const owner = await join(browser.openTab('A'));
    owner.publish(session(1));
    const bad = { ...session(2), hangUp: () => undefined } as unknown as PhoneState;

    expect(() => owner.publish(bad)).toThrow(expect.objectContaining({ code: 'NOT_SERIALISABLE' }));
    expect(owner.lastState).toEqual(session(1));
  });

  it('refuses an empty name, quoting it and saying what a name looks like', async () => {
    const browser = new FakeBrowser();
    const tab = browser.openTab('A');
    await expect(joinTabs({ name: ' ', locks: tab.locks, channel: tab.channel })).rejects.toMatchObject({
      code: 'INVALID_NAME',
      message: expect.stringMatching(/got " ".*dialtone:<callCenterInternalName>/),
    });
  });
});
