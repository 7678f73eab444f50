import { describe, expect, it } from 'vitest';
import { normalizePositionKey, parsePosition, parsePositionEntries, readClaveSf, readKeyData, readNeoDateTime } from '../../../src/platforms/neotel/position.ts';
import { INBOUND_CALL, MANUAL_CALL, NEWER_IDLE, OLDER_SERVER, PREDICTIVE_DELIVERY, REFERENCE_SNIPPET } from './position-samples.ts';

describe('parsePositionEntries', () => {
  it('splits on | and on the first = only, keeping = and ; inside values', () => {
    const raw = parsePositionEntries(INBOUND_CALL);
    expect(raw.get('CLAVE')).toBe('RUT=6000000;ANI=223000000;DV=4;');
    expect(raw.problems).toEqual([]);
  });

  it('looks a key up by either spelling of Ñ', () => {
    const raw = parsePositionEntries(MANUAL_CALL);
    expect(raw.get('SAL_CAMPAÑA_DEFAULT')).toBe('3');
    expect(raw.get('SAL_CAMPANA_DEFAULT')).toBe('3');
    expect(raw.get('inicio_login_campaña')).toBe('28/05/2019 02:30:39 p.m.');
  });

  it('reads keys whose Ñ was mis-decoded (UTF-8 read as Latin-1, lossy ?)', () => {
    const raw = parsePositionEntries('SAL_CAMPAÃ‘A_DEFAULT=7|CAMPA?A=8|CAMPA\uFFFDA_ULT=9|');
    expect(raw.get('SAL_CAMPAÑA_DEFAULT')).toBe('7');
    expect(raw.get('CAMPANA')).toBe('8');
    expect(raw.get('CAMPAÑA_ULT')).toBe('9');
  });

  it('keeps unknown keys in order and reports items that are not KEY=VALUE without throwing', () => {
    const raw = parsePositionEntries(REFERENCE_SNIPPET);
    expect(raw.entries.map((e) => e.key)).toEqual(['DEVICE', 'IP', 'PORT', 'STATUS', 'SERVER', 'USUARIO', 'SAL_CAMPAÑA_DEFAULT', 'CANALES_ASOCIADOS']);
    expect(raw.problems).toEqual([{ index: 7, item: '...', reason: 'item has no "=" (expected KEY=VALUE)' }]);
  });

  it('reports a missing trailing | as a possible truncation, an empty key and a duplicate key', () => {
    const raw = parsePositionEntries('A=1|=2|A=3|B=4');
    expect(raw.get('A')).toBe('3');
    expect(raw.get('B')).toBe('4');
    expect(raw.problems.map((p) => p.reason)).toEqual(['item has an empty key', 'duplicate key A; the last value wins', 'payload does not end with "|" (truncated?)']);
  });

  it.each([null, undefined, 42, {}])('returns a problem, not an exception, for a non-string payload (%s)', (value) => {
    const raw = parsePositionEntries(value);
    expect(raw.entries).toEqual([]);
    expect(raw.problems).toHaveLength(1);
  });

  it('normalises keys to upper case with N for every Ñ spelling', () => {
    expect(normalizePositionKey(' sal_campaña_default ')).toBe('SAL_CAMPANA_DEFAULT');
  });
});

describe('readNeoDateTime', () => {
  it.each([
    ['14/07/2014 04:01:50 p.m.', '2014-07-14T16:01:50'],
    ['14/07/2014 12:05:00 a.m.', '2014-07-14T00:05:00'],
    ['14/07/2014 12:05:00 p.m.', '2014-07-14T12:05:00'],
    ['12/08/2021 13:59:09', '2021-08-12T13:59:09'],
    ['03/02/2020 09:15:00 a. m.', '2020-02-03T09:15:00'],
    ['03/02/2020 09:15:00\u00a0p.\u00a0m.', '2020-02-03T21:15:00'],
    ['03/02/2020 9:15 PM', '2020-02-03T21:15:00'],
    ['2020-02-03T21:15:00', '2020-02-03T21:15:00'],
  ])('reads %s as %s (day first, no time zone guessed)', (text, iso) => {
    const result = readNeoDateTime(text);
    expect(result.ok && result.value?.iso).toBe(iso);
  });

  it.each(['01/01/0001 12:00:00 a.m.', '01/01/2000 12:00:00 a.m.', '01/01/0001 00:00:00', '01/01/2000 00:00:00', ''])('treats %j as absent', (text) => {
    expect(readNeoDateTime(text)).toEqual({ ok: true, value: undefined });
  });

  it.each(['31/02/2020', '14/13/2014 10:00:00', '14/07/2014 13:00:00 p.m.', 'yesterday'])('reports %j as a problem', (text) => {
    expect(readNeoDateTime(text).ok).toBe(false);
  });
});

describe('parsePosition (typed fields)', () => {
  it('reads a manual outbound call: call id, direction, phone, recording, associated channel', () => {
    const p = parsePosition(MANUAL_CALL);
    expect(p.problems).toEqual([]);
    expect(p).toMatchObject({
      device: 'SIP/Agente0032',
      statusOk: true,
      user: '1002',
      outboundCampaign: 3,
      crmState: 'Available',
      subState: 'AGENT',
      callId: '1159449',
      callIdLast: '1159449',
      callType: 'Manual',
      direction: 'SALIENTE',
      phone: '0348715366000',
      recording: true,
      recordingFile: '0348715366000-1159449-20190528145718.mp3',
      outboundDialer: 'Manual',
      associatedChannels: ['SIP/TRUNK-00002667'],
    });
    expect(p.loginAt?.iso).toBe('2019-05-28T14:30:34');
    expect(p.ringingAt).toBeUndefined();
    expect(p.breakStartedAt).toBeUndefined();
    expect(p.base).toBeUndefined();
  });

  it('reads an inbound call with IVR data as key/value pairs', () => {
    const p = parsePosition(INBOUND_CALL);
    expect(p).toMatchObject({ direction: 'ENTRANTE', ani: '50000', dnis: '9992', queue: 3, campaign: 109, claveFields: { RUT: '6000000', ANI: '223000000', DV: '4' } });
    expect(p.claveSf).toBeUndefined();
    expect(p.loginAt?.iso).toBe('2014-07-14T16:01:50');
  });

  it('reads a predictive delivery: GetContact with base, contact and data', () => {
    const p = parsePosition(PREDICTIVE_DELIVERY);
    expect(p.problems).toEqual([]);
    expect(p).toMatchObject({ crmState: 'GetContact', base: 134, contactId: 641100, data: '361900', crm: -1, callType: 'OriginateExt', callOrigin: 'NO PROCESADO', outboundDialer: 'Predictive', outboundBase: 134 });
    expect(p.crmStateSince?.iso).toBe('2021-08-12T14:03:27');
  });

  it('reads an idle position: no call id, no campaign, unset sentinels absent', () => {
    const p = parsePosition(NEWER_IDLE);
    expect(p).toMatchObject({ callId: undefined, callIdLast: undefined, outboundCampaign: undefined, campaignLoginAt: undefined, crmStateSince: undefined, associatedChannels: [] });
    expect(p.callStartedAt?.iso).toBe('2014-07-14T13:59:38');
  });

  it('reads an older server: TIEMPO_LOGIN as the login time, unregistered device, unknown keys kept', () => {
    const p = parsePosition(OLDER_SERVER);
    expect(p).toMatchObject({ statusOk: false, ip: '0.0.0.0', port: undefined, outboundCampaign: 123, data: '4321' });
    expect(p.loginAt?.iso).toBe('2012-07-24T12:23:46');
    expect(p.entries.has('UNIQUEID_CANAL_ASOCIADO')).toBe(true);
  });

  it('survives garbage: bad numbers and dates become problems and undefined fields', () => {
    const p = parsePosition('USUARIO=1001|IDLLAMADA=abc|BASE=x1|INICIO_LOGIN=ayer|SUBTIPO_DESCANSO=4|');
    expect(p.user).toBe('1001');
    expect(p.base).toBeUndefined();
    expect(p.loginAt).toBeUndefined();
    expect(p.breakSubtype).toBe(4);
    expect(p.problems.map((x) => x.key)).toEqual(['IDLLAMADA', 'BASE', 'INICIO_LOGIN']);
  });

  it('reads the CLAVESF convention idContacto-Data, including the empty-data form', () => {
    expect(parsePosition('CLAVE=641175-0035g00000DtA1aAAF|').claveSf).toEqual({ contactId: 641175, data: '0035g00000DtA1aAAF' });
    expect(readClaveSf('30002-')).toEqual({ contactId: 30002, data: '' });
    expect(readClaveSf('RUT=1;')).toBeUndefined();
    expect(readKeyData('0035g00000DtA1aAAF')).toBeUndefined();
  });

  it('keeps caller data keyed __proto__, constructor or toString as plain fields', () => {
    const fields = readKeyData('__proto__=1;constructor=2;RUT=3;');
    expect(Object.getOwnPropertyDescriptor(fields, '__proto__')?.value).toBe('1');
    expect(fields?.constructor).toBe('2');
    expect(Object.keys(fields ?? {})).toEqual(['__proto__', 'constructor', 'RUT']);
    expect('toString' in (readKeyData('RUT=3;') ?? {})).toBe(false);
  });

  it('reads several associated channels separated by ¦¦, also mis-decoded as Â¦', () => {
    expect(parsePosition('CANALES_ASOCIADOS=¦¦SIP/A-1¦¦SIP/B-2|').associatedChannels).toEqual(['SIP/A-1', 'SIP/B-2']);
    expect(parsePosition('CANALES_ASOCIADOS=Â¦Â¦SIP/A-1|').associatedChannels).toEqual(['SIP/A-1']);
  });
});
