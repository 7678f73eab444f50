/** Caller id of an incoming INVITE: the asserted identity first, then the older RPID, then From. */
import { describe, expect, it } from 'vitest';
import { assertedCaller, parseIncomingCall, uriNumber } from '../../src/sip/incoming-call.ts';

const headers = (values: Record<string, string>) => (name: string): string | undefined =>
  Object.entries(values).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];

describe('caller id', () => {
  it('reads the number and name from P-Asserted-Identity before From', () => {
    const call = parseIncomingCall({
      sipCallId: 'c1',
      header: headers({ 'P-Asserted-Identity': '"Ana Cliente" <sip:+34911234567@pbx.example;user=phone>' }),
      fromUser: 'bot',
      fromDisplayName: 'Dialer bot',
    });
    expect(call.callerNumber).toBe('+34911234567');
    expect(call.callerName).toBe('Ana Cliente');
  });

  it('takes the first P-Asserted-Identity entry with a number, tel: URIs included', () => {
    expect(assertedCaller(headers({ 'P-Asserted-Identity': '<tel:+5491155550000>, "X" <sip:other@h>' }))).toEqual({ number: '+5491155550000', name: null });
  });

  it('falls back to Remote-Party-ID with party=calling, ignoring the called party', () => {
    const header = headers({ 'Remote-Party-ID': '"Callee" <sip:200@h>;party=called, "Juan" <sip:1155@h>;party=calling;screen=yes' });
    expect(assertedCaller(header)).toEqual({ number: '1155', name: 'Juan' });
  });

  it('uses From when no identity is asserted, and "anonymous" when there is no user', () => {
    expect(parseIncomingCall({ sipCallId: 'c', header: headers({}), fromUser: '1001', fromDisplayName: '"Desk"' })).toMatchObject({ callerNumber: '1001', callerName: 'Desk' });
    expect(parseIncomingCall({ sipCallId: 'c', header: headers({}), fromUser: '', fromDisplayName: undefined })).toMatchObject({ callerNumber: 'anonymous', callerName: null });
  });

  it('reads a queue leg\'s From display name as the queue\'s name, not the caller\'s; an asserted name stays the caller\'s', () => {
    const queued = parseIncomingCall({ sipCallId: 'q', header: headers({ 'X-Neotel-Leg': 'queue' }), fromUser: '1144410001', fromDisplayName: '"Soporte"' });
    expect(queued).toMatchObject({ leg: 'queue', callerNumber: '1144410001', callerName: null, queueName: 'Soporte' });
    const asserted = parseIncomingCall({ sipCallId: 'q', header: headers({ 'X-Neotel-Leg': 'queue', 'P-Asserted-Identity': '"Ana Cliente" <sip:1155@h>' }), fromUser: '1155', fromDisplayName: 'Soporte' });
    expect(asserted).toMatchObject({ callerName: 'Ana Cliente', queueName: 'Soporte' });
    const direct = parseIncomingCall({ sipCallId: 'd', header: headers({ 'X-Neotel-Leg': 'platform' }), fromUser: '1155', fromDisplayName: 'Juan' });
    expect(direct).toMatchObject({ callerName: 'Juan', queueName: null });
  });

  it('reads sip:, sips: and tel: URIs, and nothing else', () => {
    expect(uriNumber('sips:%2B341@h')).toBe('+341');
    expect(uriNumber('tel:+1-555;phone-context=x')).toBe('+1-555');
    expect(uriNumber('mailto:a@b')).toBeNull();
  });
});
