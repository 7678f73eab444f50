/**
 * The simulated PBX's SIP over WebSocket, frame by frame, with a raw `ws` client (no browser):
 * what a softphone can rely on, and that garbage never takes the server down.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createPbx, type SimulatedPbx } from '../../dev/neotel/pbx/index.ts';
import { computeDigestResponse, parseDigestCredentials } from '../../dev/neotel/pbx/sip/digest.ts';
import { createResponse, type SipMessage, type SipRequest, type SipResponse } from '../../dev/neotel/pbx/sip/message.ts';
import { parseSipMessage } from '../../dev/neotel/pbx/sip/parser.ts';
import { topVia } from '../../dev/neotel/pbx/sip/syntax.ts';
import { assertInLoopbackNamespace } from '../support/browser.ts';
import type { LegEndReason, Registration } from '../../dev/neotel/pbx/types.ts';

/** A bare SIP-over-WebSocket peer that records every frame it gets. */
class WireClient {
  readonly frames: string[] = [];
  private waiters: (() => void)[] = [];
  private seq = 0;

  private constructor(readonly ws: WebSocket, readonly user: string) {
    ws.on('message', (data) => {
      this.frames.push((data as Buffer).toString('utf8')); // text frames arrive as one Buffer
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  static async connect(url: string, user = '1001'): Promise<WireClient> {
    const ws = new WebSocket(url, 'sip');
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return new WireClient(ws, user);
  }

  sendText(text: string): void {
    this.ws.send(text);
  }

  send(message: SipMessage): void {
    this.ws.send(message.serialize());
  }

  /** A request from this client, as sip.js would word it. */
  request(method: string, extra: string[] = [], options: { callId?: string; toTag?: string; body?: string } = {}): string {
    this.seq++;
    return [
      `${method} sip:${method === 'REGISTER' ? '' : `${this.user}@`}127.0.0.1 SIP/2.0`,
      `Via: SIP/2.0/WS x${this.user}.invalid;branch=z9hG4bK${this.user}${method}${this.seq}`,
      'Max-Forwards: 70',
      `To: <sip:${this.user}@127.0.0.1>${options.toTag ? `;tag=${options.toTag}` : ''}`,
      `From: <sip:${this.user}@127.0.0.1>;tag=from${this.user}`,
      `Call-ID: ${options.callId ?? `call-${this.user}-${this.seq}`}`,
      `CSeq: ${this.seq} ${method}`,
      ...extra,
      '',
      options.body ?? '',
    ].join('\r\n');
  }

  /** The next frame (after `from`) that parses and satisfies `match`. */
  async next(match: (message: SipMessage) => boolean, timeoutMs = 3000, from = 0): Promise<SipMessage> {
    const deadline = Date.now() + timeoutMs;
    for (let index = from; ;) {
      for (; index < this.frames.length; index++) {
        const parsed = parseSipMessage(this.frames[index]!);
        if (parsed.ok && match(parsed.message)) {
          this.frames.splice(index, 1);
          return parsed.message;
        }
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching SIP frame within ${timeoutMs} ms; got:\n${this.frames.map((f) => f.split('\r\n')[0]).join('\n')}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  response(status: number): Promise<SipResponse> {
    return this.next((m) => m.kind === 'response' && m.status === status) as Promise<SipResponse>;
  }

  incoming(method: string, timeoutMs?: number): Promise<SipRequest> {
    return this.next((m) => m.kind === 'request' && m.method === method, timeoutMs) as Promise<SipRequest>;
  }

  /** Full digest REGISTER (401 then 200); returns the final status. */
  async register(password: string, expires = 600): Promise<number> {
    const contact = `Contact: <sip:${this.user}c@x${this.user}.invalid;transport=ws>;expires=${expires}`;
    this.sendText(this.request('REGISTER', [contact]));
    const challenge = parseDigestCredentials((await this.response(401)).get('www-authenticate')!)!;
    const fields = { username: this.user, realm: challenge.realm!, nonce: challenge.nonce!, uri: 'sip:127.0.0.1', qop: 'auth' as const, nc: '00000001', cnonce: 'c0ffee' };
    const response = computeDigestResponse({ ...fields, password, method: 'REGISTER' });
    const authorization = `Authorization: Digest username="${fields.username}", realm="${fields.realm}", nonce="${fields.nonce}", uri="${fields.uri}", response="${response}", algorithm=MD5, qop=auth, nc=00000001, cnonce="c0ffee"`;
    this.sendText(this.request('REGISTER', [contact, authorization]));
    const final = (await this.next((m) => m.kind === 'response' && m.status >= 200)) as SipResponse;
    return final.status;
  }

  close(): void {
    this.ws.terminate();
  }
}

function endedReason(leg: { on(event: 'ended', listener: (reason: LegEndReason, detail?: string) => void): () => void }): Promise<[LegEndReason, string | undefined]> {
  return new Promise((resolve) => leg.on('ended', (reason, detail) => resolve([reason, detail])));
}

describe('PBX SIP over WebSocket (wire level)', () => {
  let pbx: SimulatedPbx;
  let server: Server;
  let url: string;
  const clients: WireClient[] = [];
  const connect = async (user?: string) => {
    const client = await WireClient.connect(url, user);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    assertInLoopbackNamespace();
    pbx = createPbx({ ringTimeoutMs: 5000 });
    pbx.setDevicePassword('SIP/1001', 'secret');
    pbx.setDevicePassword('SIP/1002', 'secret2');
    server = createServer((_request, response) => response.writeHead(404).end());
    pbx.attach(server, '/sip');
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/sip`;
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
  });
  afterAll(async () => {
    await pbx.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('refuses a WebSocket upgrade that does not offer the sip subprotocol', async () => {
    const ws = new WebSocket(url);
    ws.on('error', () => undefined); // the refused handshake also surfaces as an error event
    const status = await new Promise<number | undefined>((resolve) => {
      ws.on('unexpected-response', (_request, response) => resolve(response.statusCode));
      ws.on('open', () => resolve(undefined));
    });
    ws.terminate();
    expect(status).toBe(400);
  });

  it('answers OPTIONS 200 and CRLF keep-alives with CRLF', async () => {
    const client = await connect();
    client.sendText(client.request('OPTIONS'));
    const ok = await client.response(200);
    expect(ok.get('allow')).toContain('INVITE');
    client.sendText('\r\n\r\n');
    await expect.poll(() => client.frames.includes('\r\n'), { timeout: 2000 }).toBe(true);
  });

  it('answers 400 to a malformed request it can address, drops garbage, and keeps serving', async () => {
    const client = await connect();
    client.sendText('\u0000\u0001 not SIP at all');
    client.ws.send(Buffer.from([0xff, 0xfe, 0x00, 0x13]), { binary: true });
    client.sendText(client.request('OPTIONS').replace(/CSeq: (\d+) OPTIONS/, 'CSeq: $1 INVITE'));
    const bad = await client.response(400);
    expect(bad.reason).toContain('does not match');
    client.sendText(client.request('OPTIONS'));
    await client.response(200);
    expect(client.frames.filter((frame) => frame.startsWith('SIP/2.0')).length).toBe(0);
  });

  it('refuses a browser-originated INVITE with 403, pointing at NeoApi Dial', async () => {
    const client = await connect();
    client.sendText(client.request('INVITE', ['Content-Type: application/sdp'], { body: 'v=0\r\n' }));
    expect((await client.response(403)).reason).toContain('NeoApi Dial');
  });

  it('answers 481 to a BYE outside any dialog and 405 to MESSAGE', async () => {
    const client = await connect();
    client.sendText(client.request('BYE', [], { toTag: 'nope' }));
    await client.response(481);
    client.sendText(client.request('MESSAGE', ['Content-Type: text/plain'], { body: 'hi' }));
    expect((await client.response(405)).get('allow')).toContain('REGISTER');
  });

  it('registers with digest auth, refuses a wrong password, and unregisters when the socket drops', async () => {
    const changes: [string, Registration | undefined][] = [];
    const stop = pbx.onRegistrationChange((device, registration) => changes.push([device, registration]));
    const wrong = await connect('1002');
    expect(await wrong.register('guess')).toBe(403);
    expect(pbx.registration('SIP/1002')).toBeUndefined();
    const client = await connect('1002');
    expect(await client.register('secret2')).toBe(200);
    const registration = pbx.registration('SIP/1002');
    expect(registration).toMatchObject({ device: 'SIP/1002', ip: '127.0.0.1' });
    expect(registration!.port).toBe((client.ws as unknown as { _socket: { localPort: number } })._socket.localPort);
    client.close();
    await expect.poll(() => pbx.registration('SIP/1002'), { timeout: 2000 }).toBeUndefined();
    stop();
    expect(changes.map(([device, r]) => [device, r ? 'registered' : 'gone'])).toEqual([['SIP/1002', 'registered'], ['SIP/1002', 'gone']]);
  });

  it('INVITEs a platform leg with the Neotel headers and a loopback PCMU + telephone-event/8000 offer; 486 ends it as rejected', async () => {
    const client = await connect();
    expect(await client.register('secret')).toBe(200);
    const leg = pbx.callAgent({ device: 'SIP/1001', callId: 'IDLL-77', fromNumber: '600111222', fromDisplayName: 'Ana', platformOriginated: true, headers: { 'X-Neotel-Queue': 'VENTAS' } });
    const ended = endedReason(leg);
    const invite = await client.incoming('INVITE');
    expect(invite.uri).toBe('sip:1001c@x1001.invalid;transport=ws');
    expect(invite.get('x-neotel-callid')).toBe('IDLL-77');
    expect(invite.get('x-neotel-leg')).toBe('platform');
    expect(invite.get('call-info')).toBe('<sip:127.0.0.1>;answer-after=0');
    expect(invite.get('x-neotel-queue')).toBe('VENTAS');
    expect(invite.get('from')).toMatch(/^"Ana" <sip:600111222@127\.0\.0\.1>;tag=/);
    expect(invite.body).toMatch(/^m=audio \d+ UDP\/TLS\/RTP\/SAVPF 0 101$/m);
    expect(invite.body).toContain('a=rtpmap:101 telephone-event/8000');
    const candidates = invite.body.split('\r\n').filter((line) => line.startsWith('a=candidate'));
    expect(candidates.length).toBeGreaterThan(0);
    expect(candidates.every((line) => line.includes(' 127.0.0.1 '))).toBe(true);
    client.send(createResponse(invite, 180, { toTag: 'agent1' }));
    client.send(createResponse(invite, 486, { toTag: 'agent1' }));
    const ack = await client.incoming('ACK');
    expect(topVia(ack.getAll('via'))?.params.branch).toBe(topVia(invite.getAll('via'))?.params.branch);
    expect(await ended).toEqual(['rejected', '486 Busy Here']);
  });

  it('rings a queue leg without Call-Info; hanging up while ringing CANCELs and the 487 is ACKed', async () => {
    const client = await connect();
    expect(await client.register('secret')).toBe(200);
    const leg = pbx.callAgent({ device: 'SIP/1001', callId: 'Q1', fromNumber: '600', platformOriginated: false });
    const ended = endedReason(leg);
    const invite = await client.incoming('INVITE');
    expect(invite.get('x-neotel-leg')).toBe('queue');
    expect(invite.get('call-info')).toBeUndefined();
    client.send(createResponse(invite, 180, { toTag: 'q1' }));
    leg.hangup();
    const cancel = await client.incoming('CANCEL');
    expect(cancel.get('cseq')).toBe('1 CANCEL');
    expect(await ended).toEqual(['local', undefined]);
    client.send(createResponse(cancel, 200));
    client.send(createResponse(invite, 487, { toTag: 'q1' }));
    expect((await client.incoming('ACK')).get('cseq')).toBe('1 ACK');
  });

  it('gives up after ringTimeoutMs with a CANCEL and ends as timeout', async () => {
    const client = await connect();
    expect(await client.register('secret')).toBe(200);
    const started = Date.now();
    const leg = pbx.callAgent({ device: 'SIP/1001', callId: 'T1', fromNumber: '600', platformOriginated: false, ringTimeoutMs: 400 });
    const ended = endedReason(leg);
    await client.incoming('INVITE');
    await client.incoming('CANCEL');
    expect((await ended)[0]).toBe('timeout');
    expect(Date.now() - started).toBeGreaterThanOrEqual(380);
  });

  it('ACKs and then BYEs a 200 OK that crosses its CANCEL', async () => {
    const client = await connect();
    expect(await client.register('secret')).toBe(200);
    const leg = pbx.callAgent({ device: 'SIP/1001', callId: 'X1', fromNumber: '600', platformOriginated: false });
    const invite = await client.incoming('INVITE');
    leg.hangup();
    await client.incoming('CANCEL');
    const ok = createResponse(invite, 200, { toTag: 'late', body: 'v=0\r\n', headers: { Contact: '<sip:1001c@x1001.invalid;transport=ws>' } });
    client.send(ok);
    const ack = await client.incoming('ACK');
    const bye = await client.incoming('BYE');
    expect(ack.uri).toBe('sip:1001c@x1001.invalid;transport=ws');
    expect(bye.get('to')).toContain('tag=late');
    expect(bye.get('cseq')).toBe('2 BYE');
  });

  it('ends a ringing leg as unreachable when the WebSocket drops, and a call to an unregistered device at once', async () => {
    const client = await connect();
    expect(await client.register('secret')).toBe(200);
    const leg = pbx.callAgent({ device: 'SIP/1001', callId: 'D1', fromNumber: '600', platformOriginated: false });
    const ended = endedReason(leg);
    await client.incoming('INVITE');
    client.close();
    expect((await ended)[0]).toBe('unreachable');
    await expect.poll(() => pbx.registration('SIP/1001'), { timeout: 2000 }).toBeUndefined();
    expect(await endedReason(pbx.callAgent({ device: 'SIP/1001', callId: 'D2', fromNumber: '600', platformOriginated: true })))
      .toEqual(['unreachable', 'device SIP/1001 is not registered']);
  });
});
