/**
 * A SIP proxy in memory for SipPhone unit tests: a sip.js `Transport` that answers the phone's
 * requests as a registrar/proxy would (REGISTER 200; INVITE per `invite` below; CANCEL, BYE,
 * ACK), and records every request line. With the fake SDP handler, sip.js runs its real
 * transaction and dialog code in Node, without a browser.
 */

import { EmitterImpl, TransportState, UserAgent, type SessionDescriptionHandler, type SessionDescriptionHandlerFactory, type Transport } from 'sip.js';
import type { SipPhoneOptions } from '../../src/sip/index.ts';

/** How the far end answers an INVITE: refuses it with a status, answers 200, or rings until CANCEL. */
export type InviteScript = { readonly refuse: number } | 'answer' | 'ring';

const SDP = 'v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 9 RTP/AVP 0\r\na=sendrecv\r\n';
const REASONS: Readonly<Record<number, string>> = { 100: 'Trying', 180: 'Ringing', 200: 'OK', 404: 'Not Found', 423: 'Interval Too Brief', 486: 'Busy Here', 487: 'Request Terminated', 503: 'Service Unavailable' };

interface Parsed {
  readonly method: string;
  readonly headers: readonly string[];
  readonly header: (name: string) => string;
}

function parse(text: string): Parsed {
  const [head = ''] = text.split('\r\n\r\n');
  const [start = '', ...headers] = head.split('\r\n');
  return {
    method: start.split(' ')[0] ?? '',
    headers,
    header: (name) => headers.find((line) => line.toLowerCase().startsWith(`${name.toLowerCase()}:`))?.replace(/^[^:]+:\s*/, '') ?? '',
  };
}

export class FakeProxy {
  /** `METHOD` of every request the phone sent, in order. */
  readonly requests: string[] = [];
  /** Status of every response delivered to the phone, in order. */
  readonly responses: number[] = [];
  invite: InviteScript = 'answer';
  /** Every request as the phone sent it, in order. */
  readonly texts: string[] = [];
  /** `performance.now()` when each of {@link texts} arrived. */
  readonly textsAt: number[] = [];
  /**
   * How the next REGISTERs are answered, one entry each (then 200 with `expires=300`): a status,
   * extra headers (`Min-Expires`, `Retry-After`), and for a 200 the expiry granted.
   */
  readonly registerScript: { status: number; headers?: readonly string[]; expires?: number }[] = [];
  private transport: FakeTransport | undefined;
  private pendingInvite: Parsed | undefined;
  private lastInvite: string | undefined;

  /** SipPhone options that route the phone through this proxy. */
  options(): SipPhoneOptions {
    const receive = (text: string): void => this.receive(text);
    const attach = (transport: FakeTransport): void => {
      this.transport = transport;
    };
    class BoundTransport extends FakeTransport {
      constructor() {
        super(receive);
        attach(this);
      }
    }
    const fakeHandler: SessionDescriptionHandler = {
      close: () => undefined,
      getDescription: () => Promise.resolve({ body: SDP, contentType: 'application/sdp' }),
      hasDescription: (contentType) => contentType === 'application/sdp',
      setDescription: () => Promise.resolve(),
      sendDtmf: () => false,
    };
    const sessionDescriptionHandlerFactory: SessionDescriptionHandlerFactory = () => fakeHandler;
    return {
      connection: { sipWebSocketUrl: 'ws://127.0.0.1:1', sipDomain: 'pbx.test', iceServers: [], iceGatheringTimeoutMs: 100, autoAnswerPlatformLegs: false },
      credentials: { user: 'agent', password: 'secret' },
      userAgentFactory: (options) => new UserAgent({ ...options, transportConstructor: BoundTransport }),
      sessionDescriptionHandlerFactory,
      media: { container: () => { throw new Error('no DOM in unit tests'); } },
    };
  }

  /**
   * The PBX calls the phone: an INVITE with `headers` (e.g. `X-Neotel-Leg: platform`) and an SDP
   * offer. Returns its Call-ID; the phone's answers land in {@link sent}.
   */
  offerCall(headers: readonly string[]): string {
    const n = ++this.offered;
    const callId = `in-${n}@pbx.test`;
    const lines = [
      'INVITE sip:agent@pbx.test SIP/2.0',
      `Via: SIP/2.0/WSS 127.0.0.1:1;branch=z9hG4bK-in-${n}`,
      'Max-Forwards: 70',
      `From: <sip:pbx@pbx.test>;tag=pbx${n}`,
      'To: <sip:agent@pbx.test>',
      `Call-ID: ${callId}`,
      'CSeq: 1 INVITE',
      'Contact: <sip:pbx@127.0.0.1;transport=ws>',
      ...headers,
      'Content-Type: application/sdp',
      `Content-Length: ${SDP.length}`,
    ];
    const text = `${lines.join('\r\n')}\r\n\r\n${SDP}`;
    setTimeout(() => this.transport?.onMessage?.(text), 0);
    return callId;
  }

  /** Status lines of the responses the phone sent (to {@link offerCall}), in order. */
  readonly sent: string[] = [];
  /** ACK each 200 OK the phone sends to an offered call, as a PBX does (default off: never ACKed). */
  ackAnswers = false;
  private offered = 0;
  private lastAnswer: string | undefined;

  /** ACKs the phone's last 200 OK to an offered call (what {@link ackAnswers} does by itself). */
  ackLastAnswer(): void {
    const answer = this.lastAnswer;
    if (answer === undefined) throw new Error('FakeProxy.ackLastAnswer(): the phone has sent no 200 OK to an offered call yet');
    const response = parse(answer);
    const contact = /<([^>]+)>/.exec(response.header('Contact'))?.[1] ?? 'sip:agent@pbx.test';
    const lines = [
      `ACK ${contact} SIP/2.0`,
      `Via: SIP/2.0/WSS 127.0.0.1:1;branch=z9hG4bK-ack-${++this.offered}`,
      'Max-Forwards: 70',
      `From: ${response.header('From')}`,
      `To: ${response.header('To')}`,
      `Call-ID: ${response.header('Call-ID')}`,
      `CSeq: ${response.header('CSeq').replace('INVITE', 'ACK')}`,
      'Content-Length: 0',
    ];
    const text = `${lines.join('\r\n')}\r\n\r\n`;
    setTimeout(() => this.transport?.onMessage?.(text), 0);
  }

  /** The Request-URI of the last INVITE. */
  lastInviteUri(): string | undefined {
    return this.lastInvite?.split(' ')[1];
  }

  private receive(text: string): void {
    const request = parse(text);
    if (text.startsWith('SIP/2.0')) {
      this.sent.push(text.split('\r\n')[0] ?? '');
      if (text.startsWith('SIP/2.0 200') && text.includes(' INVITE\r\n')) {
        this.lastAnswer = text;
        if (this.ackAnswers) this.ackLastAnswer();
      }
      return;
    }
    this.requests.push(request.method);
    this.texts.push(text);
    this.textsAt.push(performance.now());
    switch (request.method) {
      case 'REGISTER': {
        const next = this.registerScript.shift() ?? { status: 200 };
        const contact = request.header('Contact').replace(/;expires=\d+/, '');
        if (next.status === 200) this.reply(request, 200, [`Contact: ${contact};expires=${next.expires ?? 300}`, ...(next.headers ?? [])]);
        else this.reply(request, next.status, next.headers ?? []);
        return;
      }
      case 'INVITE':
        this.lastInvite = text.split('\r\n')[0];
        this.reply(request, 100);
        if (this.invite === 'answer') this.reply(request, 200, ['Contact: <sip:far@127.0.0.1;transport=ws>', 'Content-Type: application/sdp'], SDP);
        else if (this.invite === 'ring') {
          this.pendingInvite = request;
          this.reply(request, 180, ['Contact: <sip:far@127.0.0.1;transport=ws>']);
        } else this.reply(request, this.invite.refuse);
        return;
      case 'CANCEL':
        this.reply(request, 200);
        if (this.pendingInvite) this.reply(this.pendingInvite, 487);
        this.pendingInvite = undefined;
        return;
      case 'BYE':
        this.reply(request, 200);
        return;
      default:
        return; // ACK: nothing to answer
    }
  }

  private reply(request: Parsed, status: number, extra: readonly string[] = [], body = ''): void {
    const to = request.header('To');
    const lines = [
      `SIP/2.0 ${status} ${REASONS[status] ?? 'Refused'}`,
      ...request.headers.filter((line) => /^via:/i.test(line)),
      `From: ${request.header('From')}`,
      `To: ${status > 100 && !to.includes(';tag=') ? `${to};tag=far` : to}`,
      `Call-ID: ${request.header('Call-ID')}`,
      `CSeq: ${request.header('CSeq')}`,
      ...extra,
      `Content-Length: ${body.length}`,
    ];
    const text = `${lines.join('\r\n')}\r\n\r\n${body}`;
    setTimeout(() => {
      this.responses.push(status);
      this.transport?.onMessage?.(text);
    }, 0);
  }
}

/** The transport half: connects at once and hands every message to the proxy. */
class FakeTransport implements Transport {
  readonly protocol = 'WS';
  readonly stateChange = new EmitterImpl<TransportState>();
  state: TransportState = TransportState.Disconnected;
  onConnect: (() => void) | undefined;
  onDisconnect: ((error?: Error) => void) | undefined;
  onMessage: ((message: string) => void) | undefined;

  constructor(private readonly deliver: (message: string) => void) {}

  connect(): Promise<void> {
    this.setState(TransportState.Connected);
    this.onConnect?.();
    return Promise.resolve();
  }

  disconnect(): Promise<void> {
    this.setState(TransportState.Disconnected);
    return Promise.resolve();
  }

  dispose(): Promise<void> {
    return this.disconnect();
  }

  isConnected(): boolean {
    return this.state === TransportState.Connected;
  }

  send(message: string): Promise<void> {
    this.deliver(message);
    return Promise.resolve();
  }

  private setState(state: TransportState): void {
    this.state = state;
    this.stateChange.emit(state);
  }
}
