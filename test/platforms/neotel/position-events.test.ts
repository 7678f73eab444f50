import { describe, expect, it } from 'vitest';
import { positionEvents, unusablePositionReason, type PositionSnapshotEvent } from '../../../src/platforms/neotel/position-events.ts';
import { parsePosition, type ParsedPosition } from '../../../src/platforms/neotel/position.ts';
import { INBOUND_CALL, MANUAL_CALL, NEWER_IDLE, OLDER_SERVER, PREDICTIVE_DELIVERY, REFERENCE_SNIPPET } from './position-samples.ts';

/** `raw` with the values of `keys` replaced (keys must exist in `raw`). */
function withKeys(raw: string, keys: Readonly<Record<string, string>>): string {
  let out = raw;
  for (const [key, value] of Object.entries(keys)) {
    const pattern = new RegExp(`(^|\\|)${key}=[^|]*\\|`);
    if (!pattern.test(out)) throw new Error(`sample has no key ${key}`);
    out = out.replace(pattern, (_m, lead: string) => `${lead}${key}=${value}|`);
  }
  return out;
}

const IDLE = NEWER_IDLE;
const ON_BREAK = withKeys(IDLE, { SUBTIPO_DESCANSO: '12', INICIO_DESCANSO: '14/07/2014 02:10:00 p.m.' });
const IN_CAMPAIGN = withKeys(IDLE, { SAL_CAMPAÑA_DEFAULT: '19', SAL_TIPO_DISCADOR: 'Predictive' });
const DELIVERY_RINGING = withKeys(PREDICTIVE_DELIVERY, { SUB_ESTADO: 'RINGING' });
/** After the hang-up: IDLLAMADA=0, the record stays on screen with GetContact. */
const DELIVERY_HUNG_UP = withKeys(PREDICTIVE_DELIVERY, { IDLLAMADA: '0', SUB_ESTADO: '', DIRECCION: '', TELEFONO: '', TIPO_LLAMADA: 'NotSet', CAMPAÑA: '0' });
const DELIVERY_RELEASED = withKeys(DELIVERY_HUNG_UP, { ESTADO_CRM: 'Available', CRM: '0', BASE: '0', IDCONTACTO: '0', DATA: '' });
const NEXT_DELIVERY = withKeys(PREDICTIVE_DELIVERY, { IDLLAMADA: '883600', IDCONTACTO: '641101', DATA: '361901', TELEFONO: '573132860001' });

const parsed = (raw: string): ParsedPosition => parsePosition(raw);
const kinds = (events: readonly PositionSnapshotEvent[]): string[] => events.map((e) => e.kind);

/** Runs a sequence of payloads and collects the kinds of each step (first step: previous = null). */
function run(payloads: readonly string[]): string[][] {
  let previous: ParsedPosition | null = null;
  return payloads.map((raw, i) => {
    const next = parsed(raw);
    const events = positionEvents(previous, next, 1000 + i);
    previous = next;
    return kinds(events);
  });
}

describe('positionEvents over sequences of real-shaped payloads', () => {
  it.each<[string, string[], string[][]]>([
    [
      'login, break and back: the first poll reports campaign and break, then only changes',
      [IDLE, IDLE, ON_BREAK, ON_BREAK, IDLE],
      [['campaignChanged', 'breakChanged'], [], ['breakChanged'], [], ['breakChanged']],
    ],
    [
      'campaign login then a dialer delivery ringing, answered, hung up, released',
      [IDLE, IN_CAMPAIGN, DELIVERY_RINGING, PREDICTIVE_DELIVERY, DELIVERY_HUNG_UP, DELIVERY_HUNG_UP, DELIVERY_RELEASED],
      [
        ['campaignChanged', 'breakChanged'],
        ['campaignChanged'],
        ['platformCallStarted', 'contactDelivered'],
        [],
        ['platformCallEnded'],
        [],
        [],
      ],
    ],
    [
      'a delivery straight after another (new IDLLAMADA and IDCONTACTO): ended, started, delivered',
      [PREDICTIVE_DELIVERY, NEXT_DELIVERY],
      [
        ['campaignChanged', 'breakChanged', 'platformCallStarted', 'contactDelivered'],
        ['platformCallEnded', 'platformCallStarted', 'contactDelivered'],
      ],
    ],
    [
      'manual Dial: ESTADO_CRM stays Available, the call comes from IDLLAMADA and ends when it returns to 0',
      [withKeys(MANUAL_CALL, { IDLLAMADA: '0', SUB_ESTADO: '', DIRECCION: '' }), MANUAL_CALL, MANUAL_CALL, withKeys(MANUAL_CALL, { IDLLAMADA: '0', SUB_ESTADO: '', DIRECCION: '' })],
      [['campaignChanged', 'breakChanged'], ['platformCallStarted'], [], ['platformCallEnded']],
    ],
  ])('%s', (_name, payloads, expected) => {
    expect(run(payloads)).toEqual(expected);
  });

  it('maps an inbound call with IVR CLAVE: direction, caller ANI, queue, campaign and CLAVE, without a delivery', () => {
    const events = positionEvents(parsed(withKeys(INBOUND_CALL, { IDLLAMADA: '0', SUB_ESTADO: '', DIRECCION: '' })), parsed(INBOUND_CALL), 42);
    expect(events).toEqual([
      {
        kind: 'platformCallStarted', callId: '26396268', direction: 'inbound', number: '50000', queue: 3, campaign: 109, callType: null, clave: 'RUT=6000000;ANI=223000000;DV=4;',
        platformData: { dialer: 'Manual', reason: null, outboundCrm: null, outboundBase: null, outboundCampaign: 109, recordingFile: '50000-26396268-201407141707.mp3' },
        at: 42,
      },
    ]);
  });

  it('maps a predictive delivery into DeliveredContact exactly as Position gave it', () => {
    const events = positionEvents(parsed(IN_CAMPAIGN), parsed(PREDICTIVE_DELIVERY), 7);
    expect(events.find((e) => e.kind === 'contactDelivered')).toEqual({
      kind: 'contactDelivered',
      callId: '883545',
      direction: 'outbound',
      contact: { crm: -1, base: 134, contactId: 641100, data: '361900', keyLabel: 'DATA', phone: '573132860000', clave: null, searchField: null, agendaId: null },
      at: 7,
    });
    expect(events.find((e) => e.kind === 'platformCallStarted')).toMatchObject({ callType: 'OriginateExt', number: '573132860000', campaign: 19 });
  });

  it('carries the dialer, the call reason, the outbound campaign and the recording file (seed 004 externalData)', () => {
    const events = positionEvents(parsed(IN_CAMPAIGN), parsed(PREDICTIVE_DELIVERY), 7);
    const started = events.find((e) => e.kind === 'platformCallStarted');
    expect(started).toMatchObject({ platformData: { dialer: 'Predictive', reason: 'NO PROCESADO' } });
    const noDialer = positionEvents(parsed(IN_CAMPAIGN), parsed(withKeys(PREDICTIVE_DELIVERY, { SAL_TIPO_DISCADOR: 'NotSet', GRABACION: '' })), 7);
    expect(noDialer.find((e) => e.kind === 'platformCallStarted')).toMatchObject({ platformData: { dialer: null, recordingFile: null } });
  });

  it('reports a call again when new facts about it arrive (CLAVE filled in a later poll)', () => {
    const early = withKeys(INBOUND_CALL, { CLAVE: '' });
    const events = positionEvents(parsed(early), parsed(INBOUND_CALL), 9);
    expect(events).toMatchObject([{ kind: 'platformCallStarted', callId: '26396268', clave: 'RUT=6000000;ANI=223000000;DV=4;' }]);
  });

  it('delivers once per IDLLAMADA/IDCONTACTO even when DATA or ESTADO_CRM flicker', () => {
    const showing = withKeys(PREDICTIVE_DELIVERY, { ESTADO_CRM: 'ShowingContact' });
    expect(run([PREDICTIVE_DELIVERY, showing, PREDICTIVE_DELIVERY, withKeys(PREDICTIVE_DELIVERY, { DATA: '999' })]).slice(1)).toEqual([[], [], []]);
  });

  it('catches a reloaded page up with the current call, delivery, break and campaign', () => {
    expect(kinds(positionEvents(null, parsed(withKeys(PREDICTIVE_DELIVERY, { SUBTIPO_DESCANSO: '4' })), 1))).toEqual([
      'campaignChanged', 'breakChanged', 'platformCallStarted', 'contactDelivered',
    ]);
    expect(positionEvents(null, parsed(ON_BREAK), 1)).toEqual([
      { kind: 'campaignChanged', campaign: null, at: 1 },
      { kind: 'breakChanged', subtype: 12, at: 1 },
    ]);
  });

  it('gives a reloaded page the record left on screen after the hang-up only as that ended call\'s (the machine never rings for it)', () => {
    const events = positionEvents(null, parsed(DELIVERY_HUNG_UP), 1);
    expect(kinds(events)).toEqual(['campaignChanged', 'breakChanged', 'contactDelivered']);
    expect(events[2]).toMatchObject({ callId: '883545', afterCall: true });
  });

  it('names the contact of a call never seen live (started and ended between two polls) once, with IDLLAMADA_ULT, marked afterCall', () => {
    const steps = run([IN_CAMPAIGN, DELIVERY_HUNG_UP, DELIVERY_HUNG_UP, withKeys(DELIVERY_HUNG_UP, { ESTADO_CRM: 'ShowingContact' }), DELIVERY_HUNG_UP]);
    expect(steps.slice(1)).toEqual([['contactDelivered'], [], [], []]);
    const [late] = positionEvents(parsed(IN_CAMPAIGN), parsed(DELIVERY_HUNG_UP), 5);
    expect(late).toMatchObject({ kind: 'contactDelivered', callId: '883545', direction: 'outbound', afterCall: true, contact: { base: 134, contactId: 641100 } });
  });

  it('does not repeat, after the hang-up, a delivery it made while the call was live', () => {
    expect(run([IN_CAMPAIGN, PREDICTIVE_DELIVERY, DELIVERY_HUNG_UP, DELIVERY_RELEASED]).slice(2)).toEqual([['platformCallEnded'], []]);
  });

  it('needs IDLLAMADA_ULT to tie a record left on screen to a call: without it, nothing', () => {
    expect(positionEvents(parsed(IN_CAMPAIGN), parsed(withKeys(DELIVERY_HUNG_UP, { IDLLAMADA_ULT: '0' })), 1)).toEqual([]);
  });

  it('reads the older key set (TIEMPO_LOGIN, no INICIO_*) the same way', () => {
    expect(positionEvents(null, parsed(OLDER_SERVER), 3)).toEqual([
      { kind: 'campaignChanged', campaign: 123, at: 3 },
      { kind: 'breakChanged', subtype: null, at: 3 },
    ]);
  });
});

describe('positionEvents never invents a call from garbage', () => {
  it.each([
    ['a bare IDLLAMADA with neither SUB_ESTADO nor DIRECCION', withKeys(IDLE, { IDLLAMADA: '5551' })],
    ['a non-numeric IDLLAMADA', withKeys(MANUAL_CALL, { IDLLAMADA: 'abc' })],
    ['IDLLAMADA of zeros', withKeys(MANUAL_CALL, { IDLLAMADA: '000' })],
    ['GetContact without a call', withKeys(DELIVERY_HUNG_UP, { IDCONTACTO: '777' })],
  ])('gives no call for %s', (_name, raw) => {
    const events = positionEvents(parsed(IDLE), parsed(raw), 1);
    // A record left on screen is only ever the ended call's (afterCall): the machine offers no call for it.
    expect(events.filter((e) => e.kind === 'platformCallStarted' || (e.kind === 'contactDelivered' && e.afterCall !== true))).toEqual([]);
  });

  it('gives a call but no delivery for GetContact whose IDCONTACTO is 0 (half-written record)', () => {
    expect(kinds(positionEvents(parsed(IN_CAMPAIGN), parsed(withKeys(PREDICTIVE_DELIVERY, { IDCONTACTO: '0' })), 1))).toEqual(['platformCallStarted']);
  });
});

describe('unusablePositionReason', () => {
  it('accepts every well-formed sample', () => {
    for (const raw of [IDLE, OLDER_SERVER, MANUAL_CALL, INBOUND_CALL, PREDICTIVE_DELIVERY]) expect(unusablePositionReason(parsed(raw))).toBeNull();
  });

  it.each<[string, unknown, RegExp]>([
    ['a non-string answer', null, /expected the Position text, got null/],
    ['an empty answer', '', /has no IDLLAMADA/],
    ['the truncated reference snippet', REFERENCE_SNIPPET, /has no IDLLAMADA/],
    ['a payload cut mid-IDLLAMADA', MANUAL_CALL.slice(0, MANUAL_CALL.indexOf('IDLLAMADA=') + 13), /truncated/],
    ['garbage text', '<html>Service Unavailable</html>', /truncated|has no/],
    ['an unreadable SUBTIPO_DESCANSO', withKeys(IDLE, { SUBTIPO_DESCANSO: 'x' }), /SUBTIPO_DESCANSO unreadable: expected an integer, got "x"/],
    ['a non-numeric IDLLAMADA', withKeys(IDLE, { IDLLAMADA: 'abc' }), /IDLLAMADA unreadable: expected a numeric call id/],
  ])('refuses %s, saying why', (_name, raw, reason) => {
    expect(unusablePositionReason(parsePosition(raw))).toMatch(reason);
  });

  it('keeps a missing SAL_CAMPAÑA_DEFAULT from reading as "left the campaign"', () => {
    expect(unusablePositionReason(parsed(IN_CAMPAIGN.replace(/SAL_CAMPAÑA_DEFAULT=19\|/, '')))).toMatch(/has no SAL_CAMPAÑA_DEFAULT/);
  });
});
