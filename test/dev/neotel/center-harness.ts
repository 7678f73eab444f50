/**
 * A contact center on a FakePbx with a pinned clock, for the unit tests. Timers run for real but
 * with zero delays (customers answer at once, no ring waits), so `settle()` lets a flow finish.
 */
import { ManualClock } from '../../../dev/neotel/center/clock.ts';
import { ContactCenter } from '../../../dev/neotel/center/contact-center.ts';
import { loadDefaultScenario, parseScenario } from '../../../dev/neotel/scenario/load.ts';
import type { Scenario } from '../../../dev/neotel/scenario/schema.ts';
import { parsePosition, type ParsedPosition } from '../../../src/platforms/neotel/position.ts';
import { FakePbx, type FakePbxOptions } from './fake-pbx.ts';

/** 14/07/2024 04:01:50 p.m. in Buenos Aires (UTC-3). */
export const T0 = Date.UTC(2024, 6, 14, 19, 1, 50);

/** The default scenario with instant answers and the dialer stopped (tests start it). */
export function testScenario(patch: (s: Scenario) => void = () => undefined): Scenario {
  const scenario = structuredClone(loadDefaultScenario());
  scenario.dialer = { ...scenario.dialer, autoStart: false, intervalMs: 20, customerAnswerAfterMs: 0, previewDelayMs: 30, requeueDelayMs: 20 };
  patch(scenario);
  return parseScenario(scenario, 'test scenario');
}

export interface Harness {
  center: ContactCenter;
  pbx: FakePbx;
  clock: ManualClock;
  /** Position of a user, through the client's parser (so every test also round-trips it). */
  position(user: string): ParsedPosition;
  raw(user: string): string;
  /** Registers the device and logs the user in (and into a campaign when given). */
  loginAgent(user: string, campaign?: number): void;
}

export function makeHarness(options: { scenario?: Scenario; pbx?: FakePbxOptions } = {}): Harness {
  const pbx = new FakePbx(options.pbx);
  const clock = new ManualClock(T0);
  const center = new ContactCenter({ scenario: options.scenario ?? testScenario(), pbx, clock });
  const raw = (user: string): string => center.position(user);
  return {
    center,
    pbx,
    clock,
    raw,
    position: (user) => {
      const parsed = parsePosition(raw(user));
      if (parsed.problems.length > 0) throw new Error(`Position of ${user} did not parse cleanly: ${JSON.stringify(parsed.problems)}`);
      return parsed;
    },
    loginAgent: (user, campaign) => {
      pbx.register(`SIP/${user}`);
      center.login(`SIP/${user}`, user, '1234');
      if (campaign !== undefined) center.loginCampaign(user, campaign);
    },
  };
}

/** Lets timers and microtasks run (zero-delay answers, distribution passes). */
export async function settle(ms = 30): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

/** Waits until `check` passes (bounded: 2 s), re-running it every 10 ms; `check` may be async. */
export async function eventually(check: () => void | Promise<void>, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await settle(10);
    }
  }
}
