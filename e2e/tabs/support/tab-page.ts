/**
 * The test page of e2e/tabs: one Dialtone tab link under a fixed name, with everything it hears
 * recorded on `window.tabTest` for the test to read (timestamps with Date.now(): the test's
 * Node process shares the clock).
 */
import { joinTabs, type RelayOutcome, type TabLink, type TabRole } from '../../../src/tabs/index.ts';

export interface PageState {
  agent: string;
  sipPassword: string;
  calls: number;
}

export interface PageIntent {
  type: 'hang-up' | 'dial';
  number?: string;
}

export interface TabTest {
  link: TabLink<PageState, PageIntent>;
  joinedAt: number;
  roleChanges: { role: TabRole; lastState: PageState | undefined; at: number }[];
  states: { state: PageState; at: number }[];
  intents: { intent: PageIntent; from: string }[];
  relay(intent: PageIntent): Promise<RelayOutcome>;
}

declare global {
  interface Window {
    tabTest?: TabTest;
  }
}

const link = await joinTabs<PageState, PageIntent>({ name: 'dialtone:e2e' });
const tabTest: TabTest = {
  link,
  joinedAt: Date.now(),
  roleChanges: [],
  states: [],
  intents: [],
  relay: (intent) => link.relay(intent),
};
link.onRoleChange((role, lastState) => tabTest.roleChanges.push({ role, lastState, at: Date.now() }));
link.onState((state) => tabTest.states.push({ state, at: Date.now() }));
link.onIntent((intent, from) => tabTest.intents.push({ intent, from }));
window.tabTest = tabTest;
document.title = `tab ${link.tabId}`;
