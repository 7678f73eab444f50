/**
 * A scripted PBX leg over UDP, for what baresip cannot be made to do: it calls the agent through
 * Kamailio asking for session timers (`Supported: timer`, `Session-Expires: 90;refresher=uac`) and
 * then refreshes the session with an in-dialog UPDATE, as Asterisk, FreeSWITCH and most SBCs do.
 * Plain RTP SDP (rtpengine turns it into WebRTC for the browser); no media is sent — the proof is
 * the signalling: the UPDATE's answer and that the call is still up after it.
 */
import { createSocket, type Socket } from 'node:dgram';

export interface SipReply {
  status: number;
  method: string;
  raw: string;
  header(name: string): string[];
}

const rand = (): string => Math.random().toString(36).slice(2, 10);

function parseReply(raw: string): SipReply | undefined {
  const [head = ''] = raw.split('\r\n\r\n');
  const lines = head.split('\r\n');
  const status = /^SIP\/2\.0 (\d{3})/.exec(lines[0] ?? '')?.[1];
  if (status === undefined) return undefined;
  const header = (name: string): string[] =>
    lines
      .slice(1)
      .filter((line) => line.toLowerCase().startsWith(`${name.toLowerCase()}:`))
      .flatMap((line) => line.slice(line.indexOf(':') + 1).split(/,(?=\s*<)/).map((part) => part.trim()));
  const method = header('CSeq')[0]?.split(/\s+/)[1] ?? '';
  return { status: Number(status), method, raw, header };
}

export class UdpUac {
  private readonly replies: SipReply[] = [];
  private readonly callId = `uac-${rand()}@127.0.0.1`;
  private readonly fromTag = rand();
  private cseq = 1;
  private dialog: { toTag: string; target: string; routes: string[] } | undefined;

  private constructor(
    private readonly socket: Socket,
    private readonly port: number,
    private readonly proxyPort: number,
    private readonly domain: string,
  ) {
    socket.on('message', (data) => {
      const reply = parseReply(data.toString('utf8'));
      if (reply) this.replies.push(reply);
    });
  }

  static async open(proxyPort: number, domain: string): Promise<UdpUac> {
    const socket = createSocket('udp4');
    await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
    return new UdpUac(socket, socket.address().port, proxyPort, domain);
  }

  /** Replies received so far for `method`. */
  repliesTo(method: string): SipReply[] {
    return this.replies.filter((reply) => reply.method === method);
  }

  private send(lines: string[], body = ''): void {
    const text = [...lines, `Content-Length: ${Buffer.byteLength(body)}`, '', body].join('\r\n');
    this.socket.send(text, this.proxyPort, '127.0.0.1');
  }

  private common(method: string, uri: string, cseq: number): string[] {
    const to = `<sip:${uri.replace(/^sip:/, '').split(';')[0]}>`;
    return [
      `${method} ${uri} SIP/2.0`,
      `Via: SIP/2.0/UDP 127.0.0.1:${this.port};branch=z9hG4bK${rand()};rport`,
      'Max-Forwards: 70',
      `From: "PBX trunk" <sip:pbx@${this.domain}>;tag=${this.fromTag}`,
      `To: ${this.dialog ? `<sip:${uri.split('@')[0]?.replace(/^sip:/, '')}@${this.domain}>;tag=${this.dialog.toTag}` : to}`,
      `Call-ID: ${this.callId}`,
      `CSeq: ${cseq} ${method}`,
      `Contact: <sip:pbx@127.0.0.1:${this.port};transport=udp>`,
      ...(this.dialog ? this.dialog.routes.map((route) => `Route: ${route}`) : []),
    ];
  }

  /** Waits for a final reply to `method` (≥ 200), at most `timeoutMs`. */
  async finalReply(method: string, timeoutMs: number, after = 0): Promise<SipReply> {
    const deadline = Date.now() + timeoutMs;
    for (let round = 0; round < 10_000; round++) {
      const reply = this.repliesTo(method).slice(after).find((r) => r.status >= 200);
      if (reply) return reply;
      if (Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`no final reply to ${method} within ${timeoutMs} ms; got ${this.replies.map((r) => `${r.status} ${r.method}`).join(', ')}`);
  }

  /** INVITEs `user` with session timers (and `extraHeaders`, e.g. pop data); resolves once it is sent. */
  invite(user: string, rtpPort: number, extraHeaders: readonly string[] = []): void {
    const sdp = [
      'v=0', `o=pbx 1 1 IN IP4 127.0.0.1`, 's=-', 'c=IN IP4 127.0.0.1', 't=0 0',
      `m=audio ${rtpPort} RTP/AVP 0 101`, 'a=rtpmap:0 PCMU/8000', 'a=rtpmap:101 telephone-event/8000', 'a=sendrecv', '',
    ].join('\r\n');
    this.send(
      [...this.common('INVITE', `sip:${user}@${this.domain}`, this.cseq), 'Supported: timer', 'Session-Expires: 90;refresher=uac', 'Min-SE: 90', ...extraHeaders, 'Content-Type: application/sdp'],
      sdp,
    );
  }

  /** After the 200 OK: ACK it and keep the dialog (remote target, route set = Record-Route reversed). */
  ack(ok: SipReply): void {
    const toTag = /;tag=([^;>\s]+)/.exec(ok.header('To')[0] ?? '')?.[1];
    const target = /<([^>]+)>/.exec(ok.header('Contact')[0] ?? '')?.[1];
    if (toTag === undefined || target === undefined) throw new Error(`200 OK without To tag or Contact:\n${ok.raw}`);
    this.dialog = { toTag, target, routes: ok.header('Record-Route').reverse() };
    this.send(this.common('ACK', target, this.cseq));
  }

  /** Sends an in-dialog request (UPDATE refresh, BYE); returns how many replies to it were there before. */
  inDialog(method: 'UPDATE' | 'BYE'): number {
    if (!this.dialog) throw new Error(`${method} before the dialog was set up`);
    const before = this.repliesTo(method).length;
    this.cseq++;
    const extra = method === 'UPDATE' ? ['Supported: timer', 'Session-Expires: 90;refresher=uac'] : [];
    this.send([...this.common(method, this.dialog.target, this.cseq), ...extra]);
    return before;
  }

  close(): void {
    this.socket.close();
  }
}
