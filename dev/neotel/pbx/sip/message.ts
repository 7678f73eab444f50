/**
 * SIP messages (RFC 3261 §7) as the PBX needs them: a start line, an ordered header list
 * (names kept as received, looked up case-insensitively, compact forms expanded) and a text body.
 * Serialisation always writes a correct Content-Length.
 */

/** RFC 3261 §7.3.3 compact header forms. */
const COMPACT_FORMS: Readonly<Record<string, string>> = {
  i: 'call-id', m: 'contact', e: 'content-encoding', l: 'content-length', c: 'content-type',
  f: 'from', s: 'subject', k: 'supported', t: 'to', v: 'via', o: 'event', u: 'allow-events',
  r: 'refer-to', x: 'session-expires',
};

/** Lower-case long form of a header name, for comparisons. */
export function canonicalHeaderKey(name: string): string {
  const lower = name.trim().toLowerCase();
  // Own entries only: a header named `constructor` is just that header.
  return (Object.hasOwn(COMPACT_FORMS, lower) ? COMPACT_FORMS[lower] : undefined) ?? lower;
}

export interface SipHeader {
  name: string;
  value: string;
}

abstract class SipMessageBase {
  headers: SipHeader[] = [];
  body = '';

  /** First value of a header, or undefined. */
  get(name: string): string | undefined {
    const key = canonicalHeaderKey(name);
    return this.headers.find((header) => canonicalHeaderKey(header.name) === key)?.value;
  }

  /** Every value of a header, in order (one entry per header line). */
  getAll(name: string): string[] {
    const key = canonicalHeaderKey(name);
    return this.headers.filter((header) => canonicalHeaderKey(header.name) === key).map((header) => header.value);
  }

  /** Replaces every line of a header with one. */
  set(name: string, value: string): this {
    this.remove(name);
    this.headers.push({ name, value });
    return this;
  }

  add(name: string, value: string): this {
    this.headers.push({ name, value });
    return this;
  }

  remove(name: string): this {
    const key = canonicalHeaderKey(name);
    this.headers = this.headers.filter((header) => canonicalHeaderKey(header.name) !== key);
    return this;
  }

  protected serializeWith(startLine: string): string {
    const lines = [startLine];
    for (const header of this.headers) {
      if (canonicalHeaderKey(header.name) !== 'content-length') lines.push(`${header.name}: ${header.value}`);
    }
    lines.push(`Content-Length: ${Buffer.byteLength(this.body, 'utf8')}`);
    return `${lines.join('\r\n')}\r\n\r\n${this.body}`;
  }
}

/** A SIP request: `METHOD uri SIP/2.0`. */
export class SipRequest extends SipMessageBase {
  readonly kind = 'request';

  constructor(
    public method: string,
    public uri: string,
  ) {
    super();
  }

  serialize(): string {
    return this.serializeWith(`${this.method} ${this.uri} SIP/2.0`);
  }
}

/** A SIP response: `SIP/2.0 status reason`. */
export class SipResponse extends SipMessageBase {
  readonly kind = 'response';

  constructor(
    public status: number,
    public reason: string,
  ) {
    super();
  }

  serialize(): string {
    return this.serializeWith(`SIP/2.0 ${this.status} ${this.reason}`);
  }
}

export type SipMessage = SipRequest | SipResponse;

/** Default reason phrases for the statuses the PBX sends. */
export const REASON_PHRASES: Readonly<Record<number, string>> = {
  100: 'Trying', 180: 'Ringing', 183: 'Session Progress', 200: 'OK', 400: 'Bad Request',
  401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  415: 'Unsupported Media Type', 423: 'Interval Too Brief', 481: 'Call/Transaction Does Not Exist',
  486: 'Busy Here', 487: 'Request Terminated', 488: 'Not Acceptable Here', 491: 'Request Pending',
  500: 'Server Internal Error', 501: 'Not Implemented', 513: 'Message Too Large', 603: 'Decline',
};

export interface ResponseOptions {
  reason?: string;
  /** Tag to add to To when the request has none (RFC 3261 §8.2.6.2; not on 100). */
  toTag?: string;
  headers?: Readonly<Record<string, string>>;
  body?: string;
  contentType?: string;
}

/**
 * A response to `request` (RFC 3261 §8.2.6): copies Via (all, in order), From, To, Call-ID and
 * CSeq, adding a To tag when one is given and the request had none.
 */
export function createResponse(request: SipRequest, status: number, options: ResponseOptions = {}): SipResponse {
  const response = new SipResponse(status, options.reason ?? REASON_PHRASES[status] ?? 'Unknown');
  for (const via of request.getAll('via')) response.add('Via', via);
  const from = request.get('from');
  if (from !== undefined) response.add('From', from);
  const to = request.get('to');
  if (to !== undefined) {
    const needsTag = options.toTag !== undefined && status > 100 && !/;\s*tag=/i.test(to);
    response.add('To', needsTag ? `${to};tag=${options.toTag}` : to);
  }
  const callId = request.get('call-id');
  if (callId !== undefined) response.add('Call-ID', callId);
  const cseq = request.get('cseq');
  if (cseq !== undefined) response.add('CSeq', cseq);
  for (const [name, value] of Object.entries(options.headers ?? {})) response.add(name, value);
  if (options.body !== undefined) {
    response.body = options.body;
    response.add('Content-Type', options.contentType ?? 'application/sdp');
  }
  return response;
}
