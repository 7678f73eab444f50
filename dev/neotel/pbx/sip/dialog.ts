/**
 * The PBX's side of an INVITE dialog it originates towards an agent's browser (RFC 3261 §12–§17,
 * UAC role): builds the INVITE, the ACKs (2xx: new transaction to the remote target; non-2xx:
 * same branch as the INVITE), CANCEL (same branch and CSeq number) and in-dialog requests
 * (BYE, …) with increasing CSeq, and remembers the remote tag and target learned from the 2xx.
 * No Route set: the PBX talks to the browser directly, so there is no Record-Route.
 */

import { SipRequest, type SipResponse } from './message.ts';
import { newBranch, parseNameAddr, randomToken, tagOf } from './syntax.ts';

export interface OutgoingInviteOptions {
  /** Request-URI: the Contact the device registered. */
  requestUri: string;
  /** Caller shown to the agent: `sip:<number>@<domain>`. */
  fromUri: string;
  fromDisplayName?: string;
  /** The device's address of record: `sip:1001@<domain>`. */
  toUri: string;
  /** The PBX's own Contact URI and Via sent-by host. */
  contactUri: string;
  viaHost: string;
  /** Extra headers, in order (X-Neotel-*, Call-Info, …). */
  headers?: Readonly<Record<string, string>>;
  sdp: string;
}

const ALLOW = 'INVITE, ACK, CANCEL, BYE, OPTIONS, INFO';

function quoteDisplayName(name: string): string {
  return `"${name.replace(/["\\]/g, (ch) => `\\${ch}`)}"`;
}

/** One outgoing INVITE and the dialog it may create. */
export class OutgoingInviteDialog {
  readonly callId = `${randomToken(20)}@pbx`;
  readonly localTag = randomToken(12);
  readonly invite: SipRequest;
  readonly inviteBranch = newBranch();
  remoteTag: string | undefined;
  /** Where in-dialog requests go: the Contact of the 2xx (RFC 3261 §12.1.2). */
  remoteTarget: string;
  /** Highest CSeq seen in requests from the browser (RFC 3261 §12.2.2). */
  remoteSeq: number | undefined;
  private localSeq = 1;
  private readonly from: string;
  private readonly to: string;

  constructor(private readonly options: OutgoingInviteOptions) {
    this.remoteTarget = options.requestUri;
    const display = options.fromDisplayName ? `${quoteDisplayName(options.fromDisplayName)} ` : '';
    this.from = `${display}<${options.fromUri}>;tag=${this.localTag}`;
    this.to = `<${options.toUri}>`;
    this.invite = this.build('INVITE', options.requestUri, this.inviteBranch, this.localSeq, this.to);
    this.invite.add('Contact', `<${options.contactUri}>`);
    this.invite.add('Allow', ALLOW);
    this.invite.add('Supported', 'outbound');
    for (const [name, value] of Object.entries(options.headers ?? {})) this.invite.add(name, value);
    this.invite.add('Content-Type', 'application/sdp');
    this.invite.body = options.sdp;
  }

  /** The To value with the remote tag once known. */
  private get toWithTag(): string {
    return this.remoteTag ? `${this.to};tag=${this.remoteTag}` : this.to;
  }

  /** Learns the remote tag and target from a response that creates or confirms the dialog. */
  confirm(response: SipResponse): void {
    this.remoteTag ??= tagOf(response.get('to'));
    const contact = parseNameAddr(response.get('contact') ?? '');
    if (contact && response.status >= 200 && response.status < 300) this.remoteTarget = contact.uri;
  }

  /** ACK for a 2xx: a new transaction, sent to the remote target (RFC 3261 §13.2.2.4). */
  ackFor2xx(): SipRequest {
    return this.build('ACK', this.remoteTarget, newBranch(), 1, this.toWithTag);
  }

  /** ACK for a 3xx–6xx: part of the INVITE transaction (RFC 3261 §17.1.1.3). */
  ackForFailure(response: SipResponse): SipRequest {
    return this.build('ACK', this.options.requestUri, this.inviteBranch, 1, response.get('to') ?? this.to);
  }

  /** CANCEL for the pending INVITE (RFC 3261 §9.1). */
  cancel(): SipRequest {
    const request = this.build('CANCEL', this.options.requestUri, this.inviteBranch, 1, this.to);
    request.add('Reason', 'SIP;cause=487;text="ORIGINATOR_CANCEL"');
    return request;
  }

  /** A new in-dialog request (BYE, INFO, …). */
  request(method: string): SipRequest {
    this.localSeq++;
    return this.build(method, this.remoteTarget, newBranch(), this.localSeq, this.toWithTag);
  }

  /** Whether an incoming in-dialog request's CSeq is new (stale ones get 500, RFC 3261 §12.2.2). */
  acceptRemoteSeq(seq: number, method: string): boolean {
    if (method === 'ACK' || method === 'CANCEL') return true;
    if (this.remoteSeq !== undefined && seq <= this.remoteSeq) return false;
    this.remoteSeq = seq;
    return true;
  }

  private build(method: string, uri: string, branch: string, seq: number, to: string): SipRequest {
    const request = new SipRequest(method, uri);
    request.add('Via', `SIP/2.0/WS ${this.options.viaHost};branch=${branch}`);
    request.add('Max-Forwards', '70');
    request.add('From', this.from);
    request.add('To', to);
    request.add('Call-ID', this.callId);
    request.add('CSeq', `${seq} ${method}`);
    request.add('User-Agent', 'Dialtone simulated Neotel PBX');
    return request;
  }
}
