import { describe, expect, it } from 'vitest';
import { checkCallbackTime, earliestCallbackInput, isFutureWallTime, localWallTime } from '../../src/crm/callback-time.ts';

/** 4 December 2026, 08:45:30 in the test process's own zone (the check compares local wall times). */
const NOW = new Date(2026, 11, 4, 8, 45, 30);

describe('the callback time an agent picks', () => {
  it('becomes FECHA_AGENDA in the agent’s wall time, seconds at zero', () => {
    expect(checkCallbackTime('2026-12-05', '10:30', NOW)).toEqual({ ok: true, when: '2026-12-05T10:30:00' });
    expect(checkCallbackTime(' 2026-12-04 ', '08:46', NOW)).toEqual({ ok: true, when: '2026-12-04T08:46:00' });
    expect(checkCallbackTime('2026-12-04', '08:46:15', NOW)).toEqual({ ok: true, when: '2026-12-04T08:46:15' });
  });

  it.each([
    ['', '10:00', 'missingDate'],
    ['2026-12-05', '', 'missingTime'],
    ['05/12/2026', '10:00', 'malformed'],
    ['2026-12-05', '10h', 'malformed'],
    ['2026-02-30', '10:00', 'malformed'],
    ['2026-12-05', '25:00', 'malformed'],
    ['2026-12-04', '08:45', 'past'],
    ['2026-12-04', '08:00', 'past'],
    ['2025-12-05', '10:00', 'past'],
  ])('refuses %j %j as %s', (date, time, problem) => {
    expect(checkCallbackTime(date, time, NOW)).toEqual({ ok: false, problem });
  });

  it('gives the pickers their minimum: today and the current minute', () => {
    expect(earliestCallbackInput(NOW)).toEqual({ date: '2026-12-04', time: '08:45' });
    expect(localWallTime(NOW)).toBe('2026-12-04T08:45:30');
  });

  it('checks a complete wall time for the app', () => {
    expect(isFutureWallTime('2026-12-05T10:30:00', NOW)).toBe(true);
    expect(isFutureWallTime('2026-12-04T08:45:00', NOW)).toBe(false);
    expect(isFutureWallTime('2026-12-05 10:30:00', NOW)).toBe(false);
    expect(isFutureWallTime('2026-12-05T10:30', NOW)).toBe(false);
  });
});
