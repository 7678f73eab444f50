import { describe, expect, it } from 'vitest';
import { checkOrigin, parseQuery, readLaunchParameters } from '../../src/opencti/launch-parameters.ts';

describe('parseQuery reads the query string like the Open CTI library', () => {
  it('decodes values but not keys, keeps "+" literal, and gives null to keys without "="', () => {
    const query = parseQuery('?sfdcIframeOrigin=https%3A%2F%2Fa.force.com&q=a+b&flag&x%41=1');
    expect(query.get('sfdcIframeOrigin')).toEqual(['https://a.force.com']);
    expect(query.get('q')).toEqual(['a+b']);
    expect(query.get('flag')).toEqual([null]);
    expect(query.get('x%41')).toEqual(['1']);
  });

  it('collects repeated keys and survives malformed escapes', () => {
    const query = parseQuery('a=1&a=2&bad=%E0%A4%A');
    expect(query.get('a')).toEqual(['1', '2']);
    expect(query.get('bad')).toEqual(['%E0%A4%A']);
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

  it('refuses a repeated sfdcIframeOrigin, which would break the library', () => {
    const origin = encodeURIComponent('https://a.force.com');
    const result = readLaunchParameters(`?mode=Lightning&sfdcIframeOrigin=${origin}&sfdcIframeOrigin=${origin}`, 'https:');
    expect(result).toMatchObject({ ok: false, reason: 'INVALID_ORIGIN' });
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
