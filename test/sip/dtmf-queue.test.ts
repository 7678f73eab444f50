import { describe, expect, it } from 'vitest';
import { DtmfQueue, SENDER_MARGIN_MS } from '../../src/sip/dtmf-queue.ts';

describe('DtmfQueue pacing', () => {
  it('waits for the tone, its gap and the sender margin before handing the next digit to the browser', async () => {
    const events: string[] = [];
    const waits: number[] = [];
    const queue = new DtmfQueue(
      (digit) => {
        events.push(`send ${digit}`);
        return true;
      },
      { durationMs: 200, gapMs: 100 },
      (ms) => {
        waits.push(ms);
        events.push(`wait ${ms}`);
        return Promise.resolve();
      },
    );
    await queue.enqueue('15#');
    const step = 200 + 100 + SENDER_MARGIN_MS;
    expect(SENDER_MARGIN_MS).toBeGreaterThan(0);
    expect(events).toEqual(['send 1', `wait ${step}`, 'send 5', `wait ${step}`, 'send #', `wait ${step}`]);
  });

  it('refuses a string with a non-DTMF character and queues none of it', async () => {
    const sent: string[] = [];
    const queue = new DtmfQueue((digit) => (sent.push(digit), true), { durationMs: 200, gapMs: 100 }, () => Promise.resolve());
    await expect(queue.enqueue('12x')).rejects.toThrow(/sendDtmf\("12x"\): digit "X" is not DTMF/);
    expect(sent).toEqual([]);
  });
});
