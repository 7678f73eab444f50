/**
 * Value readers for the NeoApi `Position` payload: day-first server-locale dates with their
 * "unset" sentinels, `¦` lists, `K=V;` key data and the `CLAVESF` convention. Pure functions:
 * they return `undefined` (absent) or a `problem` string, and never throw.
 */

/** A wall-clock date-time as the server printed it; no time zone is guessed. */
export interface NeoDateTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** `YYYY-MM-DDTHH:mm:ss`, local to the server, no offset. */
  readonly iso: string;
}

/** A value read from the payload, or why it could not be. */
export type ReadResult<T> = { readonly ok: true; readonly value: T | undefined } | { readonly ok: false; readonly problem: string };

// dd/MM/yyyy HH:mm[:ss] with an optional a.m./p.m. marker in any of the spellings seen from .NET
// cultures: "a.m.", "a. m." (ICU, sometimes with a no-break space), "am", "AM".
const DATE_TIME =
  /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T\u00a0]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?(?:[ \u00a0\u202f]*([ap])\.?[ \u00a0\u202f]*m\.?)?)?$/i;
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?$/;

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

function build(year: number, month: number, day: number, hour: number, minute: number, second: number): NeoDateTime | undefined {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return undefined;
  const iso = `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}`;
  return { year, month, day, hour, minute, second, iso };
}

/**
 * True for the values Neotel prints for "never": `01/01/0001 12:00:00 a.m.` (DateTime.MinValue)
 * and `01/01/2000 12:00:00 a.m.` (the platform's own default), at midnight.
 */
export function isUnsetSentinel(value: NeoDateTime): boolean {
  const midnight = value.hour === 0 && value.minute === 0 && value.second === 0;
  return midnight && value.month === 1 && value.day === 1 && (value.year === 1 || value.year === 2000);
}

/**
 * Reads a Position date: day first (`14/07/2014 04:01:50 p.m.`, `12/08/2021 13:59:09`), or ISO.
 * Empty and sentinel values are absent (`value: undefined`).
 */
export function readNeoDateTime(raw: string): ReadResult<NeoDateTime> {
  const text = raw.trim();
  if (text === '') return { ok: true, value: undefined };
  const local = DATE_TIME.exec(text);
  const iso = local ? undefined : ISO_DATE_TIME.exec(text);
  const parts = local ?? iso;
  if (!parts) return { ok: false, problem: `expected a day-first date like "14/07/2014 04:01:50 p.m.", got ${JSON.stringify(raw)}` };
  const [day, month, year] = local ? [Number(parts[1]), Number(parts[2]), Number(parts[3])] : [Number(parts[3]), Number(parts[2]), Number(parts[1])];
  let hour = Number(parts[4] ?? 0);
  const minute = Number(parts[5] ?? 0);
  const second = Number(parts[6] ?? 0);
  const meridiem = local?.[7]?.toLowerCase();
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return { ok: false, problem: `hour ${hour} is not a 12-hour clock hour in ${JSON.stringify(raw)}` };
    hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
  }
  const value = build(year, month, day, hour, minute, second);
  if (!value) return { ok: false, problem: `date out of range in ${JSON.stringify(raw)}` };
  return { ok: true, value: isUnsetSentinel(value) ? undefined : value };
}

/** Reads an integer field; empty is absent. */
export function readInteger(raw: string): ReadResult<number> {
  const text = raw.trim();
  if (text === '') return { ok: true, value: undefined };
  if (!/^[-+]?\d+$/.test(text)) return { ok: false, problem: `expected an integer, got ${JSON.stringify(raw)}` };
  const value = Number(text);
  if (!Number.isSafeInteger(value)) return { ok: false, problem: `integer out of range: ${JSON.stringify(raw)}` };
  return { ok: true, value };
}

/**
 * Splits a `¦`-separated list (`CANALES_ASOCIADOS=¦¦SIP/IPLAN-00002c81`), dropping empty items.
 * Tolerates the UTF-8-read-as-Latin-1 spelling `Â¦`.
 */
export function readBrokenBarList(raw: string): readonly string[] {
  return raw
    .replace(/Â¦/g, '¦')
    .split('¦')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** Reads `K=V;K=V;` key data (IVR `CLAVE`), or `undefined` when the value is not shaped so. */
export function readKeyData(raw: string): Readonly<Record<string, string>> | undefined {
  const items = raw.split(';').filter((item) => item.trim() !== '');
  if (items.length === 0 || !items.every((item) => item.includes('='))) return undefined;
  // No prototype: the keys are the caller's data (`__proto__=…` must stay a field like any other).
  const fields = Object.create(null) as Record<string, string>;
  for (const item of items) {
    const at = item.indexOf('=');
    fields[item.slice(0, at).trim()] = item.slice(at + 1);
  }
  return fields;
}

/**
 * The `CLAVESF` convention of Neotel's Salesforce connector: `idContacto-Data` (`641175-0035g…`),
 * or `idContacto-` when the caller gave no key. `undefined` when the value is not shaped so.
 */
export function readClaveSf(raw: string): { readonly contactId: number; readonly data: string } | undefined {
  const match = /^(\d+)-(.*)$/s.exec(raw.trim());
  if (!match) return undefined;
  const contactId = Number(match[1]);
  return Number.isSafeInteger(contactId) ? { contactId, data: match[2] ?? '' } : undefined;
}
