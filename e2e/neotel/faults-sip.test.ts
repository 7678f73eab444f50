/**
 * SIP transport drops (`POST /control/sip/drop`) against the real simulated PBX, with a raw `ws`
 * client that registers with digest auth the way sip.js does: the socket closes abruptly, the
 * registration and the call riding on it go, and `refuseMs` makes the next upgrade fail.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { NeotelControl } from '../../dev/neotel/control-client.ts';
import { computeDigestResponse, parseDigestCredentials } from '../../dev/neotel/pbx/sip/digest.ts';
import type { SipMessage, SipResponse } from '../../dev/neotel/pbx/sip/message.ts';
import { parseSipMessage } from '../../dev/neotel/pbx/sip/parser.ts';
import { startNeotel, type NeotelServer } from '../../dev/neotel/server.ts';
import { eventually, testScenario } from '../../test/dev/neotel/center-harness.ts';
import { assertInLoopbackNamespace } from '../support/browser.ts';

/** A SIP-over-WebSocket device: REGISTER with digest, and the frames it received. */
class SipDevice {
  readonly frames: SipMessage[] = [];
  /** The WebSocket close code, once closed. */
  readonly closed: Promise<number>;
  private seq = 0;

  private constructor(readonly ws: WebSocket, readonly user: string) {
    ws.on('message', (data) => {
      const parsed = parseSipMessage((data as Buffer).toString('utf8'));
      if (parsed.ok) this.frames.push(parsed.message);
    });
    this.closed = new Promise((resolve) => ws.once('close', (code) => resolve(code)));
  }

  /** Opens the WebSocket; rejects with the HTTP status when the upgrade is refused. */
  static async connect(url: string, user: string): Promise<SipDevice> {
    const ws = new WebSocket(url, 'sip');
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode ?? 0} Retry-After ${String(res.headers['retry-after'])}`)));
      ws.once('error', reject);
    });
    return new SipDevice(ws, user);
  }

  async next(match: (message: SipMessage) => boolean, timeoutMs = 3000): Promise<SipMessage> {
    let found: SipMessage | undefined;
    await eventually(() => {
      const index = this.frames.findIndex(match);
      expect(index, `a matching SIP frame for ${this.user}`).toBeGreaterThanOrEqual(0);
      [found] = this.frames.splice(index, 1);
    }, timeoutMs);
    return found!;
  }

  /** REGISTER, 401, REGISTER with credentials; the final status. */
  async register(password: string): Promise<number> {
    const contact = `Contact: <sip:${this.user}c@x${this.user}.invalid;transport=ws>;expires=600`;
    this.ws.send(this.registerText([contact]));
    const challengeResponse = (await this.next((m) => m.kind === 'response' && m.status === 401)) as SipResponse;
    const challenge = parseDigestCredentials(challengeResponse.get('www-authenticate') ?? '')!;
    const fields = { username: this.user, realm: challenge.realm!, nonce: challenge.nonce!, uri: 'sip:127.0.0.1', qop: 'auth' as const, nc: '00000001', cnonce: 'c0ffee' };
    const digest = computeDigestResponse({ ...fields, password, method: 'REGISTER' });
    this.ws.send(this.registerText([contact, `Authorization: Digest username="${this.user}", realm="${fields.realm}", nonce="${fields.nonce}", uri="${fields.uri}", response="${digest}", algorithm=MD5, qop=auth, nc=00000001, cnonce="c0ffee"`]));
    return ((await this.next((m) => m.kind === 'response' && m.status >= 200)) as SipResponse).status;
  }

  private registerText(extra: string[]): string {
    this.seq++;
    return [
      'REGISTER sip:127.0.0.1 SIP/2.0',
      `Via: SIP/2.0/WS x${this.user}.invalid;branch=z9hG4bKreg${this.user}${this.seq}`,
      'Max-Forwards: 70',
      `To: <sip:${this.user}@127.0.0.1>`,
      `From: <sip:${this.user}@127.0.0.1>;tag=from${this.user}`,
      `Call-ID: reg-${this.user}`,
      `CSeq: ${this.seq} REGISTER`,
      ...extra,
      'Content-Length: 0',
      '',
      '',
    ].join('\r\n');
  }
}

let neotel: NeotelServer;
let control: NeotelControl;
const devices: SipDevice[] = [];

async function registered(user: string): Promise<SipDevice> {
  const device = await SipDevice.connect(neotel.sipUrl, user);
  devices.push(device);
  expect(await device.register(`sip-${user}`)).toBe(200);
  return device;
}

beforeAll(async () => {
  assertInLoopbackNamespace();
  neotel = await startNeotel({ scenario: testScenario() });
  control = new NeotelControl(neotel.url);
});
afterEach(async () => {
  for (const device of devices.splice(0)) device.ws.terminate();
  await control.reset();
});
afterAll(async () => {
  await neotel.close();
});

describe('SIP transport drop', () => {
  it('closes only the chosen device\'s registered WebSocket, abruptly, and its registration goes', async () => {
    const first = await registered('1001');
    const second = await registered('1002');
    expect(neotel.pbx.registration('SIP/1001')).toBeDefined();

    expect(await control.dropSip('SIP/1001')).toEqual({ closed: 1, refusingUntil: null });
    expect(await first.closed).toBe(1006); // no close frame: what a network blip looks like
    await eventually(() => expect(neotel.pbx.registration('SIP/1001')).toBeUndefined());
    expect(second.ws.readyState).toBe(WebSocket.OPEN);
    expect(neotel.pbx.registration('SIP/1002')).toBeDefined();
    expect(await control.dropSip('SIP/1003')).toEqual({ closed: 0, refusingUntil: null });
  });

  it('shows the logged-in agent\'s position unregistered until the device registers again', async () => {
    await registered('1001');
    expect((await control.neoApi('Login', { DEVICE: 'SIP/1001', USUARIO: '1001', CLAVE: '1234' })).status).toBe(200);
    await control.dropSip();
    await eventually(async () => expect((await control.positions())[0]?.position).toContain('|IP=0.0.0.0|PORT=0|STATUS=|'));
    await registered('1001');
    expect((await control.positions())[0]?.position).toContain('|STATUS=OK|');
  });

  it('refuses new upgrades with 503 for refuseMs, then accepts them again', async () => {
    const device = await registered('1001');
    const dropped = await control.dropSip(undefined, 800);
    expect(dropped.closed).toBe(1);
    expect(Date.parse(dropped.refusingUntil ?? '') - Date.now()).toBeGreaterThan(500);
    await device.closed;

    await expect(SipDevice.connect(neotel.sipUrl, '1001')).rejects.toThrow(/upgrade refused: 503 Retry-After 1/);
    await new Promise((resolve) => setTimeout(resolve, 900));
    await registered('1001');
  });

  it('ends a call whose agent leg rides on the dropped socket (the dialog cannot survive it)', async () => {
    const device = await registered('1001');
    expect((await control.neoApi('Login', { DEVICE: 'SIP/1001', USUARIO: '1001', CLAVE: '1234' })).status).toBe(200);
    expect((await control.neoApi('Dial', { USUARIO: '1001', TELEFONO: '1155550101' })).body).toContain('>true<');
    await device.next((m) => m.kind === 'request' && m.method === 'INVITE');
    const [call] = await control.calls();
    expect(call?.phase).toBe('ringing');

    await control.dropSip('SIP/1001');
    await eventually(async () => expect((await control.call(call!.id)).phase).toBe('ended'));
    expect(JSON.stringify((await control.call(call!.id)).events)).toContain('unreachable');
  });
});
