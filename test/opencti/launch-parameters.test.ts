import { describe, expect, it } from 'vitest';
import { checkOrigin, parseQuery, readLaunchParameters } from '../../src/opencti/launch-parameters.ts';
import type { LaunchProblemReason, QueryValue } from '../../src/opencti/launch-parameters.ts';
import { loadLibrary } from '../dev/lightning/library-frame.ts';

/** The values of a query that parses, for assertions. */
function valuesOf(search: string): ReadonlyMap<string, QueryValue> {
  const parsed = parseQuery(search);
  if (!parsed.ok) throw new Error(`expected ${search} to parse: ${parsed.detail}`);
  return parsed.values;
}

describe('parseQuery reads the query string like the Open CTI library', () => {
  it('decodes values but not keys, keeps "+" literal, and gives null to keys without a value', () => {
    const query = valuesOf('?sfdcIframeOrigin=https%3A%2F%2Fa.force.com&q=a+b&flag&empty=&x%41=1');
    expect(query.get('sfdcIframeOrigin')).toBe('https://a.force.com');
    expect(query.get('q')).toBe('a+b');
    expect(query.get('flag')).toBeNull();
    expect(query.get('empty')).toBeNull();
    expect(query.get('x%41')).toBe('1');
  });

  it('keeps only the text between the first and the second "="', () => {
    const query = valuesOf('a=b=c&d==e');
    expect(query.get('a')).toBe('b');
    expect(query.get('d')).toBeNull();
  });

  it('skips pairs with an empty key', () => {
    expect([...valuesOf('?=x&&=&a=1').keys()]).toEqual(['a']);
  });

  it('lets a later value replace an empty first one, and lists a repeated non-empty one', () => {
    const query = valuesOf('a=&a=1&b&b=2&c=1&c=&c=3&d&d=');
    expect(query.get('a')).toBe('1');
    expect(query.get('b')).toBe('2');
    expect(query.get('c')).toEqual(['1', null, '3']);
    expect(query.get('d')).toBeNull();
  });

  it('treats keys named like Object.prototype members as ordinary keys', () => {
    const query = valuesOf('constructor=1&toString&hasOwnProperty=2');
    expect([query.get('constructor'), query.get('toString'), query.get('hasOwnProperty')]).toEqual(['1', null, '2']);
  });

  it('refuses, naming the parameter and the text, a malformed escape on which the library crashes', () => {
    const parsed = parseQuery('mode=Lightning&nonce=%E0%A4%A');
    expect(parsed).toEqual({ ok: false, detail: expect.stringMatching(/"nonce".*"%E0%A4%A"/) as unknown });
  });

  it('refuses a __proto__ key, on which the library crashes', () => {
    expect(parseQuery('mode=Lightning&__proto__=x')).toMatchObject({ ok: false, detail: expect.stringMatching(/__proto__/) as unknown });
  });
});

describe('checkOrigin accepts only bare web origins', () => {
  it.each([
    'https://acme.lightning.force.com',
    'https://acme--dev.sandbox.lightning.force.com:8443',
    'http://localhost:5173',
    'https://[::1]:8443',
    'http://127.0.0.1',
  ])('accepts %s', (origin) => {
    expect(checkOrigin(origin).ok).toBe(true);
  });

  it.each([
    'https://acme.lightning.force.com/',
    'https://acme.lightning.force.com/path',
    'https://acme.lightning.force.com?x=1',
    'https://acme.lightning.force.com:0',
    'ftp://acme.lightning.force.com',
    'javascript:alert(document.cookie)',
    'https://',
    'acme.lightning.force.com',
  ])('refuses %s', (origin) => {
    expect(checkOrigin(origin).ok).toBe(false);
  });
});

describe('readLaunchParameters', () => {
  it('reads origin and mode from a real-shaped Salesforce iframe URL, ignoring its other parameters', () => {
    const search =
      '?mode=Lightning&ltn_app_id=06m000000000001&isdtp=vw' +
      '&sfdcIframeOrigin=https%3A%2F%2Facme.lightning.force.com&clc=1&nonce=abc123';
    expect(readLaunchParameters(search, 'https:')).toEqual({
      ok: true,
      parameters: { sfdcIframeOrigin: 'https://acme.lightning.force.com', mode: 'Lightning' },
    });
  });

  it('refuses a repeated sfdcIframeOrigin, which would break the library, listing its values', () => {
    const origin = encodeURIComponent('https://a.force.com');
    const result = readLaunchParameters(`?mode=Lightning&sfdcIframeOrigin=${origin}&sfdcIframeOrigin=${origin}`, 'https:');
    expect(result).toMatchObject({ ok: false, reason: 'INVALID_ORIGIN', detail: expect.stringContaining('2 values (["https://a.force.com","https://a.force.com"])') as unknown });
  });

  it('refuses an https adapter inside an http host as a protocol mismatch too', () => {
    const result = readLaunchParameters(`?mode=Lightning&sfdcIframeOrigin=${encodeURIComponent('http://localhost:8080')}`, 'https:');
    expect(result).toMatchObject({ ok: false, reason: 'PROTOCOL_MISMATCH' });
  });

  it('treats an empty mode as missing', () => {
    const result = readLaunchParameters(`?mode=&sfdcIframeOrigin=${encodeURIComponent('https://a.force.com')}`, 'https:');
    expect(result).toMatchObject({ ok: false, reason: 'MISSING_MODE' });
  });
});

const ORIGIN = 'https://acme.lightning.force.com';
const O = encodeURIComponent(ORIGIN);

/**
 * Hostile, duplicate and empty URLs, each with what Salesforce's library does (v57; the emulator's
 * library follows it, and is run on every case to keep the two in step) and our reading.
 */
const CASES: readonly [what: string, search: string, outcome: 'ok' | LaunchProblemReason, mode?: string][] = [
  ['the real-shaped URL', `?mode=Lightning&ltn_app_id=06m&isdtp=vw&sfdcIframeOrigin=${O}&clc=1&nonce=ab`, 'ok', 'Lightning'],
  ['an empty sfdcIframeOrigin, then a valid one', `?sfdcIframeOrigin=&sfdcIframeOrigin=${O}&mode=Lightning`, 'ok', 'Lightning'],
  ['a bare sfdcIframeOrigin, then a valid one', `?sfdcIframeOrigin&sfdcIframeOrigin=${O}&mode=Lightning`, 'ok', 'Lightning'],
  ['a bare mode, then mode=Lightning', `?mode&mode=Lightning&sfdcIframeOrigin=${O}`, 'ok', 'Lightning'],
  ['an empty mode, then mode=Lightning', `?mode=&mode=Lightning&sfdcIframeOrigin=${O}`, 'ok', 'Lightning'],
  ['two modes', `?mode=Lightning&mode=Classic&sfdcIframeOrigin=${O}`, 'ok', 'Lightning'],
  ['mode=Lightning, then an empty mode', `?mode=Lightning&mode=&sfdcIframeOrigin=${O}`, 'ok', 'Lightning'],
  ['pairs with empty keys', `?=x&&=&mode=Lightning&sfdcIframeOrigin=${O}`, 'ok', 'Lightning'],
  ['text after a second "="', `?mode=Lightning=x&sfdcIframeOrigin=${O}=https%3A%2F%2Fevil.example.com`, 'ok', 'Lightning'],
  ['prototype-named keys', `?constructor=1&toString&mode=Lightning&sfdcIframeOrigin=${O}`, 'ok', 'Lightning'],
  ['a valid sfdcIframeOrigin twice', `?sfdcIframeOrigin=${O}&sfdcIframeOrigin=${O}&mode=Lightning`, 'INVALID_ORIGIN'],
  ['a valid sfdcIframeOrigin, then an empty one', `?sfdcIframeOrigin=${O}&sfdcIframeOrigin=&mode=Lightning`, 'INVALID_ORIGIN'],
  ['a valid sfdcIframeOrigin, then a bare one', `?sfdcIframeOrigin=${O}&sfdcIframeOrigin&mode=Lightning`, 'INVALID_ORIGIN'],
  ['two different origins', `?sfdcIframeOrigin=${O}&sfdcIframeOrigin=https%3A%2F%2Fb.force.com&mode=Lightning`, 'INVALID_ORIGIN'],
  ['an origin with a trailing slash', `?sfdcIframeOrigin=${O}%2F&mode=Lightning`, 'INVALID_ORIGIN'],
  ['an origin with a "+"', '?sfdcIframeOrigin=https%3A%2F%2Fa+b.force.com&mode=Lightning', 'INVALID_ORIGIN'],
  ['an upper-case scheme', '?sfdcIframeOrigin=HTTPS%3A%2F%2Fa.force.com&mode=Lightning', 'INVALID_ORIGIN'],
  ['an empty sfdcIframeOrigin only', '?sfdcIframeOrigin=&mode=Lightning', 'MISSING_ORIGIN'],
  ['an empty value between two "="', `?sfdcIframeOrigin==${O}&mode=Lightning`, 'MISSING_ORIGIN'],
  ['an encoded "=" in the key', `?sfdcIframeOrigin%3D${O}&mode=Lightning`, 'MISSING_ORIGIN'],
  ['only empty modes', `?mode&mode=&sfdcIframeOrigin=${O}`, 'MISSING_MODE'],
  ['a differently cased key', `?Mode=Lightning&sfdcIframeOrigin=${O}`, 'MISSING_MODE'],
  ['a malformed escape in another parameter', `?mode=Lightning&sfdcIframeOrigin=${O}&nonce=%E0%A4%A`, 'MALFORMED_QUERY'],
  ['a malformed escape in the origin', '?mode=Lightning&sfdcIframeOrigin=https%3A%2F%2F%zz.force.com', 'MALFORMED_QUERY'],
  ['a __proto__ key', `?__proto__=x&mode=Lightning&sfdcIframeOrigin=${O}`, 'MALFORMED_QUERY'],
];

describe('readLaunchParameters accepts exactly what Salesforce\'s library accepts', () => {
  it.each(CASES)('%s: %s → %s', (_what, search, outcome, mode) => {
    const salesforceAccepts = loadLibrary({ search }).thrown === undefined;
    expect(salesforceAccepts).toBe(outcome === 'ok');
    const result = readLaunchParameters(search, 'https:');
    if (outcome === 'ok') {
      expect(result).toEqual({ ok: true, parameters: { sfdcIframeOrigin: ORIGIN, mode } });
    } else {
      expect(result).toMatchObject({ ok: false, reason: outcome });
    }
  });

  it('refuses a protocol mismatch, as the library does', () => {
    const search = `?mode=Lightning&sfdcIframeOrigin=${O}`;
    expect(loadLibrary({ search, protocol: 'http:' }).thrown).toBeDefined();
    expect(readLaunchParameters(search, 'http:')).toMatchObject({ ok: false, reason: 'PROTOCOL_MISMATCH' });
  });

  it.each([
    ['an empty host label', 'https://acme..force.com'],
    ['port 0', 'https://acme.lightning.force.com:0'],
    ['a port above 65535', 'https://acme.lightning.force.com:99999'],
  ])('still refuses %s, which the library lets through but is no origin', (_what, origin) => {
    const search = `?mode=Lightning&sfdcIframeOrigin=${encodeURIComponent(origin)}`;
    expect(loadLibrary({ search }).thrown).toBeUndefined();
    expect(readLaunchParameters(search, 'https:')).toMatchObject({ ok: false, reason: 'INVALID_ORIGIN' });
  });

  it('says what to do about a malformed query, quoting the parameter', () => {
    const result = readLaunchParameters('?mode=Lightning&nonce=%E0%A4%A', 'https:');
    expect(result).toMatchObject({ ok: false, reason: 'MALFORMED_QUERY', detail: expect.stringMatching(/"nonce".*CTI Adapter URL/) as unknown });
  });
});
