/**
 * The customer's time zone for a callback (docs/wrap-up.md, "Callbacks in the customer's local
 * time"): a record field the admin names (`customerTimeZoneField`) wins; otherwise the number's
 * country, read with libphonenumber-js, and for countries that span several zones the area code.
 * libphonenumber-js knows countries, not zones, so the country → zone table is ours: one zone per
 * country of the deployments' region, plus area codes for the US, Canada, Mexico and Brazil.
 * A number it cannot place gives `null` (the form then stays in the agent's time). Pure.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';
import { convertWallTime, wallTimeIn } from '../shared/wall-time.ts';
import { checkCallbackTime, type CallbackTimeCheck } from './callback-time.ts';

/** A customer zone and where it came from. */
export interface CustomerZone {
  readonly zone: string;
  readonly source: 'record' | 'number';
}

/** Countries in one zone (or whose numbers do not tell the zone apart: the capital's). */
const COUNTRY_ZONES: Readonly<Partial<Record<CountryCode, string>>> = {
  AR: 'America/Argentina/Buenos_Aires', BO: 'America/La_Paz', CL: 'America/Santiago', CO: 'America/Bogota', CR: 'America/Costa_Rica',
  CU: 'America/Havana', DO: 'America/Santo_Domingo', EC: 'America/Guayaquil', GT: 'America/Guatemala', HN: 'America/Tegucigalpa',
  NI: 'America/Managua', PA: 'America/Panama', PE: 'America/Lima', PR: 'America/Puerto_Rico', PY: 'America/Asuncion',
  SV: 'America/El_Salvador', UY: 'America/Montevideo', VE: 'America/Caracas', ES: 'Europe/Madrid', PT: 'Europe/Lisbon',
  GB: 'Europe/London', FR: 'Europe/Paris', IT: 'Europe/Rome', DE: 'Europe/Berlin', US: 'America/New_York', CA: 'America/Toronto',
  MX: 'America/Mexico_City', BR: 'America/Sao_Paulo',
};

/** Area codes whose zone differs from the country's entry above. */
const AREA_ZONES: Readonly<Partial<Record<CountryCode, Readonly<Record<string, string>>>>> = {
  US: {
    ...Object.fromEntries(['312', '773', '872', '214', '469', '972', '713', '281', '832', '512', '210', '612', '651', '314', '816', '504', '615', '901', '414', '205', '402', '918', '405'].map((a) => [a, 'America/Chicago'])),
    ...Object.fromEntries(['303', '720', '801', '385', '505', '406', '307'].map((a) => [a, 'America/Denver'])),
    ...Object.fromEntries(['602', '480', '623', '520', '928'].map((a) => [a, 'America/Phoenix'])),
    ...Object.fromEntries(['213', '310', '323', '415', '408', '510', '619', '626', '650', '714', '818', '858', '916', '949', '206', '253', '425', '503', '971', '702', '725'].map((a) => [a, 'America/Los_Angeles'])),
    '907': 'America/Anchorage',
    '808': 'Pacific/Honolulu',
  },
  CA: { '204': 'America/Winnipeg', '306': 'America/Regina', '403': 'America/Edmonton', '780': 'America/Edmonton', '587': 'America/Edmonton', '604': 'America/Vancouver', '778': 'America/Vancouver', '236': 'America/Vancouver', '250': 'America/Vancouver', '902': 'America/Halifax', '709': 'America/St_Johns' },
  MX: { '664': 'America/Tijuana', '686': 'America/Tijuana', '646': 'America/Tijuana', '662': 'America/Hermosillo', '614': 'America/Chihuahua', '656': 'America/Ciudad_Juarez', '998': 'America/Cancun', '669': 'America/Mazatlan', '612': 'America/Mazatlan' },
  BR: { '92': 'America/Manaus', '97': 'America/Manaus', '65': 'America/Cuiaba', '66': 'America/Cuiaba', '67': 'America/Campo_Grande', '68': 'America/Rio_Branco', '69': 'America/Porto_Velho', '95': 'America/Boa_Vista', '91': 'America/Belem', '81': 'America/Recife', '85': 'America/Fortaleza', '71': 'America/Bahia' },
};

/** The zone of a phone number (international, or national in `defaultCountry`), or `null`. */
export function zoneOfNumber(number: string | null, defaultCountry: string | null): string | null {
  if (number === null || number.replace(/\D/g, '').length < 6) return null;
  const parsed = parsePhoneNumberFromString(number, defaultCountry === null ? undefined : { defaultCountry: defaultCountry as CountryCode });
  const country = parsed?.country;
  if (parsed === undefined || country === undefined) return null;
  const areas = AREA_ZONES[country];
  if (areas !== undefined) {
    // Mobile numbers carry a 1 (Mexico) or 9 (Argentina) before the area code in some plans.
    const national = parsed.nationalNumber.replace(/^1(?=\d{10}$)/, '');
    for (const length of [3, 2]) {
      const zone = areas[national.slice(0, length)];
      if (zone !== undefined) return zone;
    }
  }
  return COUNTRY_ZONES[country] ?? null;
}

/**
 * The customer's zone: `recordZone` (the record field's value) when it is a zone this browser
 * knows, else the number's; `null` when neither tells. `known` checks a zone name.
 */
export function customerZoneOf(recordZone: unknown, number: string | null, defaultCountry: string | null, known: (zone: string) => boolean): CustomerZone | null {
  if (typeof recordZone === 'string' && recordZone.trim() !== '' && known(recordZone.trim())) return { zone: recordZone.trim(), source: 'record' };
  const zone = zoneOfNumber(number, defaultCountry);
  return zone === null ? null : { zone, source: 'number' };
}

/** The earliest date and time the form accepts, as the customer's clock shows them. */
export function earliestInZone(now: Date, zone: string): { readonly date: string; readonly time: string } {
  const wall = wallTimeIn(now.getTime(), zone);
  return { date: wall.slice(0, 10), time: wall.slice(11, 16) };
}

/**
 * Checks a callback typed in the customer's `zone` and gives it back as the agent's wall time (what
 * the machine, the Task and the platform adapter hold; the adapter moves it to `platformTimeZone`).
 * The shape problems are those of {@link checkCallbackTime}; "past" is judged on the instant.
 */
export function checkCustomerCallback(date: string, time: string, now: Date, zone: string, agentZone: string): CallbackTimeCheck {
  const shape = checkCallbackTime(date, time, new Date(0));
  if (!shape.ok) return shape;
  const agentWall = convertWallTime(shape.when, zone, agentZone);
  return checkCallbackTime(agentWall.slice(0, 10), agentWall.slice(11), now);
}

/** The agent's `YYYY-MM-DD HH:mm` for a customer date and time, or `null` while they are incomplete. */
export function agentTimeOf(date: string, time: string, zone: string, agentZone: string): string | null {
  const shape = checkCallbackTime(date, time, new Date(0));
  if (!shape.ok) return null;
  return convertWallTime(shape.when, zone, agentZone).slice(0, 16).replace('T', ' ');
}
