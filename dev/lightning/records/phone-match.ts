/**
 * Phone matching, the way the emulator approximates Salesforce search on phone fields.
 *
 * Salesforce indexes phone fields by their digits, so `(011) 4555-1234`, `011 4555 1234` and
 * `+54 11 4555-1234` are all found by a search for `1145551234`. The emulator's rule:
 *
 *  1. both sides are reduced to their digits (spaces, punctuation, `+` and letters dropped);
 *  2. the shorter side must have at least {@link MIN_PHONE_DIGITS} digits;
 *  3. they match when their last `min(SIGNIFICANT_PHONE_DIGITS, length of the shorter)` digits
 *     are equal.
 *
 * Comparing only the trailing digits absorbs country codes, trunk prefixes (`0`, `011`) and
 * Argentina's mobile `9` (`+54 9 11 …` vs `11 …`); the minimum keeps extensions and short codes
 * from matching everything.
 */

/** Fewer digits than this never match (a 4-digit extension is not a phone search). */
export const MIN_PHONE_DIGITS = 7;

/** At most this many trailing digits are compared. */
export const SIGNIFICANT_PHONE_DIGITS = 10;

/** The digits of a phone number as typed (`+54 9 11 5555-0101` → `5491155550101`). */
export function phoneDigits(value: string): string {
  return value.replace(/\D/g, '');
}

/** True when two phone numbers, as typed, denote the same line under the rule above. */
export function phonesMatch(a: string, b: string): boolean {
  const da = phoneDigits(a);
  const db = phoneDigits(b);
  const shorter = Math.min(da.length, db.length);
  if (shorter < MIN_PHONE_DIGITS) return false;
  const n = Math.min(SIGNIFICANT_PHONE_DIGITS, shorter);
  return da.slice(-n) === db.slice(-n);
}

/**
 * True when a search string is a phone number: only digits and the punctuation people type in
 * phone numbers, with at least {@link MIN_PHONE_DIGITS} digits.
 */
export function isPhoneQuery(query: string): boolean {
  return /^[\d\s()+\-./]+$/.test(query) && phoneDigits(query).length >= MIN_PHONE_DIGITS;
}
