import { describe, expect, it } from 'vitest';
import { isPhoneQuery, phoneDigits, phonesMatch } from '../../../dev/lightning/records/phone-match.ts';

describe('phone matching', () => {
  it.each([
    ['(011) 4555-1234', '1145551234'],
    ['(011) 4555-1234', '+54 11 4555-1234'],
    ['011 4555 1234', '45551234'],
    ['+54 9 11 5555-0101', '1155550101'],
    ['+54 9 11 5555-0101', '(011) 5555-0101'],
    ['11 5555 0101', '+5491155550101'],
    ['+55 11 98765-4321', '11987654321'],
    ['+1 (415) 555-0142', '4155550142'],
  ])('matches %s and %s regardless of punctuation, country code and trunk prefix', (stored, dialled) => {
    expect(phonesMatch(stored, dialled)).toBe(true);
    expect(phonesMatch(dialled, stored)).toBe(true);
  });

  it.each([
    ['(011) 4555-1234', '4555-1235'],
    ['(011) 4555-1234', '1234'],
    ['+54 9 11 5555-0101', '+54 9 11 5555-0102'],
    ['+54 351 423-1111', '+54 11 423-1111 9'],
    // The old mobile "15" sits between area code and number: suffix matching cannot see through it.
    ['+54 9 11 5555-0101', '011 15 5555-0101'],
  ])('does not match %s and %s', (stored, dialled) => {
    expect(phonesMatch(stored, dialled)).toBe(false);
  });

  it('never matches fewer than 7 digits (an extension is not a phone search)', () => {
    expect(phonesMatch('555-0101', '5550101')).toBe(true);
    expect(phonesMatch('55-0101', '550101')).toBe(false);
  });

  it('reduces a number to its digits and recognises phone-shaped queries', () => {
    expect(phoneDigits('+54 9 (11) 5555-0101')).toBe('5491155550101');
    expect(isPhoneQuery('+54 9 11 5555-0101')).toBe(true);
    expect(isPhoneQuery('31.987.456')).toBe(true);
    expect(isPhoneQuery('María 1234567')).toBe(false);
    expect(isPhoneQuery('123')).toBe(false);
  });
});
