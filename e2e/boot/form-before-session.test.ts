/**
 * The login form does not wait for the session's code (docs/benchmarks.md, "Eleventh pass"): on a
 * Neotel call center the app validates the settings, draws the form from the view the session
 * starts from and marks `dialtone:ready`, while the session chunk (`assets/agent-session-*.js`:
 * the call machine, the runtime, NeoApi) still loads. Here that chunk's response is held: the form
 * must be drawn and usable all the same, a login submitted meanwhile makes the form busy and sends
 * nothing, and once the chunk arrives that very login goes through to Ready — nothing typed again.
 * With the form waiting for the chunk (the tenth pass's boot) nothing is drawn while it is held.
 */
import type { Route } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AgentConsole } from '../agent/support/agent-console.ts';
import { logIn, requestsOf, untilStatus } from '../agent/support/agent-steps.ts';

let rig: AgentConsole;

beforeAll(async () => {
  rig = await AgentConsole.start();
});

afterAll(async () => {
  await rig.close();
});

it('draws a usable login form while the session chunk is still on its way, and a login sent meanwhile waits for it, busy, then goes through', async () => {
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  let held = 0;
  const hold = async (route: Route) => {
    held += 1;
    await released;
    await route.continue();
  };
  await rig.context.route('**/assets/agent-session-*.js', hold);
  try {
    const { page, adapter } = await rig.openTab({ audioProbe: false });
    try {
      const device = adapter.getByTestId('login-device');
      await device.waitFor({ state: 'visible', timeout: 10_000 });
      expect(held, 'the session chunk was asked for and is held').toBe(1);
      expect(await adapter.evaluate(() => performance.getEntriesByName('dialtone:ready').length), 'ready is marked with the form drawn').toBe(1);
      expect(await device.isEditable(), 'the form is usable: its first field takes typing').toBe(true);

      const agent = rig.agent(0);
      await logIn(adapter, agent);
      await expect.poll(() => adapter.getByTestId('login-submit').isDisabled(), { message: 'the form is busy while its login waits' }).toBe(true);
      expect((await requestsOf(rig.neotel, 'Login')).filter((r) => r.params.USUARIO === agent.user), 'nothing is sent before the session runs').toEqual([]);

      release();
      await untilStatus(adapter, ['ready'], 15_000);
      expect((await requestsOf(rig.neotel, 'Login')).filter((r) => r.params.USUARIO === agent.user), 'the login typed before the chunk arrived, sent once').toHaveLength(1);
    } finally {
      await page.close();
    }
  } finally {
    release();
    await rig.context.unroute('**/assets/agent-session-*.js', hold);
  }
});
