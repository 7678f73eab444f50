/**
 * Issue 15, end to end: the NEXT call's Answer is drawn in its place from its first frame. An agent
 * answers a call, the customer hangs up, the agent presses Available, and the next queued call
 * rings at once (a busy queue, and the call soak's loop, bench/call-soak.ts). Meanwhile the
 * previous call's Task is still being saved: Salesforce answers each write 700 ms late (the
 * emulator's LATE_REPLY, a round trip to a real org). The header used to count that log as
 * "waiting for Salesforce" at once; the badge wrapped onto a second line (+24 px) above the
 * ringing card and went when the save answered, so Answer moved up under the pointer and a press
 * landed on the caller's name (docs/benchmarks.md, "Twelfth pass (a)"). Both buttons' boxes are
 * read in the adapter's frame at every animation frame from the card's first draw until the
 * saves have answered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentConsole, type AgentTab } from './support/agent-console.ts';
import { openReadyTab, untilStatus, waitForStatus } from './support/agent-steps.ts';
import { boxesInOrder, moved, recordRingFrames, recordedRingFrames } from '../support/ring-frames.ts';

/** How late Salesforce answers each Task write of the first call (less than WAITING_AFTER_MS, src/app/task-logger.ts). */
const SAVE_MS = 700;

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

describe('the next call after Available', () => {
  it('draws Answer and Decline in their place from the first frame while the last call’s Task is still being saved', async () => {
    const queue = rig.scenario.queues[0]!.id;
    // The first call's two writes: the create when it ends, the update when the agent is done.
    await rig.lightning.inject({ methodName: 'runApex:upsertCallTask', kind: 'LATE_REPLY', delayMs: SAVE_MS, count: 1 });
    await rig.lightning.inject({ methodName: 'saveLog', kind: 'LATE_REPLY', delayMs: SAVE_MS, count: 1 });
    const first = await rig.neotel.placeInbound({ number: '1144410001', queue });
    await waitForStatus(tab.adapter, 'ringing');
    await tab.adapter.getByTestId('answer').click();
    await waitForStatus(tab.adapter, 'inCall');
    await rig.neotel.hangup(first.callId);
    await waitForStatus(tab.adapter, 'wrapUp');
    await tab.adapter.getByTestId('available').click();
    await waitForStatus(tab.adapter, 'ready');

    await tab.adapter.evaluate(recordRingFrames);
    const next = await rig.neotel.placeInbound({ number: '1144410002', queue });
    await waitForStatus(tab.adapter, 'ringing');
    // Both late answers are in by then (the update is sent once the create answered).
    await tab.adapter.waitForTimeout(3 * SAVE_MS);
    const frames = await tab.adapter.evaluate(recordedRingFrames);
    const badge = await tab.adapter.getByTestId('pending-logs').count();
    await rig.neotel.hangup(next.callId);
    await untilStatus(tab.adapter, ['ready', 'wrapUp']);
    await rig.lightning.clearInjections();

    expect(frames.length, 'frames drawn with Answer').toBeGreaterThan(10);
    const [firstFrame] = frames;
    if (!firstFrame) throw new Error('no frame with Answer drawn');
    expect(Math.max(...frames.map((f) => moved(firstFrame.answer, f.answer))), `Answer's boxes (x,y,w,h): ${boxesInOrder(frames.map((f) => f.answer))}`).toBeLessThanOrEqual(0.5);
    expect(Math.max(...frames.map((f) => moved(firstFrame.decline, f.decline))), `Decline's boxes: ${boxesInOrder(frames.flatMap((f) => (f.decline ? [f.decline] : [])))}`).toBeLessThanOrEqual(0.5);
    expect(badge, 'the saved log is not shown as waiting').toBe(0);
  });
});
