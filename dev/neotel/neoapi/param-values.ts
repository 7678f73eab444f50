/**
 * Conversion of NeoApi parameter text to values, with the rules (and failures) of the two .NET
 * readers an ASMX server uses:
 *  - HTTP GET/POST: `Convert.ChangeType(value, T, CultureInfo.InvariantCulture)`;
 *  - SOAP: `XmlSerializer`, i.e. `XmlConvert.ToInt32/ToBoolean/ToDateTime`.
 */
import type { NeoParamType } from '../../../src/platforms/neotel/contract.ts';
import { conversionFailures, type DotNetException } from './dotnet-exception.ts';

/** A date-time as the client sent it: wall time, plus the offset when one was given. */
export interface WallTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** Minutes east of UTC when the text carried `Z` or `±hh:mm`. */
  readonly offsetMinutes?: number;
  readonly text: string;
}

export type ParamValue = string | number | boolean | WallTime;

export type Converted = { readonly ok: true; readonly value: ParamValue } | { readonly ok: false; readonly failure: DotNetException };

// .NET's Char.IsWhiteSpace subset that NumberStyles.Integer skips.
const NUMBER_WHITE = /^[\t\n\v\f\r ]*|[\t\n\v\f\r ]*$/g;
const INT32_MIN = -2_147_483_648;
const INT32_MAX = 2_147_483_647;

function toInt32(text: string): Converted {
  const trimmed = text.replace(NUMBER_WHITE, '');
  if (!/^[-+]?\d+$/.test(trimmed)) return { ok: false, failure: conversionFailures.format() };
  const value = Number(trimmed);
  if (value < INT32_MIN || value > INT32_MAX) return { ok: false, failure: conversionFailures.overflow() };
  return { ok: true, value: value === 0 ? 0 : value }; // no -0
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,7})?)?)?(Z|[+-]\d{2}:\d{2})?$/;
const US = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?(?: ?([AP])M)?)?$/i;

function wallTime(text: string, parts: { y: number; mo: number; d: number; h: number; mi: number; s: number; offset?: string }): WallTime | undefined {
  const { y, mo, d, h, mi, s, offset } = parts;
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (mo < 1 || mo > 12 || probe.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return undefined;
  let offsetMinutes: number | undefined;
  if (offset === 'Z') offsetMinutes = 0;
  else if (offset) offsetMinutes = (offset.startsWith('-') ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  return { year: y, month: mo, day: d, hour: h, minute: mi, second: s, text, ...(offsetMinutes === undefined ? {} : { offsetMinutes }) };
}

/** The invariant culture's `DateTime.Parse`, for the shapes clients send (ISO 8601, `MM/dd/yyyy`). */
function parseInvariantDateTime(text: string): WallTime | undefined {
  const trimmed = text.trim();
  const iso = ISO.exec(trimmed);
  if (iso) {
    return wallTime(trimmed, { y: Number(iso[1]), mo: Number(iso[2]), d: Number(iso[3]), h: Number(iso[4] ?? 0), mi: Number(iso[5] ?? 0), s: Number(iso[6] ?? 0), ...(iso[7] ? { offset: iso[7] } : {}) });
  }
  const us = US.exec(trimmed);
  if (!us) return undefined;
  let hour = Number(us[4] ?? 0);
  const meridiem = us[7]?.toUpperCase();
  if (meridiem) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (meridiem === 'P' ? 12 : 0);
  }
  return wallTime(trimmed, { y: Number(us[3]), mo: Number(us[1]), d: Number(us[2]), h: hour, mi: Number(us[5] ?? 0), s: Number(us[6] ?? 0) });
}

/** HTTP GET/POST: `ScalarFormatter.FromString` (Convert.ChangeType, invariant culture). */
export function convertHttpValue(text: string, type: NeoParamType): Converted {
  switch (type) {
    case 'string':
      return { ok: true, value: text };
    case 'int':
      return toInt32(text);
    case 'boolean': {
      const trimmed = text.trim().toLowerCase();
      if (trimmed === 'true' || trimmed === 'false') return { ok: true, value: trimmed === 'true' };
      return { ok: false, failure: conversionFailures.boolean() };
    }
    case 'dateTime': {
      const value = parseInvariantDateTime(text);
      return value ? { ok: true, value } : { ok: false, failure: conversionFailures.dateTime() };
    }
  }
}

const XML_WHITE = /^[\t\n\r ]*|[\t\n\r ]*$/g;
const XSD_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,7})?(Z|[+-]\d{2}:\d{2})?$/;

/** SOAP: `XmlConvert` as used by `XmlSerializer`. The failure is the inner exception of "There is an error in XML document". */
export function convertSoapValue(text: string, type: NeoParamType): Converted {
  const trimmed = text.replace(XML_WHITE, '');
  const formatFailure = (message: string): Converted => ({ ok: false, failure: { type: 'System.FormatException', message, stack: [] } });
  switch (type) {
    case 'string':
      return { ok: true, value: text };
    case 'int': {
      const result = toInt32(trimmed);
      return result.ok ? result : { ok: false, failure: { ...result.failure, stack: [] } };
    }
    case 'boolean':
      if (trimmed === 'true' || trimmed === '1') return { ok: true, value: true };
      if (trimmed === 'false' || trimmed === '0') return { ok: true, value: false };
      return formatFailure(`The string '${text}' is not a valid Boolean value.`);
    case 'dateTime': {
      const m = XSD_DATE_TIME.exec(trimmed);
      const value = m && wallTime(trimmed, { y: Number(m[1]), mo: Number(m[2]), d: Number(m[3]), h: Number(m[4]), mi: Number(m[5]), s: Number(m[6]), ...(m[7] ? { offset: m[7] } : {}) });
      return value ? { ok: true, value } : formatFailure(`The string '${text}' is not a valid AllXsd value.`);
    }
  }
}

/** The value a missing SOAP element leaves in the web method's parameter (`null` → empty string here). */
export function soapDefault(type: NeoParamType): ParamValue {
  switch (type) {
    case 'string':
      return '';
    case 'int':
      return 0;
    case 'boolean':
      return false;
    case 'dateTime':
      return { year: 1, month: 1, day: 1, hour: 0, minute: 0, second: 0, text: '0001-01-01T00:00:00' };
  }
}
