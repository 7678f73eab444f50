import { afterEach, vi } from 'vitest';
import { joinTabs, type JoinTabsOptions, type TabLink } from '../../src/tabs/index.ts';
import type { FakeTab } from './fake-browser.ts';

/** What the tests' owner publishes: the in-memory session a takeover needs. */
export interface PhoneState {
  agent: string;
  device: string;
  sipPassword: string;
  calls: number;
}

/** What a follower's agent clicks. */
export type PhoneIntent = { type: 'hang-up' } | { type: 'dial'; number: string };

export const NAME = 'dialtone:CC_Test';

const links: TabLink<PhoneState, PhoneIntent>[] = [];
afterEach(() => {
  for (const link of links.splice(0)) link.close();
});

/** Joins `tab` to the test group; closed after each test. */
export async function join(tab: FakeTab, options: Partial<JoinTabsOptions<PhoneState, PhoneIntent>> = {}): Promise<TabLink<PhoneState, PhoneIntent>> {
  const link = await joinTabs<PhoneState, PhoneIntent>({ name: NAME, locks: tab.locks, channel: tab.channel, tabId: tab.label, ...options });
  links.push(link);
  return link;
}

/** Waits for the fake browser's queued tasks (message delivery, lock grants) to run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

/** Waits until `check` stops throwing (fake deliveries are asynchronous). */
export function eventually(check: () => void): Promise<void> {
  return vi.waitFor(check, { timeout: 1000, interval: 2 });
}

export const session = (calls: number): PhoneState => ({ agent: 'agent07', device: '2001', sipPassword: 's3cret', calls });
