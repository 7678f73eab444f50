/**
 * Click-to-dial and dial-pad numbers turned into NeoApi `dial(phone)`: what the agent typed, or
 * a Salesforce phone field stored the way a user typed it (`(11) 5555-0000`, `+54 9 11 5555-0000`,
 * `011 4321-5678 ext 12`), normalised with libphonenumber-js and the call center's dialing options
 * (`reqDialingOptions`) and `defaultCountry`. The rules, and why, are in docs/dialing.md.
 *
 * `libphonenumber-js/min`: parsing, "possible" length checks and national formats are all this
 * needs; `/max` only adds per-type patterns (strict validity, mobile vs fixed) at about 20 KB gzip
 * more, and Dialtone never refuses a number for failing a pattern — the trunk is the judge.
 */
import { getCountryCallingCode, isSupportedCountry, parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js/min';
import type { AgentConfig, DialingConfig } from '../config/config-types.ts';

/**
 * Why a number was not dialled. The same union as `DialRefusal` of src/view/agent-view.ts
 * (a test keeps them equal); declared here because src/crm is pure and may not depend on the UI.
 */
export type DialRefusal = 'empty' | 'tooShort' | 'tooLong' | 'invalidCharacters' | 'notANumber';

/** How the number was read: the rules of docs/dialing.md, one per kind. */
export type DialKind = 'internal' | 'code' | 'national' | 'international' | 'asTyped';

/** Salesforce's dialing options plus the country national numbers belong to. */
export interface DialPlan {
  /** Digits before every outside number (not extensions, `*`/`#` codes or `+` numbers); `''` = none. */
  readonly outsidePrefix: string;
  /** Digits before national numbers of countries written without a trunk prefix (NANP `1`); `''` = none. */
  readonly longDistancePrefix: string;
  /** Digits that replace `+` of international numbers (`00`, `011`); `''` = keep `+`. */
  readonly internationalPrefix: string;
  /** ISO 3166-1 alpha-2 of numbers typed without `+`; `null` = dial as typed. */
  readonly defaultCountry: string | null;
}

/** A number ready for `dial`. */
export interface DialNumber {
  readonly ok: true;
  /** `phone` for `dial`: digits, with `+`, `*`, `#` only where they belong. */
  readonly dial: string;
  /** The number in E.164 when libphonenumber recognised it (for the Task and the screen pop). */
  readonly e164: string | null;
  readonly kind: DialKind;
  /** The extension that was typed after the number and not dialled (send it as DTMF), or `null`. */
  readonly droppedExtension: string | null;
}

/** What {@link normaliseDialNumber} answers. */
export type DialResult = DialNumber | { readonly ok: false; readonly reason: DialRefusal };

/** Longest input read at all: longer is not a phone number, and parsing it would only cost time. */
const MAX_INPUT = 64;
/** E.164 allows 15 digits; typed international and long-distance prefixes may add a few. */
const MAX_DIGITS = 20;
const MIN_DIGITS = 3;
/** Neotel internal extensions: a short number without `+` is dialled as typed, never prefixed. */
const MAX_INTERNAL_DIGITS = 6;

const EXTENSION_SUFFIX = /(?:\s*[,;]\s*|\s*)(?:;?ext=|ext(?:ension)?\.?|x|int(?:erno)?\.?|anexo|ramal)\s*[:.]?\s*(\d{1,6})$/iu;
/** Separators people and Salesforce put in phone numbers, including typographic dashes. */
const SEPARATORS = /[\s\-.()/\u2010-\u2015\u2212]/gu;
const ALLOWED = /^[+\d*#]*$/u;
/**
 * Anything but printable ASCII: only such text can hold a digit of another script. Typed and
 * stored numbers are ASCII, and skipping `asciiDigits` for them skips its `\p{Nd}` patterns, whose
 * first compile and per-digit scan ran in the click's task before the dial request.
 */
const NOT_PRINTABLE_ASCII = /[^ -~]/u;

/** The plan of a validated configuration (`Config` fits). */
export function dialPlanFrom(config: { readonly dialing: DialingConfig; readonly agent: Pick<AgentConfig, 'defaultCountry'> }): DialPlan {
  return { ...config.dialing, defaultCountry: config.agent.defaultCountry };
}

/** Turns every decimal digit of any script (`١٢٣`, `１２３`) into its ASCII digit. */
function asciiDigits(text: string): string {
  return text.replace(/\p{Nd}/gu, (digit) => {
    const code = digit.codePointAt(0) ?? 0;
    // Unicode lays decimal digits out in runs of ten starting at zero: find the run's start.
    let start = code;
    while (start > 0 && /\p{Nd}/u.test(String.fromCodePoint(start - 1))) start -= 1;
    return String((code - start) % 10);
  });
}

function countryOf(plan: DialPlan): CountryCode | null {
  const country = plan.defaultCountry?.toUpperCase() ?? null;
  return country !== null && isSupportedCountry(country) ? country : null;
}

function digitsOf(text: string): string {
  return text.replace(/\D/gu, '');
}

/**
 * An international number: `+` is only meaningful first, so with no international prefix the
 * number goes as `+<digits>` without the outside prefix (a PBX that takes `+` routes it itself).
 */
function international(plan: DialPlan, digits: string): string {
  return plan.internationalPrefix === '' ? `+${digits}` : `${plan.outsidePrefix}${plan.internationalPrefix}${digits}`;
}

/** A number libphonenumber recognised, dialled nationally when it is in the plan's country. */
function recognised(number: PhoneNumber, country: CountryCode | null, plan: DialPlan): Pick<DialNumber, 'dial' | 'kind'> {
  if (country === null || number.countryCallingCode !== getCountryCallingCode(country)) {
    return { dial: international(plan, `${number.countryCallingCode}${number.nationalNumber}`), kind: 'international' };
  }
  // The national format is how the number is dialled inside its country: with the trunk prefix
  // where the country has one (AR `0`, and `15` for mobiles). Only countries written without one
  // (NANP, BR, MX, CL, ES) take the long-distance prefix, so `0` is never doubled into `00`.
  const national = digitsOf(number.formatNational());
  const prefix = national === number.nationalNumber ? plan.longDistancePrefix : '';
  return { dial: `${plan.outsidePrefix}${prefix}${national}`, kind: 'national' };
}

/**
 * Normalises a typed or clicked number for NeoApi `dial(phone)` with the dial plan. Pure and
 * bounded: input longer than 64 characters is refused before any parsing.
 */
export function normaliseDialNumber(input: string, plan: DialPlan): DialResult {
  if (input.length > MAX_INPUT) return { ok: false, reason: 'tooLong' };
  let text = (NOT_PRINTABLE_ASCII.test(input) ? asciiDigits(input) : input).trim().replace(/^tel:/iu, '');
  if (text === '') return { ok: false, reason: 'empty' };
  const extension = EXTENSION_SUFFIX.exec(text);
  const droppedExtension = extension?.[1] ?? null;
  if (extension !== null) text = text.slice(0, extension.index);
  const compact = text.replace(SEPARATORS, '');
  if (!ALLOWED.test(compact)) return { ok: false, reason: 'invalidCharacters' };
  const digits = digitsOf(compact);
  if (digits === '' || compact.lastIndexOf('+') > 0) return { ok: false, reason: 'notANumber' };
  if (digits.length > MAX_DIGITS) return { ok: false, reason: 'tooLong' };
  const plus = compact.startsWith('+');
  if (/[*#]/u.test(compact)) {
    // Feature codes and IVR strings (`*12`, `#31#`) go to the platform untouched.
    if (plus) return { ok: false, reason: 'notANumber' };
    return { ok: true, dial: compact, e164: null, kind: 'code', droppedExtension };
  }
  if (digits.length < MIN_DIGITS) return { ok: false, reason: 'tooShort' };
  if (!plus && digits.length <= MAX_INTERNAL_DIGITS) return { ok: true, dial: digits, e164: null, kind: 'internal', droppedExtension };
  const country = countryOf(plan);
  const parsed = plus || country !== null ? parsePhoneNumberFromString(compact, country ?? undefined) : undefined;
  if (parsed?.isPossible() === true) return { ok: true, ...recognised(parsed, country, plan), e164: parsed.number, droppedExtension };
  // Unknown to libphonenumber (a new range, a local number without area code): the trunk decides.
  return { ok: true, dial: plus ? international(plan, digits) : `${plan.outsidePrefix}${digits}`, e164: null, kind: 'asTyped', droppedExtension };
}
