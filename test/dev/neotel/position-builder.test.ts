import { afterEach, describe, expect, it } from 'vitest';
import { NeoDateFormat } from '../../../dev/neotel/center/clock.ts';
import { POSITION_KEYS } from '../../../dev/neotel/center/position-builder.ts';
import { parsePosition, parsePositionEntries } from '../../../src/platforms/neotel/position.ts';
import { NEWER_IDLE } from '../../platforms/neotel/position-samples.ts';
import { makeHarness, settle, testScenario, type Harness } from './center-harness.ts';

let h: Harness;
afterEach(() => h.center.shutdown());

describe('Position as the simulator prints it', () => {
  it('has the key set and order of a newer real server, Ñ in keys and a trailing |', () => {
    h = makeHarness();
    h.loginAgent('1001');
    const raw = h.raw('1001');
    expect(raw.endsWith('|')).toBe(true);
    const keys = parsePositionEntries(raw).entries.map((e) => e.key);
    expect(keys).toEqual([...POSITION_KEYS]);
    expect(keys).toEqual(parsePositionEntries(NEWER_IDLE).entries.map((e) => e.key));
    expect(keys).toEqual(expect.arrayContaining(['SAL_CAMPAÑA_DEFAULT', 'INICIO_LOGIN_CAMPAÑA', 'CAMPAÑA', 'CAMPAÑA_ULT']));
  });

  it('prints an idle position exactly like the real idle sample, apart from identity and times', () => {
    h = makeHarness();
    h.pbx.register('SIP/1001', '172.16.2.40', 33182);
    h.center.login('SIP/1001', '1001', '1234');
    const ours = parsePositionEntries(h.raw('1001'));
    const real = parsePositionEntries(NEWER_IDLE);
    const differing = ours.entries.filter((e) => real.get(e.key) !== e.value).map((e) => e.key);
    // Identity, login time and the last call time (the sample had one) differ; everything else matches.
    expect(differing).toEqual(['DEVICE', 'USUARIO', 'INICIO_LOGIN', 'TIEMPO_LLAMADA']);
  });

  it('round-trips through the client parser at every step of a call without a single problem', async () => {
    h = makeHarness();
    h.loginAgent('1001', 97);
    const seen: string[] = [];
    const check = () => {
      const p = parsePosition(h.raw('1001'));
      expect(p.problems).toEqual([]);
      seen.push(`${p.crmState ?? ''}/${p.subState ?? '-'}/${p.callId === undefined ? 'no call' : 'call'}`);
    };
    check();
    h.center.distributeNow();
    await settle();
    check();
    h.pbx.lastAgentLeg('SIP/1001')!.answer();
    await settle();
    check();
    h.center.crmShowingContact('1001', 7, 12345, '003Dt000HccIdlkIIC');
    check();
    h.center.hangup('1001');
    check();
    h.center.crmAvailable('1001');
    check();
    expect(seen).toEqual(['Available/-/no call', 'GetContact/RINGING/call', 'GetContact/AGENT/call', 'ShowingContact/AGENT/call', 'ShowingContact/-/no call', 'Available/-/no call']);
  });

  it('prints the 24-hour variant when the scenario says so', () => {
    h = makeHarness({ scenario: testScenario((s) => (s.platform.clock = '24h')) });
    h.loginAgent('1001');
    expect(h.raw('1001')).toContain('|INICIO_LOGIN=14/07/2024 16:01:50|');
    expect(h.raw('1001')).toContain('|RINGING=01/01/0001 00:00:00|');
  });

  it('never lets a value break the payload: a | inside a value is replaced', async () => {
    h = makeHarness();
    h.loginAgent('1001');
    h.center.placeInbound({ number: '2615554444', queue: 4, clave: 'A=1|B=2' });
    await settle();
    expect(parsePosition(h.raw('1001')).clave).toBe('A=1/B=2');
  });
});

describe('NeoDateFormat', () => {
  it.each([
    [Date.UTC(2014, 6, 14, 19, 1, 50), '14/07/2014 04:01:50 p.m.'],
    [Date.UTC(2014, 6, 14, 3, 0, 0), '14/07/2014 12:00:00 a.m.'],
    [Date.UTC(2014, 6, 14, 15, 30, 0), '14/07/2014 12:30:00 p.m.'],
  ])('prints %d as %s (es-AR, Buenos Aires)', (at, text) => {
    expect(new NeoDateFormat('America/Argentina/Buenos_Aires', '12h').format(at)).toBe(text);
  });

  it('prints the unset sentinels', () => {
    const f = new NeoDateFormat('UTC', '12h');
    expect(f.format(undefined)).toBe('01/01/2000 12:00:00 a.m.');
    expect(f.format(undefined, 'min')).toBe('01/01/0001 12:00:00 a.m.');
  });
});
