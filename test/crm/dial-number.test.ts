/** Dial numbers as a table: countries, formats Salesforce stores, prefixes, and hostile input. */
import { describe, expect, it } from 'vitest';
import type { DialRefusal as ViewDialRefusal } from '../../src/view/agent-view.ts';
import { dialPlanFrom, normaliseDialNumber, type DialKind, type DialPlan, type DialRefusal } from '../../src/crm/dial-number.ts';

const plan = (defaultCountry: string | null, prefixes: Partial<Omit<DialPlan, 'defaultCountry'>> = {}): DialPlan => ({
  outsidePrefix: '',
  longDistancePrefix: '',
  internationalPrefix: '',
  defaultCountry,
  ...prefixes,
});

/** An Argentine center behind a PBX: `0` for an outside line, `00` abroad. */
const AR = plan('AR', { outsidePrefix: '0', internationalPrefix: '00' });
/** A Brazilian center choosing carrier 15 for long distance (`0 15`) and abroad (`00 15`). */
const BR = plan('BR', { longDistancePrefix: '015', internationalPrefix: '0015' });
const CL = plan('CL');
const MX = plan('MX', { internationalPrefix: '00' });
const ES = plan('ES', { internationalPrefix: '00' });
/** A US center: `9` for a line, `1` long distance, `011` abroad (Salesforce's classic example). */
const US = plan('US', { outsidePrefix: '9', longDistancePrefix: '1', internationalPrefix: '011' });
/** No country: numbers go as typed, only the outside prefix and `+` rules apply. */
const TYPED = plan(null, { outsidePrefix: '0' });

interface Row {
  readonly plan: string;
  readonly input: string;
  readonly dial: string;
  readonly e164: string | null;
  readonly kind: DialKind;
  readonly extension?: string;
}

const PLANS: Readonly<Record<string, DialPlan>> = { AR, BR, CL, MX, ES, US, TYPED };

const ACCEPTED: readonly Row[] = [
  // Argentina: area code with trunk 0, mobiles with 15 nationally and 9 internationally.
  { plan: 'AR', input: '(11) 5555-0000', dial: '001155550000', e164: '+541155550000', kind: 'national' },
  { plan: 'AR', input: '011 15-5555-0000', dial: '00111555550000', e164: '+5491155550000', kind: 'national' },
  { plan: 'AR', input: '+54 9 11 5555-0000', dial: '00111555550000', e164: '+5491155550000', kind: 'national' },
  { plan: 'AR', input: '011 4321-5678 ext 12', dial: '001143215678', e164: '+541143215678', kind: 'national', extension: '12' },
  { plan: 'AR', input: '4321-5678', dial: '043215678', e164: null, kind: 'asTyped' },
  { plan: 'AR', input: '00 34 912 345 678', dial: '00034912345678', e164: '+34912345678', kind: 'international' },
  { plan: 'AR', input: '+55 11 95555-0000', dial: '0005511955550000', e164: '+5511955550000', kind: 'international' },
  // Brazil: no trunk prefix in the national format, so the long-distance prefix (carrier) goes first.
  { plan: 'BR', input: '(11) 95555-0000', dial: '01511955550000', e164: '+5511955550000', kind: 'national' },
  { plan: 'BR', input: '+55 21 3333-4444', dial: '0152133334444', e164: '+552133334444', kind: 'national' },
  { plan: 'BR', input: '+1 (212) 555-0100', dial: '001512125550100', e164: '+12125550100', kind: 'international' },
  { plan: 'BR', input: '(11) 3333-4444 ramal 205', dial: '0151133334444', e164: '+551133334444', kind: 'national', extension: '205' },
  // Chile: closed numbering plan, no prefixes; `+` kept for abroad.
  { plan: 'CL', input: '9 6123 4567', dial: '961234567', e164: '+56961234567', kind: 'national' },
  { plan: 'CL', input: '+56 2 2123 4567', dial: '221234567', e164: '+56221234567', kind: 'national' },
  { plan: 'CL', input: '+54 9 11 5555 0000', dial: '+5491155550000', e164: '+5491155550000', kind: 'international' },
  // Mexico: ten digits; the retired mobile `1` is not a possible number, so it goes as typed.
  { plan: 'MX', input: '55 5555 0000', dial: '5555550000', e164: '+525555550000', kind: 'national' },
  { plan: 'MX', input: '+52 1 55 5555 0000', dial: '005215555550000', e164: null, kind: 'asTyped' },
  { plan: 'MX', input: '+1 212 555 0100 x7', dial: '0012125550100', e164: '+12125550100', kind: 'international', extension: '7' },
  // Spain: nine digits, `00` abroad.
  { plan: 'ES', input: '912 345 678', dial: '912345678', e164: '+34912345678', kind: 'national' },
  { plan: 'ES', input: '+34 612 34 56 78', dial: '612345678', e164: '+34612345678', kind: 'national' },
  { plan: 'ES', input: '0054 9 11 5555 0000', dial: '005491155550000', e164: '+5491155550000', kind: 'international' },
  // United States: `9` + `1` + area code nationally, `9` + `011` abroad.
  { plan: 'US', input: '(212) 555-0100', dial: '912125550100', e164: '+12125550100', kind: 'national' },
  { plan: 'US', input: '1-212-555-0100', dial: '912125550100', e164: '+12125550100', kind: 'national' },
  { plan: 'US', input: '+54 9 11 5555-0000', dial: '90115491155550000', e164: '+5491155550000', kind: 'international' },
  { plan: 'US', input: '011 54 9 11 5555 0000', dial: '90115491155550000', e164: '+5491155550000', kind: 'international' },
  { plan: 'US', input: '212.555.0100 ext. 4410', dial: '912125550100', e164: '+12125550100', kind: 'national', extension: '4410' },
  // No country: as typed, with the outside prefix; `+` numbers go as E.164.
  { plan: 'TYPED', input: '(11) 5555-0000', dial: '01155550000', e164: null, kind: 'asTyped' },
  { plan: 'TYPED', input: '+54 9 11 5555-0000', dial: '+5491155550000', e164: '+5491155550000', kind: 'international' },
  { plan: 'TYPED', input: '+44 (0)20 7946 0000', dial: '+442079460000', e164: '+442079460000', kind: 'international' },
  { plan: 'TYPED', input: 'tel:+5491155550000', dial: '+5491155550000', e164: '+5491155550000', kind: 'international' },
  // Internal extensions and feature codes: as typed, never prefixed, whatever the plan.
  { plan: 'US', input: '1001', dial: '1001', e164: null, kind: 'internal' },
  { plan: 'AR', input: '911', dial: '911', e164: null, kind: 'internal' },
  { plan: 'TYPED', input: '205 301', dial: '205301', e164: null, kind: 'internal' },
  { plan: 'AR', input: '*12', dial: '*12', e164: null, kind: 'code' },
  { plan: 'US', input: '#31#', dial: '#31#', e164: null, kind: 'code' },
  // Other scripts' digits and typographic separators, as pasted from documents.
  { plan: 'AR', input: '٠١١ ٤٣٢١-٥٦٧٨', dial: '001143215678', e164: '+541143215678', kind: 'national' },
  { plan: 'ES', input: '９１２\u00a0３４５\u00a0６７８', dial: '912345678', e164: '+34912345678', kind: 'national' },
  { plan: 'TYPED', input: '𝟏𝟎𝟎𝟏', dial: '1001', e164: null, kind: 'internal' },
  { plan: 'CL', input: '9 6123–4567', dial: '961234567', e164: '+56961234567', kind: 'national' },
];

const REFUSED: readonly (readonly [string, string, DialRefusal])[] = [
  ['empty', '', 'empty'],
  ['blank', '  \t ', 'empty'],
  ['a script tag', '<script>alert(1)</script>', 'invalidCharacters'],
  ['a vanity number', '1-800-FLOWERS', 'invalidCharacters'],
  ['an e-mail address', 'ana@example.com', 'invalidCharacters'],
  ['200 digits', '1'.repeat(200), 'tooLong'],
  ['25 digits within the length limit', '1234567890 1234567890 12345', 'tooLong'],
  ['two digits', '12', 'tooShort'],
  ['a lone plus', '+', 'notANumber'],
  ['only separators', '( ) - .', 'notANumber'],
  ['a plus in the middle', '11+5555 0000', 'notANumber'],
  ['a plus before a feature code', '+*12', 'notANumber'],
  ['only an extension', 'ext 12', 'notANumber'],
  ['a control character', '11 5555\u00000000', 'invalidCharacters'],
];

describe('normaliseDialNumber', () => {
  it.each(ACCEPTED)('dials $input as $dial with the $plan plan ($kind)', (row) => {
    const plan = PLANS[row.plan];
    if (plan === undefined) throw new Error(`Unknown plan ${row.plan} in the table.`);
    expect(normaliseDialNumber(row.input, plan)).toEqual({ ok: true, dial: row.dial, e164: row.e164, kind: row.kind, droppedExtension: row.extension ?? null });
  });

  it.each(REFUSED)('refuses %s as %s', (_name, input, reason) => {
    for (const plan of Object.values(PLANS)) expect(normaliseDialNumber(input, plan)).toEqual({ ok: false, reason });
  });

  it('never lets anything but digits, a leading +, * and # reach Dial', () => {
    const samples = [...ACCEPTED.map((row) => row.input), '+1 (212) 555-0100', '55 5555 0000'];
    for (const input of samples) {
      for (const plan of Object.values(PLANS)) {
        const result = normaliseDialNumber(input, plan);
        if (result.ok) expect(result.dial).toMatch(/^\+?[\d*#]+$/);
      }
    }
  });

  it('treats an unknown default country as no country, dialling as typed', () => {
    expect(normaliseDialNumber('(11) 5555-0000', plan('ZZ'))).toEqual({ ok: true, dial: '1155550000', e164: null, kind: 'asTyped', droppedExtension: null });
  });

  it('accepts the country code in any case, as the configuration does', () => {
    expect(normaliseDialNumber('(11) 5555-0000', plan('ar'))).toMatchObject({ ok: true, dial: '01155550000', kind: 'national' });
  });

  it('answers within a millisecond on average even for the longest hostile input', () => {
    const hostile = '٠'.repeat(64);
    const start = performance.now();
    for (let i = 0; i < 200; i += 1) normaliseDialNumber(hostile, AR);
    expect((performance.now() - start) / 200).toBeLessThan(1);
  });
});

describe('dialPlanFrom', () => {
  it('takes the prefixes of reqDialingOptions and the default country of the agent settings', () => {
    const dialing = { outsidePrefix: '0', longDistancePrefix: '', internationalPrefix: '00' };
    expect(dialPlanFrom({ dialing, agent: { defaultCountry: 'AR' } })).toEqual({ ...dialing, defaultCountry: 'AR' });
  });
});

describe('DialRefusal', () => {
  it('is the same union the agent view translates', () => {
    type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
    const same: Same<DialRefusal, ViewDialRefusal> = true;
    expect(same).toBe(true);
  });
});
