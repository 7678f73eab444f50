/**
 * Issue 15, end to end: a queue call from a number no Salesforce record holds. The PBX (the Neotel
 * simulator, like Asterisk-based contact centers) puts the queue's name in the INVITE's From display
 * name; the panel must show it as the queue, not as the caller (docs/agent-softphone.md, "The
 * queue's name in the INVITE"). Before, the call card read "In call with Soporte", the history
 * listed the call as "Soporte", and the ringing card's Queue line said "Queue 3" (the dev call
 * center names no queue).
 */
import { describe, expect, it } from 'vitest';
import { textOf, waitForStatus } from './support/agent-steps.ts';
import { readyTabSuite } from './support/ready-tab-suite.ts';

/** A number no record of the Lightning emulator's data holds. */
const UNKNOWN_NUMBER = '1144419876';

const suite = readyTabSuite();

describe('a queue call from an unknown number', () => {
  it('shows the queue by its name and the caller by the number, in the ringing card, the call card and the history', async () => {
    const { rig, tab } = suite;
    const queue = rig.scenario.queues[0]!;
    const { callId } = await rig.neotel.placeInbound({ number: UNKNOWN_NUMBER, queue: queue.id });
    await waitForStatus(tab.adapter, 'ringing');
    const queueLine = tab.adapter.getByTestId('incoming-queue');
    await queueLine.waitFor();
    expect(await queueLine.textContent(), 'the Queue line names the queue').toBe(queue.name);
    expect(await tab.adapter.getByTestId('incoming-name').count(), 'no caller name: the queue is not the caller').toBe(0);
    expect(await textOf(tab.adapter, 'incoming-number')).toBe(UNKNOWN_NUMBER);

    await tab.adapter.getByTestId('answer').click();
    await waitForStatus(tab.adapter, 'inCall');
    const party = await textOf(tab.adapter, 'call-party');
    expect(party, 'the call card names the number').toContain(UNKNOWN_NUMBER);
    expect(party).not.toContain(queue.name);

    await rig.neotel.hangup(callId);
    await waitForStatus(tab.adapter, 'wrapUp');
    const who = tab.adapter.getByTestId('history-who').first();
    await who.waitFor();
    expect(await who.textContent(), 'the history lists the number').toContain(UNKNOWN_NUMBER);
  });
});
