import { describe, expect, it } from 'vitest';
import { agentTimeOf, checkCustomerCallback, customerZoneOf, zoneOfNumber } from '../../src/crm/customer-zone.ts';
import { platformTimeOf } from '../../src/platforms/neotel/neotel-platform.ts';
import { convertWallTime, instantOfWallTime, isKnownTimeZone, wallTimeIn } from '../../src/shared/wall-time.ts';

describe('customer time zone', () => {
  it('places a number by country, and by area where the country spans zones', () => {
    expect(zoneOfNumber('+12135550142', null)).toBe('America/Los_Angeles');
    expect(zoneOfNumber('+13125550142', null)).toBe('America/Chicago');
    expect(zoneOfNumber('+12125550142', null)).toBe('America/New_York');
    expect(zoneOfNumber('011 4555-1234', 'AR')).toBe('America/Argentina/Buenos_Aires');
    expect(zoneOfNumber('+34 600 000 000', null)).toBe('Europe/Madrid');
    expect(zoneOfNumber('+55 92 99999-0000', null)).toBe('America/Manaus');
    expect(zoneOfNumber('anonymous', 'AR')).toBeNull();
    expect(zoneOfNumber(null, 'AR')).toBeNull();
  });

  it('prefers a valid record zone, and ignores one the browser does not know', () => {
    expect(customerZoneOf('America/Lima', '+12135550142', null, isKnownTimeZone)).toEqual({ zone: 'America/Lima', source: 'record' });
    expect(customerZoneOf('Mars/Olympus', '+12135550142', null, isKnownTimeZone)).toEqual({ zone: 'America/Los_Angeles', source: 'number' });
  });

  it('converts wall times between zones, across DST', () => {
    expect(wallTimeIn(Date.UTC(2026, 11, 7, 18, 0, 0), 'America/Los_Angeles')).toBe('2026-12-07T10:00:00');
    expect(instantOfWallTime('2026-12-07T10:00:00', 'America/Los_Angeles')).toBe(Date.UTC(2026, 11, 7, 18, 0, 0));
    expect(convertWallTime('2026-07-07T10:00:00', 'America/Los_Angeles', 'America/Argentina/Buenos_Aires')).toBe('2026-07-07T14:00:00');
    expect(convertWallTime('2026-12-07T10:00:00', 'America/Los_Angeles', 'America/Argentina/Buenos_Aires')).toBe('2026-12-07T15:00:00');
  });

  it('checks the customer\'s time and gives it as the agent\'s wall time', () => {
    const now = new Date(Date.UTC(2026, 11, 6, 12, 0, 0));
    expect(checkCustomerCallback('2026-12-07', '10:00', now, 'America/Los_Angeles', 'UTC')).toEqual({ ok: true, when: '2026-12-07T18:00:00' });
    // 03:00 in Los Angeles on the 6th is 11:00 UTC: already past for the agent at 12:00 UTC.
    expect(checkCustomerCallback('2026-12-06', '03:30', now, 'America/Los_Angeles', 'UTC')).toEqual({ ok: false, problem: 'past' });
    expect(checkCustomerCallback('2026-12-07', '', now, 'America/Los_Angeles', 'UTC')).toEqual({ ok: false, problem: 'missingTime' });
    expect(agentTimeOf('2026-12-07', '10:00', 'America/Los_Angeles', 'Europe/Madrid')).toBe('2026-12-07 19:00');
    expect(agentTimeOf('2026-12-07', '', 'America/Los_Angeles', 'Europe/Madrid')).toBeNull();
  });

  it('writes FECHA_AGENDA in the platform\'s zone, and as typed without one', () => {
    expect(platformTimeOf('America/Argentina/Buenos_Aires', 'UTC')('2026-12-07T18:00:00')).toBe('2026-12-07T15:00:00');
    expect(platformTimeOf(null, 'UTC')('2026-12-07T18:00:00')).toBe('2026-12-07T18:00:00');
  });
});
