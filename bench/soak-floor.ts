/**
 * The floor's side of the call soak (../shared/DESIGN.md: memory, like speed, is read against a
 * bare floor page in one interleaved run): the plain sip.js page of bench/floor, logged in as a
 * second agent of the same Neotel simulator, takes the same inbound queue calls as Dialtone, one
 * after each of Dialtone's. It answers each at once (the floor has no answer button), the customer
 * hangs up, and before its next call it releases the record with NeoApi `CRM_Available`, the
 * request Dialtone's Play sends.
 *
 * It runs in a browser of its own (same Chromium, same flags, a throwaway profile): the floor is
 * served at the adapter's origin, and Chromium would put two same-site documents of one browser
 * in one renderer process, whose one V8 isolate the heap reading covers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import type { AgentConsole } from '../e2e/agent/support/agent-console.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/support/browser.ts';
import { TRACKER_SCRIPT } from './agent-bench.ts';
import { FLOOR_DIR } from './floor-compare.ts';
import { SoakDriver } from './soak-driver.ts';

/** The floor page, logged in and driven like Dialtone's frame. */
export interface FloorSide {
  readonly session: CDPSession;
  readonly driver: SoakDriver;
  readonly page: Page;
  close(): Promise<void>;
}

/** Opens the floor page (dist/bench-floor must be built) as the scenario's agent `agentIndex`, and waits until it is logged in. */
export async function openFloorSide(rig: AgentConsole, agentIndex: number): Promise<FloorSide> {
  const agent = rig.agent(agentIndex);
  const served = rig.neotelServer;
  const query = new URLSearchParams({ ws: served.sipUrl, domain: new URL(served.url).hostname, user: agent.user, sipPassword: agent.devicePassword, neoApi: served.neoApiUrl, password: agent.password });
  const profileDir = mkdtempSync(join(tmpdir(), 'dialtone-floor-profile-'));
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profileDir, { executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS] });
    await context.addInitScript({ content: TRACKER_SCRIPT });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${served.url}/softphone/${FLOOR_DIR}/index.html?${query.toString()}`);
    const session = await context.newCDPSession(page);
    const driver = new SoakDriver(session);
    await driver.install();
    await driver.until('#state[data-state="ready"]', 20_000);
    const opened = context;
    return {
      session,
      driver,
      page,
      close: async () => {
        await opened.close().catch(() => undefined);
        rmSync(profileDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context?.close().catch(() => undefined);
    rmSync(profileDir, { recursive: true, force: true });
    throw error;
  }
}

/** Releases the last call's record (what Play sends), so the platform offers the floor the next call. */
export async function floorAvailable(floor: FloorSide): Promise<void> {
  const status = await floor.driver.run<number>('floorAvailable()');
  if (status !== 200) throw new Error(`the floor page's CRM_Available answered HTTP ${status}; expected 200`);
}
