import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { computeDigestResponse, parseDigestCredentials } from '../../../../dev/neotel/pbx/sip/digest.ts';
import type { SipResponse } from '../../../../dev/neotel/pbx/sip/message.ts';
import { parseSipMessage } from '../../../../dev/neotel/pbx/sip/parser.ts';
import { Registrar } from '../../../../dev/neotel/pbx/sip/registrar.ts';
import type { SipConnection } from '../../../../dev/neotel/pbx/sip/transport.ts';
import type { Registration } from '../../../../dev/neotel/pbx/types.ts';

function fakeConnection(port: number): SipConnection {
  return { id: `ws${port}`, remoteAddress: '::ffff:127.0.0.1', remotePort: port, open: true, send: () => undefined, close: () => undefined };
}

let cseq = 0;
function register(options: { user?: string; contact?: string; expires?: number; authorization?: string } = {}) {
  const user = options.user ?? '1001';
  const lines = [
    'REGISTER sip:127.0.0.1 SIP/2.0',
    'Via: SIP/2.0/WS abc.invalid;branch=z9hG4bK' + String(++cseq),
    `To: <sip:${user}@127.0.0.1>`,
    `From: <sip:${user}@127.0.0.1>;tag=f`,
    'Call-ID: reg-1',
    `CSeq: ${cseq} REGISTER`,
    `Contact: ${options.contact ?? '<sip:abc@x.invalid;transport=ws>'}${options.expires === undefined ? '' : `;expires=${options.expires}`}`,
    ...(options.authorization ? [`Authorization: ${options.authorization}`] : []),
    '', '',
  ];
  const parsed = parseSipMessage(lines.join('\r\n'));
  if (!parsed.ok || parsed.message.kind !== 'request') throw new Error('test REGISTER does not parse');
  return parsed.message;
}

function answerChallenge(challenge: SipResponse, password: string, user = '1001'): string {
  const params = parseDigestCredentials(challenge.get('www-authenticate')!)!;
  const fields = { username: user, realm: params.realm!, nonce: params.nonce!, uri: 'sip:127.0.0.1', qop: 'auth' as const, nc: '00000001', cnonce: 'xyz' };
  const response = computeDigestResponse({ ...fields, password, method: 'REGISTER' });
  return `Digest username="${user}", realm="${fields.realm}", nonce="${fields.nonce}", uri="${fields.uri}", response="${response}", algorithm=MD5, qop=auth, nc=00000001, cnonce="xyz"`;
}

describe('registrar', () => {
  let now = 1_700_000_000_000;
  let registrar: Registrar;
  let changes: [string, Registration | undefined][];
  const connection = fakeConnection(40001);

  beforeEach(() => {
    vi.useFakeTimers();
    registrar = new Registrar({ realm: 'neotel', now: () => now });
    registrar.setPassword('SIP/1001', 'secret');
    changes = [];
    registrar.onChange((device, registration) => changes.push([device, registration]));
  });
  afterEach(() => {
    registrar.close();
    vi.useRealTimers();
  });

  function registerWithPassword(password: string, extra: Parameters<typeof register>[0] = {}): SipResponse {
    const challenge = registrar.handleRegister(register(extra), connection);
    expect(challenge.status).toBe(401);
    return registrar.handleRegister(register({ ...extra, authorization: answerChallenge(challenge, password) }), connection);
  }

  it('challenges a REGISTER without credentials with MD5 digest and qop=auth', () => {
    const challenge = registrar.handleRegister(register(), connection);
    expect(challenge.status).toBe(401);
    expect(challenge.get('www-authenticate')).toMatch(/^Digest realm="neotel", nonce="[^"]+", algorithm=MD5, qop="auth"$/);
    expect(registrar.binding('SIP/1001')).toBeUndefined();
  });

  it('registers SIP/1001 for user 1001 with the right password and reports the WebSocket source', () => {
    const ok = registerWithPassword('secret', { expires: 600 });
    expect(ok.status).toBe(200);
    expect(ok.get('contact')).toBe('<sip:abc@x.invalid;transport=ws>;expires=600');
    expect(registrar.binding('SIP/1001')?.registration).toEqual({ device: 'SIP/1001', ip: '127.0.0.1', port: 40001, expiresAt: now + 600_000 });
    expect(changes.map(([device, registration]) => [device, registration?.port])).toEqual([['SIP/1001', 40001]]);
  });

  it('answers 403 to a wrong password and registers nothing', () => {
    expect(registerWithPassword('guess').status).toBe(403);
    expect(registrar.binding('SIP/1001')).toBeUndefined();
    expect(changes).toEqual([]);
  });

  it('answers 404 to a device that has no password in the scenario', () => {
    const response = registrar.handleRegister(register({ user: '2002' }), connection);
    expect(response.status).toBe(404);
    expect(response.reason).toContain('SIP/2002');
  });

  it('re-challenges as stale when the nonce has expired', () => {
    const challenge = registrar.handleRegister(register(), connection);
    now += 6 * 60_000;
    const response = registrar.handleRegister(register({ authorization: answerChallenge(challenge, 'secret') }), connection);
    expect(response.status).toBe(401);
    expect(response.get('www-authenticate')).toContain('stale=TRUE');
  });

  it('refuses an expiry shorter than 60 s with 423 and Min-Expires, and clamps long ones to 3600 s', () => {
    const brief = registerWithPassword('secret', { expires: 10 });
    expect(brief.status).toBe(423);
    expect(brief.get('min-expires')).toBe('60');
    expect(registerWithPassword('secret', { expires: 99_999 }).get('contact')).toMatch(/;expires=3600$/);
  });

  it('unregisters on expires=0 and fires the change with no registration', () => {
    registerWithPassword('secret', { expires: 600 });
    expect(registerWithPassword('secret', { expires: 0 }).status).toBe(200);
    expect(registrar.binding('SIP/1001')).toBeUndefined();
    expect(changes.at(-1)).toEqual(['SIP/1001', undefined]);
  });

  it('forgets a binding when it expires', () => {
    registerWithPassword('secret', { expires: 120 });
    vi.advanceTimersByTime(119_000);
    expect(registrar.binding('SIP/1001')).toBeDefined();
    vi.advanceTimersByTime(1_000);
    expect(registrar.binding('SIP/1001')).toBeUndefined();
    expect(changes.at(-1)).toEqual(['SIP/1001', undefined]);
  });

  it('drops the bindings of a closed WebSocket but not of a newer one', () => {
    registerWithPassword('secret', { expires: 600 });
    registrar.dropConnection(fakeConnection(40002));
    expect(registrar.binding('SIP/1001')).toBeDefined();
    registrar.dropConnection(connection);
    expect(registrar.binding('SIP/1001')).toBeUndefined();
  });
});
