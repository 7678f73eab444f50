/**
 * The number inside a clicked phone link (docs/phone-links.md): `tel:` (RFC 3966), `sip:`/`sips:`
 * (RFC 3261, the user part) and `callto:`/`web+callto:` (Skype's form, `callto://` too). Pure: the
 * handler page and the owner tab both use it. What it returns is still a typed number: the dial
 * plan (src/crm/dial-number.ts) normalises it or refuses it like anything the agent types.
 */

/** The schemes Dialtone registers for; `web+callto` is how a page may register `callto`. */
export const PHONE_LINK_SCHEMES = ['tel', 'sip', 'web+callto'] as const;

/** What a link gave. */
export type PhoneLinkNumber =
  | { readonly ok: true; readonly number: string }
  | { readonly ok: false; readonly reason: string };

const LINK = /^(tel|sips?|callto|web\+callto):(?:\/\/)?(.*)$/isu;
/** Visual separators RFC 3966 allows in a number, and the spaces people type. */
const SEPARATORS = /[\s\-.()]/gu;
const DIALLABLE = /^\+?[0-9*#]{1,32}$/u;
const MAX_LINK = 2048;

/** The number to dial from `link` (the whole URI as the browser passed it, already URL-decoded). */
export function numberOfPhoneLink(link: string): PhoneLinkNumber {
  if (link.length > MAX_LINK) return { ok: false, reason: `the link is ${link.length} characters long; expected at most ${MAX_LINK}` };
  const match = LINK.exec(link.trim());
  if (!match) return { ok: false, reason: `expected tel:, sip:, sips:, callto: or web+callto:, got ${JSON.stringify(link.slice(0, 40))}` };
  const scheme = (match[1] ?? '').toLowerCase();
  let rest = match[2] ?? '';
  // tel: parameters (;ext=, ;phone-context=) and sip: parameters/headers are not part of the number.
  rest = rest.split(/[;?]/u)[0] ?? '';
  if (scheme === 'sip' || scheme === 'sips') rest = rest.split('@')[0] ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(rest);
  } catch {
    // A stray % that is not an escape: read the text as it is.
    decoded = rest;
  }
  const number = decoded.replace(SEPARATORS, '');
  if (!DIALLABLE.test(number)) return { ok: false, reason: `${JSON.stringify(decoded.slice(0, 40))} is not a phone number (digits, an optional leading +, * and #)` };
  return { ok: true, number };
}
