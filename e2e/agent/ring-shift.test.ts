/**
 * Issue 15, end to end: the ringing card's Answer and Decline do not move while the card fills in.
 * The built adapter in the Lightning console emulator against the Neotel simulator. The platform
 * names the call at once (the simulator, like Neotel, sends the queue's name as the caller's
 * display name); the screen pop's reply, held back 1.5 s (the emulator's LATE_REPLY), then brings
 * a Contact whose name wraps onto two lines. Both buttons' boxes are read in the adapter's frame
 * at every animation frame from the card's first draw until the record's name is drawn.
 * (e2e/components/incoming-call-shift.test.ts does the same in the harness, in es/pt/en.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentConsole, type AgentTab } from './support/agent-console.ts';
import { openReadyTab, waitForStatus } from './support/agent-steps.ts';
import { boxesInOrder, moved, recordRingFrames, recordedRingFrames } from '../support/ring-frames.ts';

const LONG_NAME = 'Fernández-Villaverde y Rodríguez de la Fuente Montenegro';

let rig: AgentConsole;
let tab: AgentTab;

beforeAll(async () => {
  rig = await AgentConsole.start({}, { salesforceHost: true });
  tab = await openReadyTab(rig);
});

afterAll(async () => {
  if (tab.errors.length > 0) console.info('page errors:', tab.errors);
  await rig.close();
});

describe('the ringing card in the panel', () => {
  it('keeps Answer and Decline in place from the first frame until the late record names the caller', async () => {
    const created = await rig.lightning.createRecord('Contact', { LastName: LONG_NAME, Phone: '0299 555-7878' });
    expect(created.ok, 'the Contact is created').toBe(true);
    await tab.adapter.evaluate(recordRingFrames);
    await rig.lightning.inject({ methodName: 'searchAndScreenPop', kind: 'LATE_REPLY', delayMs: 1_500, count: 1 });
    const { callId } = await rig.neotel.placeInbound({ number: '2995557878', queue: 4 });
    await waitForStatus(tab.adapter, 'ringing');
    await tab.adapter.locator('[data-testid=incoming-name]', { hasText: LONG_NAME }).waitFor({ timeout: 10_000 });
    await tab.adapter.waitForTimeout(300);
    const frames = await tab.adapter.evaluate(recordedRingFrames);
    await rig.neotel.hangup(callId);
    await waitForStatus(tab.adapter, 'ready');
    await rig.lightning.clearInjections();

    expect(frames.filter((f) => f.name !== LONG_NAME).length, 'frames drawn before the record named the caller').toBeGreaterThan(0);
    expect(frames.filter((f) => f.name === LONG_NAME).length, 'frames drawn after').toBeGreaterThan(0);
    const [first] = frames;
    if (!first) throw new Error('no frame with Answer drawn');
    expect(Math.max(...frames.map((f) => moved(first.answer, f.answer))), `Answer's boxes (x,y,w,h): ${boxesInOrder(frames.map((f) => f.answer))}`).toBeLessThanOrEqual(0.5);
    expect(Math.max(...frames.map((f) => moved(first.decline, f.decline))), 'Decline moved').toBeLessThanOrEqual(0.5);
  });
});
