import { describe, expect, it } from 'vitest';
import type { TabId } from '../../src/tabs/index.ts';
import { FakeBrowser } from './fake-browser.ts';
import { eventually, join, settle, type PhoneIntent } from './support.ts';

describe('relaying the agent’s clicks to the owner', () => {
  it('delivers a follower’s intent to the owner only, with the follower’s tab id, and confirms it', async () => {
    const browser = new FakeBrowser();
    const links = [await join(browser.openTab('A')), await join(browser.openTab('B')), await join(browser.openTab('C'))];
    const heard = links.map(() => [] as [PhoneIntent, TabId][]);
    links.forEach((link, index) => link.onIntent((intent, from) => heard[index]!.push([intent, from])));
    await settle();

    const outcome = await links[2]!.relay({ type: 'dial', number: '+34600111222' });

    expect(outcome).toBe('delivered');
    expect(heard).toEqual([[[{ type: 'dial', number: '+34600111222' }, 'C']], [], []]);
  });

  it('runs an intent relayed on the owner itself, in place', async () => {
    const browser = new FakeBrowser();
    const owner = await join(browser.openTab('A'));
    const heard: [PhoneIntent, TabId][] = [];
    owner.onIntent((intent, from) => heard.push([intent, from]));

    await expect(owner.relay({ type: 'hang-up' })).resolves.toBe('delivered');
    expect(heard).toEqual([[{ type: 'hang-up' }, 'A']]);
  });

  it('sends an intent relayed before the follower knows the owner once the owner answers', async () => {
    const browser = new FakeBrowser();
    const owner = await join(browser.openTab('A'));
    const heard: PhoneIntent[] = [];
    owner.onIntent((intent) => heard.push(intent));

    const follower = await join(browser.openTab('B'));
    const outcome = await follower.relay({ type: 'hang-up' });

    expect(outcome).toBe('delivered');
    expect(heard).toEqual([{ type: 'hang-up' }]);
  });

  it('does not re-send an unconfirmed intent to the next owner (at most once)', async () => {
    const browser = new FakeBrowser();
    const ownerTab = browser.openTab('A');
    await join(ownerTab);
    const heir = await join(browser.openTab('B'));
    const clicker = await join(browser.openTab('C'));
    const heirHeard: PhoneIntent[] = [];
    heir.onIntent((intent) => heirHeard.push(intent));
    await settle();

    const outcome = clicker.relay({ type: 'hang-up' });
    ownerTab.crash();

    await expect(outcome).resolves.toBe('unconfirmed');
    await eventually(() => expect(heir.role).toBe('owner'));
    await settle();
    expect(heirHeard).toEqual([]);
  });

  it('gives up an intent the owner never acknowledges after the timeout', async () => {
    const browser = new FakeBrowser();
    const isIntent = (value: unknown): value is PhoneIntent => (value as { type?: unknown }).type === 'hang-up';
    const owner = await join(browser.openTab('A'), { isIntent });
    const follower = await join(browser.openTab('B'), { ackTimeoutMs: 50 });
    const heard: PhoneIntent[] = [];
    owner.onIntent((intent) => heard.push(intent));
    await settle();

    const started = Date.now();
    const outcome = await follower.relay({ type: 'dial', number: '123' });

    expect(outcome).toBe('unconfirmed');
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    expect(heard).toEqual([]);
    expect(owner.ignoredMessages).toBe(1);
  });

  it('gives up what it relayed to the old owner when it becomes the owner itself', async () => {
    const browser = new FakeBrowser();
    const ownerTab = browser.openTab('A');
    await join(ownerTab);
    const follower = await join(browser.openTab('B'), { ackTimeoutMs: 60_000 });
    const heard: PhoneIntent[] = [];
    follower.onIntent((intent) => heard.push(intent));
    await settle();

    const outcome = follower.relay({ type: 'hang-up' });
    ownerTab.crash();

    await expect(outcome).resolves.toBe('unconfirmed');
    expect(follower.role).toBe('owner');
    expect(heard).toEqual([]);
  });

  it('refuses an intent that cannot cross tabs, naming what was wrong', async () => {
    const browser = new FakeBrowser();
    await join(browser.openTab('A'));
    const follower = await join(browser.openTab('B'));
    const intent = { type: 'hang-up', then: () => undefined } as unknown as PhoneIntent;

    expect(() => follower.relay(intent)).toThrow(expect.objectContaining({ code: 'NOT_SERIALISABLE', message: expect.stringContaining('structuredClone') }));
  });
});
