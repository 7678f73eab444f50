/** The scheduleCallback intent: checked against the clock before the machine sees it. */
import { describe, expect, it } from 'vitest';
import { basicDialCheck, routeIntent } from '../../src/app/intents.ts';

const AT = new Date(2026, 11, 4, 8, 45, 30).getTime();
const intent = { kind: 'scheduleCallback', subcategory: 28, when: '2026-12-05T10:30:00', phone: ' (11) 4555-1234 ', mine: true } as const;

describe('routing scheduleCallback', () => {
  it('hands a future callback to the machine, the number compacted and an empty one meaning the contact’s', () => {
    expect(routeIntent(intent, AT, basicDialCheck)).toEqual({
      to: 'machine',
      event: { kind: 'scheduleCallback', at: AT, subcategory: 28, when: '2026-12-05T10:30:00', phone: '1145551234', mine: true },
    });
    expect(routeIntent({ ...intent, phone: '', mine: false }, AT, basicDialCheck)).toMatchObject({ to: 'machine', event: { phone: null, mine: false } });
  });

  it.each(['2026-12-04T08:45:00', '2024-01-01T00:00:00', '2026-02-30T10:00:00', 'tomorrow'])('refuses %j with a message naming the value', (when) => {
    const routed = routeIntent({ ...intent, when }, AT, basicDialCheck);
    expect(routed).toMatchObject({ to: 'refused' });
    if (routed.to === 'refused') expect(routed.message).toContain(JSON.stringify(when));
  });
});
