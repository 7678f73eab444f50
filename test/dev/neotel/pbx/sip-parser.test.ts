import { describe, expect, it } from 'vitest';
import type { SipRequest} from '../../../../dev/neotel/pbx/sip/message.ts';
import { createResponse, SipResponse } from '../../../../dev/neotel/pbx/sip/message.ts';
import { parseSipMessage } from '../../../../dev/neotel/pbx/sip/parser.ts';
import { HEAVY_LOOP_BUDGET_MS } from '../../../support/budgets.ts';
import { parseCSeq, parseNameAddr, parseUri, parseVia, tagOf, topVia } from '../../../../dev/neotel/pbx/sip/syntax.ts';

const REGISTER = [
  'REGISTER sip:127.0.0.1 SIP/2.0',
  'Via: SIP/2.0/WS abc.invalid;branch=z9hG4bK123;rport',
  'Max-Forwards: 70',
  'To: <sip:1001@127.0.0.1>',
  'From: "Agent 1001" <sip:1001@127.0.0.1>;tag=ft1',
  'Call-ID: cid-1',
  'CSeq: 1 REGISTER',
  'Contact: <sip:x7y@abc.invalid;transport=ws>;+sip.ice;reg-id=1;expires=600',
  'Expires: 600',
  'Content-Length: 0',
  '',
  '',
].join('\r\n');

function parsedRequest(text: string): SipRequest {
  const result = parseSipMessage(text);
  if (!result.ok || result.message.kind !== 'request') throw new Error(`expected a request, got ${JSON.stringify(result)}`);
  return result.message;
}

describe('SIP message parsing', () => {
  it('reads a sip.js REGISTER: method, URI, headers and their parameters', () => {
    const request = parsedRequest(REGISTER);
    expect(request.method).toBe('REGISTER');
    expect(request.uri).toBe('sip:127.0.0.1');
    expect(topVia(request.getAll('via'))?.params.branch).toBe('z9hG4bK123');
    expect(parseCSeq(request.get('cseq'))).toEqual({ seq: 1, method: 'REGISTER' });
    expect(tagOf(request.get('from'))).toBe('ft1');
    const contact = parseNameAddr(request.get('contact')!);
    expect(contact?.uri).toBe('sip:x7y@abc.invalid;transport=ws');
    expect(contact?.params.expires).toBe('600');
    expect(parseUri(contact!.uri)).toMatchObject({ user: 'x7y', host: 'abc.invalid', params: { transport: 'ws' } });
  });

  it('serialises what it parsed back to an equivalent message', () => {
    const once = parsedRequest(REGISTER);
    const twice = parsedRequest(once.serialize());
    expect(twice.method).toBe(once.method);
    expect(twice.headers).toEqual(once.headers);
    expect(twice.body).toBe(once.body);
  });

  it('round-trips a response with an SDP body and counts Content-Length in bytes', () => {
    const response = new SipResponse(200, 'OK');
    response.add('Via', 'SIP/2.0/WS pbx;branch=z9hG4bKa').add('CSeq', '1 INVITE').add('Content-Type', 'application/sdp');
    response.body = 'v=0\r\ns=café\r\n';
    const text = response.serialize();
    expect(text).toContain(`Content-Length: ${Buffer.byteLength(response.body)}`);
    const parsed = parseSipMessage(text);
    expect(parsed.ok && parsed.message.kind === 'response' && parsed.message.body).toBe(response.body);
  });

  it('expands compact header names and unfolds continuation lines', () => {
    const text = REGISTER.replace('Call-ID: cid-1', 'i: cid-2').replace('Max-Forwards: 70', 'Subject: first\r\n  second');
    const request = parsedRequest(text);
    expect(request.get('Call-ID')).toBe('cid-2');
    expect(request.get('subject')).toBe('first second');
  });

  it('truncates the body to Content-Length and rejects a body shorter than declared', () => {
    const base = REGISTER.replace('Content-Length: 0', 'Content-Length: 3');
    expect(parsedRequest(`${base}abcdef`).body).toBe('abc');
    const short = parseSipMessage(`${base}ab`);
    expect(short.ok).toBe(false);
    expect(!short.ok && short.replyable).toBeTruthy();
  });

  it.each([
    ['an empty frame', ''],
    ['binary garbage', '\u0000\u0001\u0002\u00ff'],
    ['an HTTP request', 'GET / HTTP/1.1\r\nHost: x\r\n\r\n'],
    ['a start line without version', 'INVITE sip:x@y\r\nVia: x\r\n\r\n'],
    ['a status line with a bad code', 'SIP/2.0 99 Nope\r\nVia: SIP/2.0/WS x;branch=z9hG4bK1\r\nCSeq: 1 INVITE\r\n\r\n'],
  ])('refuses %s without a reply address', (_name, text) => {
    const result = parseSipMessage(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.replyable).toBeUndefined();
  });

  it.each([
    ['a CSeq method that differs from the request', REGISTER.replace('CSeq: 1 REGISTER', 'CSeq: 1 INVITE'), /does not match/],
    ['an unreadable CSeq', REGISTER.replace('CSeq: 1 REGISTER', 'CSeq: one REGISTER'), /CSeq/],
    ['a header line without colon', REGISTER.replace('Max-Forwards: 70', 'Max-Forwards 70'), /malformed header/],
    ['a non-numeric Content-Length', REGISTER.replace('Content-Length: 0', 'Content-Length: x'), /Content-Length/],
  ])('refuses %s but keeps enough to answer 400', (_name, text, reason) => {
    const result = parseSipMessage(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatch(reason);
    const reply = createResponse(result.replyable!, 400);
    expect(reply.get('call-id')).toBe('cid-1');
    expect(reply.getAll('via')).toEqual(['SIP/2.0/WS abc.invalid;branch=z9hG4bK123;rport']);
  });

  it('lists the missing mandatory headers by name', () => {
    const result = parseSipMessage(REGISTER.replace('Call-ID: cid-1\r\n', ''));
    expect(!result.ok && result.error).toBe('missing mandatory header(s): call-id');
  });

  it('never throws on random bytes or on random mutations of a valid message', { timeout: HEAVY_LOOP_BUDGET_MS }, () => {
    let seed = 42;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    for (let round = 0; round < 2000; round++) {
      const chars = Array.from({ length: REGISTER.length }, (_, i) => REGISTER.charAt(i)); // UTF-16 units on purpose
      for (let edits = 1 + Math.floor(random() * 8); edits > 0; edits--) {
        chars[Math.floor(random() * chars.length)] = String.fromCharCode(Math.floor(random() * 256));
      }
      expect(() => parseSipMessage(chars.join(''))).not.toThrow();
      expect(() => parseSipMessage(String.fromCharCode(...Array.from({ length: 64 }, () => Math.floor(random() * 256))))).not.toThrow();
    }
  });
});

describe('SIP responses and header values', () => {
  it('copies Via, From, To, Call-ID and CSeq, and adds a To tag only when missing', () => {
    const request = parsedRequest(REGISTER);
    const ok = createResponse(request, 200, { toTag: 'pbx1' });
    expect(ok.serialize().split('\r\n')[0]).toBe('SIP/2.0 200 OK');
    expect(ok.get('to')).toBe('<sip:1001@127.0.0.1>;tag=pbx1');
    expect(ok.get('cseq')).toBe('1 REGISTER');
    request.set('To', '<sip:1001@127.0.0.1>;tag=already');
    expect(createResponse(request, 200, { toTag: 'pbx1' }).get('to')).toBe('<sip:1001@127.0.0.1>;tag=already');
  });

  it('parses name-addr with quoted display names containing separators', () => {
    expect(parseNameAddr('"Pérez, Ana; <VIP>" <sip:600111222@pbx>;tag=9')).toEqual({
      displayName: 'Pérez, Ana; <VIP>', uri: 'sip:600111222@pbx', params: { tag: '9' },
    });
    expect(parseNameAddr('sip:1001@pbx;tag=4')).toEqual({ displayName: undefined, uri: 'sip:1001@pbx', params: { tag: '4' } });
    expect(parseNameAddr('"unterminated <sip:x@y')).toBeUndefined();
  });

  it('parses Via with port and rejects non-SIP transports lines', () => {
    expect(parseVia('SIP/2.0/WSS 10.0.0.1:5061;branch=z9hG4bKx;rport')).toEqual({
      transport: 'WSS', host: '10.0.0.1', port: 5061, params: { branch: 'z9hG4bKx', rport: '' },
    });
    expect(parseVia('HTTP/1.1 host')).toBeUndefined();
  });
});
