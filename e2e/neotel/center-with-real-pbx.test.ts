/**
 * The contact center wired to the real simulated PBX through `startNeotel`: a SIP device registers
 * over the server's own /sip WebSocket with the scenario's password, NeoApi Login then finds the
 * position (and Position shows the registration), and Dial rings that device with a
 * platform-originated INVITE carrying the platform call id.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { computeDigestResponse, parseDigestCredentials } from '../../dev/neotel/pbx/sip/digest.ts';
import { createResponse, type SipMessage, type SipRequest, type SipResponse } from '../../dev/neotel/pbx/sip/message.ts';
import { parseSipMessage } from '../../dev/neotel/pbx/sip/parser.ts';
import { NeotelControl } from '../../dev/neotel/control-client.ts';
import { startNeotel, type NeotelServer } from '../../dev/neotel/server.ts';
import { parsePosition } from '../../src/platforms/neotel/position.ts';
import { testScenario } from '../../test/dev/neotel/center-harness.ts';

/** Just enough of a SIP-over-WebSocket phone to register and see an INVITE. */
class MiniPhone {
  private readonly frames: string[] = [];
  private seq = 0;
  private constructor(
    private readonly ws: WebSocket,
    private readonly user: string,
  ) {
    ws.on('message', (data: Buffer) => this.frames.push(data.toString('utf8')));
  }

  static async connect(url: string, user: string): Promise<MiniPhone> {
    const ws = new WebSocket(url, 'sip');
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return new MiniPhone(ws, user);
  }

  private async next(match: (m: SipMessage) => boolean, timeoutMs = 5000): Promise<SipMessage> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const index = this.frames.findIndex((frame) => {
        const parsed = parseSipMessage(frame);
        return parsed.ok && match(parsed.message);
      });
      if (index >= 0) {
        const parsed = parseSipMessage(this.frames.splice(index, 1)[0]!);
        if (parsed.ok) return parsed.message;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`no matching SIP frame within ${timeoutMs} ms; frames: ${this.frames.map((f) => f.split('\r\n')[0]).join(' / ')}`);
  }

  private register(extra: string[]): void {
    this.seq++;
    this.ws.send(
      [
        'REGISTER sip:127.0.0.1 SIP/2.0',
        `Via: SIP/2.0/WS x${this.user}.invalid;branch=z9hG4bK${this.user}r${this.seq}`,
        'Max-Forwards: 70',
        `To: <sip:${this.user}@127.0.0.1>`,
        `From: <sip:${this.user}@127.0.0.1>;tag=t${this.user}`,
        `Call-ID: reg-${this.user}`,
        `CSeq: ${this.seq} REGISTER`,
        `Contact: <sip:${this.user}c@x${this.user}.invalid;transport=ws>;expires=600`,
        ...extra,
        '',
        '',
      ].join('\r\n'),
    );
  }

  /** Digest REGISTER; answers the final status. */
  async registerWith(password: string): Promise<number> {
    this.register([]);
    const challenge = parseDigestCredentials(((await this.next((m) => m.kind === 'response' && m.status === 401)) as SipResponse).get('www-authenticate')!)!;
    const fields = { username: this.user, realm: challenge.realm!, nonce: challenge.nonce!, uri: 'sip:127.0.0.1', qop: 'auth' as const, nc: '00000001', cnonce: 'c0ffee' };
    const response = computeDigestResponse({ ...fields, password, method: 'REGISTER' });
    this.register([`Authorization: Digest username="${fields.username}", realm="${fields.realm}", nonce="${fields.nonce}", uri="${fields.uri}", response="${response}", algorithm=MD5, qop=auth, nc=00000001, cnonce="c0ffee"`]);
    return ((await this.next((m) => m.kind === 'response' && m.status >= 200)) as SipResponse).status;
  }

  async invite(): Promise<SipRequest> {
    return (await this.next((m) => m.kind === 'request' && m.method === 'INVITE')) as SipRequest;
  }

  reply(request: SipRequest, status: number): void {
    this.ws.send(createResponse(request, status).serialize());
  }

  close(): void {
    this.ws.terminate();
  }
}

let neotel: NeotelServer;
let control: NeotelControl;
const phones: MiniPhone[] = [];

beforeAll(async () => {
  neotel = await startNeotel({ scenario: testScenario() });
  control = new NeotelControl(neotel.url);
});
afterAll(async () => {
  await neotel.close();
});
afterEach(() => {
  for (const phone of phones.splice(0)) phone.close();
});

describe('contact center on the real PBX', () => {
  it('logs in only once the device registered with the scenario password, and Dial rings it as a platform leg', async () => {
    expect((await control.neoApi('Login', { DEVICE: 'SIP/1001', USUARIO: '1001', CLAVE: '1234' })).body).toBe('Position SIP/1001 not found\r\n');
    const phone = await MiniPhone.connect(neotel.sipUrl, '1001');
    phones.push(phone);
    expect(await phone.registerWith('wrong')).toBe(403);
    expect(await phone.registerWith('sip-1001')).toBe(200);
    expect((await control.neoApi('Login', { DEVICE: 'SIP/1001', USUARIO: '1001', CLAVE: '1234' })).status).toBe(200);
    const before = parsePosition((await control.neoApi('Position', { USUARIO: '1001' })).body.replace(/^[\s\S]*?<string[^>]*>|<\/string>$/g, ''));
    expect(before).toMatchObject({ statusOk: true, ip: '127.0.0.1' });
    expect(before.port).toBeGreaterThan(0);

    expect((await control.neoApi('Dial', { USUARIO: '1001', TELEFONO: '1155550202' })).body).toContain('>true</boolean>');
    const callId = parsePosition((await control.neoApi('Position', { USUARIO: '1001' })).body.replace(/^[\s\S]*?<string[^>]*>|<\/string>$/g, '')).callId;
    const invite = await phone.invite();
    expect(invite.get('x-neotel-callid')).toBe(callId);
    expect(invite.get('x-neotel-leg')).toBe('platform');
    expect(invite.get('x-neotel-dialed')).toBe('1155550202');

    phone.reply(invite, 486);
    for (let i = 0; i < 100 && (await control.call(callId!)).phase !== 'ended'; i++) await new Promise((r) => setTimeout(r, 20));
    expect(await control.call(callId!)).toMatchObject({ phase: 'ended', endReason: expect.stringContaining('agent did not take the Dial leg (rejected)') });
    expect(parsePosition((await control.neoApi('Position', { USUARIO: '1001' })).body.replace(/^[\s\S]*?<string[^>]*>|<\/string>$/g, '')).callId).toBeUndefined();
  });
});
