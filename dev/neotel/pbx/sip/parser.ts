/**
 * Text → SipMessage, for one WebSocket frame (RFC 7118 §5: one message per frame, so no stream
 * framing). Never throws: garbage yields `{ ok: false }` with the reason and, when the headers a
 * reply needs could be read, the partial request, so the transport can answer 400 instead of
 * dropping the frame silently (RFC 3261 §8.2).
 */

import { SipRequest, SipResponse, type SipMessage } from './message.ts';
import { parseCSeq, topVia } from './syntax.ts';

export type ParseResult =
  | { ok: true; message: SipMessage }
  | { ok: false; error: string; /** Present when a 400 can be addressed to the sender. */ replyable?: SipRequest };

/** Biggest frame the PBX reads (sip.js INVITEs with SDP are ~3 KB). */
export const MAX_MESSAGE_BYTES = 64 * 1024;

const METHOD = /^[A-Za-z][A-Za-z0-9.!%*_+`'~-]*$/;
const MANDATORY_REQUEST_HEADERS = ['via', 'from', 'to', 'call-id', 'cseq'] as const;

function splitHead(text: string): { head: string; body: string } {
  const crlf = text.indexOf('\r\n\r\n');
  if (crlf >= 0) return { head: text.slice(0, crlf), body: text.slice(crlf + 4) };
  const lf = text.indexOf('\n\n');
  if (lf >= 0) return { head: text.slice(0, lf), body: text.slice(lf + 2) };
  return { head: text, body: '' };
}

/** Reads every header line it can; returns the first problem (bad lines are skipped, so a 400 can still be addressed). */
function parseHeaderLines(lines: readonly string[], target: SipRequest | SipResponse): string | undefined {
  let firstError: string | undefined;
  let previous: { name: string; value: string } | undefined;
  for (const line of lines) {
    if (/^[ \t]/.test(line)) {
      // RFC 3261 §7.3.1 line folding: a continuation belongs to the previous header.
      if (previous) previous.value = `${previous.value} ${line.trim()}`;
      else firstError ??= `continuation line before any header: ${JSON.stringify(line.slice(0, 40))}`;
      continue;
    }
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon).trim() : '';
    if (!name || /\s/.test(name)) {
      firstError ??= `malformed header line ${JSON.stringify(line.slice(0, 60))} (expected "Name: value")`;
      previous = undefined;
      continue;
    }
    previous = { name, value: line.slice(colon + 1).trim() };
    target.headers.push(previous);
  }
  return firstError;
}

function applyContentLength(message: SipMessage, body: string): string | undefined {
  const declared = message.get('content-length');
  if (declared === undefined) {
    message.body = body;
    return undefined;
  }
  if (!/^\s*\d+\s*$/.test(declared)) return `Content-Length is not a number: ${JSON.stringify(declared)}`;
  const length = Number(declared);
  const bytes = Buffer.from(body, 'utf8');
  if (bytes.length < length) return `Content-Length ${length} exceeds the ${bytes.length} body bytes received`;
  message.body = bytes.subarray(0, length).toString('utf8');
  return undefined;
}

/** Parses one SIP message. */
export function parseSipMessage(text: string): ParseResult {
  if (Buffer.byteLength(text, 'utf8') > MAX_MESSAGE_BYTES) return { ok: false, error: `message larger than ${MAX_MESSAGE_BYTES} bytes` };
  const { head, body } = splitHead(text.replace(/^(\r?\n)+/, ''));
  const [startLine = '', ...headerLines] = head.split(/\r?\n/);
  const status = /^SIP\/2\.0 ([1-6]\d\d)(?: (.*))?$/.exec(startLine);
  if (status) {
    const response = new SipResponse(Number(status[1]), status[2] ?? '');
    const error = parseHeaderLines(headerLines, response) ?? applyContentLength(response, body);
    if (error) return { ok: false, error };
    if (!parseCSeq(response.get('cseq')) || !topVia(response.getAll('via'))) {
      return { ok: false, error: 'response without a valid CSeq or Via' };
    }
    return { ok: true, message: response };
  }
  const request = /^(\S+) (\S+) SIP\/2\.0$/.exec(startLine);
  if (!request || !METHOD.test(request[1]!)) {
    return { ok: false, error: `bad start line ${JSON.stringify(startLine.slice(0, 80))} (expected "METHOD uri SIP/2.0" or "SIP/2.0 code reason")` };
  }
  const message = new SipRequest(request[1]!.toUpperCase(), request[2]!);
  const headerError = parseHeaderLines(headerLines, message);
  const replyable = MANDATORY_REQUEST_HEADERS.every((name) => message.get(name) !== undefined) && topVia(message.getAll('via'))
    ? message
    : undefined;
  const fail = (error: string): ParseResult => (replyable ? { ok: false, error, replyable } : { ok: false, error });
  if (headerError) return fail(headerError);
  const missing = MANDATORY_REQUEST_HEADERS.filter((name) => message.get(name) === undefined);
  if (missing.length) return fail(`missing mandatory header(s): ${missing.join(', ')}`);
  if (!topVia(message.getAll('via'))) return fail(`unreadable Via ${JSON.stringify(message.get('via'))}`);
  const cseq = parseCSeq(message.get('cseq'));
  if (!cseq) return fail(`unreadable CSeq ${JSON.stringify(message.get('cseq'))} (expected "<number> <METHOD>")`);
  if (cseq.method !== message.method) return fail(`CSeq method ${cseq.method} does not match request method ${message.method}`);
  const lengthError = applyContentLength(message, body);
  if (lengthError) return fail(lengthError);
  return { ok: true, message };
}
