/**
 * Parsers for single setting values. Each takes the trimmed, non-empty text an admin typed and
 * returns either the typed value or what was expected, so the caller can build one message that
 * names the setting, quotes the value and says what would have been accepted.
 */
import { hasControlCharacter, isLoopbackHost } from '../shared/text-checks.ts';

export { hasControlCharacter, isLoopbackHost };

/** The outcome of parsing one value: the value, or why it was refused. */
export type Parsed<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly expected: string; readonly problem?: string };

/** A successful parse of `value`. */
export function accept<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

/** A refusal: what was expected and, when more precise, what exactly was wrong. */
export function refuse<T = never>(expected: string, problem?: string): Parsed<T> {
  return problem === undefined ? { ok: false, expected } : { ok: false, expected, problem };
}

/** What the parsers below accept, as sentences for error messages. */
export const BOOLEAN_EXPECTED = 'true or false';

/**
 * `true` / `false`, any letter case. Deliberately not `1/0/yes/no/sí`: Salesforce's own items and
 * Neotel's connector use `true`/`false`, and accepting look-alikes invites `si`, `y`, `on`…
 */
export function parseBoolean(text: string): Parsed<boolean> {
  const lower = text.toLowerCase();
  if (lower === 'true') return accept(true);
  if (lower === 'false') return accept(false);
  return refuse(BOOLEAN_EXPECTED);
}

/** What `parseInteger` accepts, as a sentence. */
export function integerExpected(min: number, max: number, unit = ''): string {
  return `a whole number from ${min} to ${max}${unit === '' ? '' : ` ${unit}`}`;
}

/** A whole number in decimal digits (optional leading `-`) within `[min, max]`. */
export function parseInteger(text: string, min: number, max: number, unit = ''): Parsed<number> {
  const suffix = unit === '' ? '' : ` ${unit}`;
  const expected = integerExpected(min, max, unit);
  if (!/^-?\d{1,15}$/u.test(text)) return refuse(expected);
  const value = Number(text);
  if (value < min || value > max) return refuse(expected, `${value}${suffix} is out of range`);
  return accept(Object.is(value, -0) ? 0 : value);
}

/** What `parseChoice` accepts, as a sentence. */
export function choiceExpected(choices: readonly string[]): string {
  return `one of ${choices.join(', ')}`;
}

/** One of `choices`; with `ignoreCase` the canonical spelling is returned. */
export function parseChoice<T extends string>(text: string, choices: readonly T[], ignoreCase: boolean): Parsed<T> {
  const found = choices.find((choice) => (ignoreCase ? choice.toLowerCase() === text.toLowerCase() : choice === text));
  return found === undefined ? refuse(choiceExpected(choices)) : accept(found);
}

/** Which URLs a setting accepts. */
export interface UrlRule {
  /** Scheme always allowed, e.g. `https:`. */
  readonly secure: string;
  /** Scheme allowed only for loopback hosts (development), e.g. `http:`. */
  readonly insecure: string;
  /** What the URL is for, used in the expectation sentence. */
  readonly example: string;
  readonly allowQuery: boolean;
}

/** The sentence saying which URLs `rule` accepts. */
export function urlExpectation(rule: UrlRule): string {
  const secure = rule.secure.replace(/:$/u, '');
  const insecure = rule.insecure.replace(/:$/u, '');
  return `an absolute ${secure}:// URL such as ${rule.example} (${insecure}:// only for localhost or 127.0.0.1 during development)`;
}

/**
 * An absolute URL with the secure scheme, or the insecure one on a loopback host. Credentials in
 * the URL and fragments are refused (they would leak into logs or be dropped by the browser).
 */
export function parseServiceUrl(text: string, rule: UrlRule): Parsed<URL> {
  const insecure = rule.insecure.replace(/:$/u, '');
  const expected = urlExpectation(rule);
  // WHATWG URL parsing silently drops tabs and newlines; an admin's typo must not be "fixed" that way.
  if (/\s/u.test(text) || hasControlCharacter(text)) return refuse(expected, 'the URL contains white space or control characters');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    // The URL constructor's own message is engine-specific; ours says what to type instead.
    return refuse(expected, 'this is not an absolute URL');
  }
  if (url.protocol === rule.insecure) {
    if (!isLoopbackHost(url.hostname)) return refuse(expected, `${insecure}:// is only allowed for loopback hosts, not ${url.hostname}`);
  } else if (url.protocol !== rule.secure) {
    return refuse(expected, `the scheme ${url.protocol} is not allowed`);
  }
  if (url.hostname === '') return refuse(expected, 'the URL has no host');
  if (url.username !== '' || url.password !== '') return refuse(expected, 'the URL must not carry a user name or password');
  if (url.hash !== '' || text.includes('#')) return refuse(expected, 'the URL must not have a #fragment');
  if (!rule.allowQuery && (url.search !== '' || text.includes('?'))) return refuse(expected, 'the URL must not have a ?query');
  return accept(url);
}

const HOST_LABEL = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/u;
const IPV4 = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/u;

/** What `parseHost` accepts, as a sentence. */
export const HOST_EXPECTED = 'a host name or IP address such as neotel.example.com or 10.0.0.5 (no sip:, port or path)';

/** A DNS host name, an IPv4 address or a bracketed IPv6 address (no scheme, port or path). */
export function parseHost(text: string): Parsed<string> {
  const expected = HOST_EXPECTED;
  if (IPV4.test(text)) return accept(text);
  if (/^\[[0-9A-Fa-f:.]+\]$/u.test(text)) {
    try {
      return accept(new URL(`http://${text}/`).hostname);
    } catch {
      // Not a valid IPv6 literal after all: fall through to the refusal below.
      return refuse(expected, 'the bracketed address is not a valid IPv6 address');
    }
  }
  if (text.length > 253) return refuse(expected, 'a host name has at most 253 characters');
  const labels = text.split('.');
  if (!labels.every((label) => HOST_LABEL.test(label)) || /^\d+$/u.test(labels[labels.length - 1] ?? '')) {
    return refuse(expected);
  }
  return accept(text.toLowerCase());
}

const API_NAME_PART = '[A-Za-z](?:[A-Za-z0-9]|_(?!_))*';
const API_NAME = new RegExp(`^(?:${API_NAME_PART}__)?${API_NAME_PART}(?<!_)(?:__(?:[cC]|pc|x))?$`, 'u');

/** What `parseApiName` accepts, as a sentence. */
export function apiNameExpected(kind: 'field' | 'object'): string {
  const example = kind === 'field' ? 'Phone, NationalId__c or ns__Field__c' : 'Campaign, Campaign__c or ns__Object__c';
  return `a Salesforce ${kind} API name such as ${example}`;
}

/**
 * A Salesforce field or object API name: `Phone`, `NationalId__c`, `ns__Field__c`. Letters,
 * digits and single underscores, starting with a letter; `__` only after a namespace or before the
 * `__c` (custom), `__pc` (person-account) or `__x` (external) suffix.
 */
export function parseApiName(text: string, kind: 'field' | 'object'): Parsed<string> {
  const expected = apiNameExpected(kind);
  if (text.length > 100 || !API_NAME.test(text)) return refuse(expected);
  return accept(text);
}

/** What `parseDialPrefix` accepts, as a sentence. */
export const DIAL_PREFIX_EXPECTED = 'up to 10 digits (0-9, * and #), or nothing';

/** Dialing prefix: up to 10 of `0-9 * #`. */
export function parseDialPrefix(text: string): Parsed<string> {
  return /^[0-9*#]{1,10}$/u.test(text) ? accept(text) : refuse(DIAL_PREFIX_EXPECTED);
}

/**
 * Region codes libphonenumber-js knows (ISO 3166-1 alpha-2 plus AC, TA, XK). Kept here rather than
 * imported so the adapter bundle does not pay for phone metadata just to check two letters; a test
 * keeps the list equal to the library's.
 */
export const PHONE_REGIONS: readonly string[] = (
  'AC AD AE AF AG AI AL AM AO AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BW BY BZ ' +
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO ' +
  'FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GT GU GW GY HK HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO ' +
  'JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ ' +
  'MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PR PS PT PW PY QA RE ' +
  'RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TA TC TD TG TH TJ TK TL TM TN TO TR ' +
  'TT TV TW TZ UA UG US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW'
).split(' ');

/** What `parseCountryCode` accepts, as a sentence. */
export const COUNTRY_EXPECTED =
  'a two-letter ISO 3166-1 country code with a telephone numbering plan, such as AR, CL, MX, ES, BR or US, or nothing to dial numbers as typed';

/** A two-letter region with a telephone numbering plan, any case; returned upper-case. */
export function parseCountryCode(text: string): Parsed<string> {
  const code = text.toUpperCase();
  if (/^[A-Z]{2}$/u.test(code) && PHONE_REGIONS.includes(code)) return accept(code);
  return refuse(COUNTRY_EXPECTED);
}
