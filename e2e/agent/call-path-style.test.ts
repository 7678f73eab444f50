/**
 * Issue 18, "no forced layouts on the call path", in the real console: a keyboard user dials (the
 * Call button has the focus and goes away with the dial pad), the platform rings the agent's phone
 * and the phone answers that leg by itself, and the focus lands on Hang up. A Chromium trace of it,
 * with the JS stack of every style recalculation or layout that a script made Chromium compute on
 * the spot, must show none of the adapter's own except moving the focus (focus() computes the style
 * it changes) inside an idle callback, after the frame was drawn and with no network event waiting.
 *
 * Removing the focused Call button with the dial pad, or setting `hidden` on the pad, makes Blink
 * compute style and layout at once (docs/benchmarks.md, "Ninth pass" and "Eleventh pass (a)"): the
 * dial pad is hidden by the shell's stylesheet while the call starts, and the focus leaves it in
 * Chromium's own time.
 *
 * Counting events, not timing them: the check does not depend on the machine's load.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES, STACK_CATEGORIES, stackLine, styleAndLayoutOf, traceOf, type TraceEvent } from '../../bench/trace-summary.ts';
import { AgentConsole, type AgentTab } from './support/agent-console.ts';
import { focusedTestId, openReadyTab, untilStatus } from './support/agent-steps.ts';

const DIALLED = '1139990001';

describe('a dial, traced', () => {
  let rig: AgentConsole;
  let tab: AgentTab;
  beforeAll(async () => {
    rig = await AgentConsole.start();
    tab = await openReadyTab(rig, { neverAnswer: DIALLED });
  });
  afterAll(async () => {
    await rig.close();
  });

  it('makes Chromium compute style or layout early only to move the focus when idle', async () => {
    await tab.adapter.getByTestId('dial-input').fill(DIALLED);
    await tab.adapter.getByTestId('dial-button').focus();
    const session = await rig.context.newCDPSession(tab.page);
    const events = await traceOf(session, async () => {
      await tab.page.keyboard.press('Enter');
      await untilStatus(tab.adapter, ['inCall'], 20_000);
      await expect.poll(() => focusedTestId(tab.adapter), { timeout: 10_000, message: 'Hang up has the focus once the platform leg is answered' }).toBe('hang-up');
    }, [...CATEGORIES, ...STACK_CATEGORIES]);
    await session.detach().catch(() => undefined);

    const { forced, lifecycle } = styleAndLayoutOf(events);
    expect(lifecycle.n, 'the trace holds the frames of the dial (else it saw nothing)').toBeGreaterThan(0);
    const idle = events.filter((e: TraceEvent) => e.name === 'FireIdleCallback' && e.ph === 'X');
    const inIdle = (e: TraceEvent) => idle.some((i) => i.pid === e.pid && i.tid === e.tid && e.ts >= i.ts && e.ts <= i.ts + (i.dur ?? 0));
    const adapters = forced.filter((work) => work.stack.some((frame) => frame.url.includes('/softphone/')));
    const outsideIdle = adapters.filter((work) => !inIdle(work.event));
    expect(outsideIdle.map((work) => `${work.name} ← ${stackLine(work.stack, 8)}`), 'style or layout a script forced on the call path').toEqual([]);

    await tab.adapter.getByTestId('hang-up').click();
  });
});
