import { getCountries } from 'libphonenumber-js';
import { describe, expect, it } from 'vitest';
import {
  PHONE_REGIONS,
  hasControlCharacter,
  isLoopbackHost,
  parseApiName,
  parseBoolean,
  parseCountryCode,
  parseHost,
  parseInteger,
  parseServiceUrl,
} from '../../src/config/value-parsers.ts';

const HTTPS = { secure: 'https:', insecure: 'http:', example: 'https://x.example.com/', allowQuery: true } as const;

describe('isLoopbackHost', () => {
  it.each(['localhost', 'LOCALHOST', 'localhost.', 'app.localhost', '127.0.0.1', '127.255.0.9', '[::1]'])('treats %s as loopback', (host) => {
    expect(isLoopbackHost(host)).toBe(true);
  });

  it.each(['localhost.example.com', 'mylocalhost', '128.0.0.1', '10.0.0.1', '127.0.0.1.example.com', '[::2]', '0.0.0.0', ''])('treats %s as a real host', (host) => {
    expect(isLoopbackHost(host)).toBe(false);
  });
});

describe('parseServiceUrl', () => {
  it('normalises an accepted URL through the URL parser', () => {
    const parsed = parseServiceUrl('HTTPS://Neotel.Example.com:443/a/../softphone/', HTTPS);
    expect(parsed.ok && parsed.value.href).toBe('https://neotel.example.com/softphone/');
  });

  it.each(['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd', 'vbscript:msgbox', 'http://evil.example.com/', '//neotel.example.com/'])(
    'refuses %s',
    (value) => {
      expect(parseServiceUrl(value, HTTPS).ok).toBe(false);
    },
  );

  it('refuses the localhost look-alike that resolves elsewhere', () => {
    expect(parseServiceUrl('http://localhost.evil.example.com/', HTTPS).ok).toBe(false);
  });
});

describe('parseHost', () => {
  it('refuses a host name longer than 253 characters and a label longer than 63', () => {
    expect(parseHost(`${'a'.repeat(63)}.`.repeat(4).concat('com')).ok).toBe(false);
    expect(parseHost(`${'a'.repeat(64)}.example.com`).ok).toBe(false);
    expect(parseHost(`${'a'.repeat(63)}.example.com`).ok).toBe(true);
  });

  it('refuses a bracketed value that is not an IPv6 address', () => {
    expect(parseHost('[::g]').ok).toBe(false);
    expect(parseHost('[1:2:3]').ok).toBe(false);
  });
});

describe('parseApiName', () => {
  it.each(['Phone', 'NationalId__c', 'ns__Field__c', 'Field_Name__c', 'Person_Field__pc', 'Ext__x', 'A'])('accepts the field %s', (name) => {
    expect(parseApiName(name, 'field').ok).toBe(true);
  });

  it.each(['', '_Phone', 'Phone_', 'Na__tional__Id__c__c', 'Field__c__', 'Field Name', '1Field', 'Field-Name', 'Fïeld', `F${'x'.repeat(100)}`])('refuses the field %j', (name) => {
    expect(parseApiName(name, 'field').ok).toBe(false);
  });
});

describe('parseInteger and parseBoolean', () => {
  it('turns -0 into 0 and keeps the sign of negatives inside the range', () => {
    expect(parseInteger('-0', -1, 5)).toEqual({ ok: true, value: 0 });
    expect(parseInteger('-1', -1, 5)).toEqual({ ok: true, value: -1 });
    expect(parseInteger('+1', -1, 5).ok).toBe(false);
  });

  it('says which number was out of range', () => {
    expect(parseInteger('7', 1, 5, 'ms')).toEqual({ ok: false, expected: 'a whole number from 1 to 5 ms', problem: '7 ms is out of range' });
  });

  it('accepts only the words true and false', () => {
    expect(parseBoolean('TrUe')).toEqual({ ok: true, value: true });
    expect(parseBoolean('t').ok).toBe(false);
  });
});

describe('parseCountryCode', () => {
  it('knows exactly the regions libphonenumber-js can format', () => {
    expect([...PHONE_REGIONS].sort()).toEqual([...getCountries()].sort());
  });

  it('refuses ISO codes without a numbering plan', () => {
    expect(parseCountryCode('AQ').ok).toBe(false);
    expect(parseCountryCode('br')).toEqual({ ok: true, value: 'BR' });
  });
});

describe('hasControlCharacter', () => {
  it('finds C0 controls and DEL but not accents or emoji', () => {
    expect(hasControlCharacter('a\u0000b')).toBe(true);
    expect(hasControlCharacter('tab\there')).toBe(true);
    expect(hasControlCharacter('del\u007f')).toBe(true);
    expect(hasControlCharacter('Almuerzo ☕ ñandú')).toBe(false);
  });
});
