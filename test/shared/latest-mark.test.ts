import { afterEach, describe, expect, it } from 'vitest';
import { bridgePhoneEvents, type PhoneLike } from '../../src/app/phone-bridge.ts';
import { markLatest } from '../../src/shared/latest-mark.ts';
import type { CallSnapshot } from '../../src/sip/index.ts';

afterEach(() => performance.clearMarks());

describe('markLatest', () => {
  it('keeps one mark of a name however often it is set, the latest', () => {
    markLatest('dialtone:test');
    const first = performance.getEntriesByName('dialtone:test')[0]!.startTime;
    for (let i = 0; i < 5; i += 1) markLatest('dialtone:test');
    const marks = performance.getEntriesByName('dialtone:test');
    expect(marks).toHaveLength(1);
    expect(marks[0]!.startTime).toBeGreaterThanOrEqual(first);
  });

  it('leaves marks of other names alone', () => {
    performance.mark('someone-else');
    markLatest('dialtone:test');
    expect(performance.getEntriesByName('someone-else')).toHaveLength(1);
  });
});

describe('the phone bridge over many calls', () => {
  it('leaves one dialtone:invite mark, not one per INVITE', () => {
    const listeners = new Map<string, (...args: unknown[]) => void>();
    const phone = {
      on: (name: string, listener: (...args: unknown[]) => void) => {
        listeners.set(name, listener);
        return () => listeners.delete(name);
      },
    } as unknown as PhoneLike;
    const stop = bridgePhoneEvents(phone, () => undefined, () => 0);
    const call = { sipCallId: 'leg-1', direction: 'incoming', remoteNumber: '1155550101', headers: {} } as unknown as CallSnapshot;
    for (let i = 0; i < 20; i += 1) listeners.get('incoming')!(call, false);
    stop();
    expect(performance.getEntriesByName('dialtone:invite')).toHaveLength(1);
  });
});
