import { describe, expect, it } from 'vitest';
import { numberOfPhoneLink } from '../../src/crm/phone-link.ts';

describe('the number of a phone link', () => {
  it.each([
    ['tel:+34-600-111-222', '+34600111222'],
    ['tel:600 111 222;ext=12', '600111222'],
    ['TEL:+1 (415) 555-0100', '+14155550100'],
    ['tel:%2B34600111222', '+34600111222'],
    ['sip:600111222@pbx.example.com;user=phone', '600111222'],
    ['sips:1001@neotel.example.com', '1001'],
    ['callto:+34600111222', '+34600111222'],
    ['callto://+34600111222', '+34600111222'],
    ['web+callto:600111222', '600111222'],
  ])('reads %s as %s', (link, number) => {
    expect(numberOfPhoneLink(link)).toEqual({ ok: true, number });
  });

  it.each([
    ['mailto:ana@example.com', 'expected tel:'],
    ['sip:alice@example.com', '"alice" is not a phone number'],
    ['tel:', '"" is not a phone number'],
    ['tel:' + '1'.repeat(3000), 'expected at most 2048'],
  ])('refuses %s and says why', (link, why) => {
    const result = numberOfPhoneLink(link);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(why);
  });
});
