/**
 * The set-up most single-agent e2e files share: one Lightning console under an https
 * `*.lightning.force.com` host (the real library's origin rule) against the Neotel simulator, one
 * tab with the first agent logged in and Ready (`openReadyTab`), the page's errors printed and the
 * rig closed at the end. Call it at the top of a test file; read `suite.rig` and `suite.tab` in
 * the tests.
 */
import { afterAll, beforeAll } from 'vitest';
import { AgentConsole, type AgentTab } from './agent-console.ts';
import { openReadyTab } from './agent-steps.ts';

export interface ReadyTabSuite {
  readonly rig: AgentConsole;
  readonly tab: AgentTab;
}

export function readyTabSuite(): ReadyTabSuite {
  let rig: AgentConsole | undefined;
  let tab: AgentTab | undefined;
  beforeAll(async () => {
    rig = await AgentConsole.start({}, { salesforceHost: true });
    tab = await openReadyTab(rig);
  });
  afterAll(async () => {
    if (tab && tab.errors.length > 0) console.info('page errors:', tab.errors);
    await rig?.close();
  });
  return {
    get rig() {
      if (!rig) throw new Error('readyTabSuite: the rig is read before beforeAll started it');
      return rig;
    },
    get tab() {
      if (!tab) throw new Error('readyTabSuite: the tab is read before beforeAll opened it');
      return tab;
    },
  };
}
