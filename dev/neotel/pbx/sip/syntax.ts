/**
 * Parsers for the header values the PBX reads (RFC 3261 §20, §25): name-addr (`"Name" <uri>;tag=x`),
 * SIP URIs, Via, CSeq and generic `;param=value` lists. Lenient where real clients are sloppy
 * (whitespace, quoting), strict where a wrong value would misroute: each returns undefined
 * rather than guessing.
 */

import { randomBytes } from 'node:crypto';

/** Splits on `separator` outside double quotes and angle brackets. */
export function splitOutside(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\' && quoted) i++;
    else if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '<') depth++;
    else if (!quoted && ch === '>') depth = Math.max(0, depth - 1);
    else if (!quoted && depth === 0 && ch === separator) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** Index of `ch` outside double-quoted strings, or −1. */
function indexOutsideQuotes(text: string, ch: string): number {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const current = text[i];
    if (current === '\\' && quoted) i++;
    else if (current === '"') quoted = !quoted;
    else if (!quoted && current === ch) return i;
  }
  return -1;
}

function unquote(value: string): string {
  const trimmed = value.trim();
  return trimmed.startsWith('"') && trimmed.endsWith('"') && trimmed.length >= 2
    ? trimmed.slice(1, -1).replace(/\\(.)/g, '$1')
    : trimmed;
}

/** `;a=1;b;c="x"` → {a:'1', b:'', c:'x'} (names lower-cased). */
export function parseParams(text: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const part of splitOutside(text, ';')) {
    const trimmed = part.trim();
    if (!trimmed) continue;
    const eq = trimmed.indexOf('=');
    const name = (eq < 0 ? trimmed : trimmed.slice(0, eq)).trim().toLowerCase();
    params[name] = eq < 0 ? '' : unquote(trimmed.slice(eq + 1));
  }
  return params;
}

export interface SipUri {
  scheme: 'sip' | 'sips';
  user: string | undefined;
  host: string;
  port: number | undefined;
  params: Record<string, string>;
}

/** Parses `sip:user@host:port;params` (URI headers after `?` are ignored). */
export function parseUri(text: string): SipUri | undefined {
  const match = /^(sips?):(?:([^@]*)@)?(\[[0-9a-fA-F:.]+\]|[^:;?>]+)(?::(\d{1,5}))?((?:;[^?]*)?)(?:\?.*)?$/i.exec(text.trim());
  if (!match) return undefined;
  const [, scheme, user, host, port, params] = match;
  if (!host) return undefined;
  return {
    scheme: scheme!.toLowerCase() as 'sip' | 'sips',
    user: user === undefined ? undefined : decodeURIComponent(user.split(':')[0]!),
    host: host.toLowerCase(),
    port: port === undefined ? undefined : Number(port),
    params: parseParams(params ?? ''),
  };
}

export interface NameAddr {
  displayName: string | undefined;
  /** The URI text as written (without angle brackets). */
  uri: string;
  /** Header parameters after the URI, e.g. `tag`, `expires`. */
  params: Record<string, string>;
}

/** Parses `"Display" <sip:x@y>;tag=1`, `<sip:x@y>` or a bare `sip:x@y;tag=1`. */
export function parseNameAddr(text: string): NameAddr | undefined {
  const trimmed = text.trim();
  const open = indexOutsideQuotes(trimmed, '<');
  if (open >= 0) {
    const close = trimmed.indexOf('>', open);
    if (close < 0) return undefined;
    const display = unquote(trimmed.slice(0, open));
    return {
      displayName: display || undefined,
      uri: trimmed.slice(open + 1, close).trim(),
      params: parseParams(trimmed.slice(close + 1)),
    };
  }
  // addr-spec form: header params follow the URI after the first ';' (RFC 3261 §20.10).
  const [uri, ...rest] = splitOutside(trimmed, ';');
  if (!uri || !/^[a-z][a-z0-9+.-]*:[^\s<>"]+$/i.test(uri.trim())) return undefined;
  return { displayName: undefined, uri: uri.trim(), params: parseParams(rest.join(';')) };
}

/** The tag parameter of a From/To value. */
export function tagOf(headerValue: string | undefined): string | undefined {
  return headerValue === undefined ? undefined : parseNameAddr(headerValue)?.params.tag;
}

export interface Via {
  transport: string;
  host: string;
  port: number | undefined;
  params: Record<string, string>;
}

/** Parses one Via value: `SIP/2.0/WS host:port;branch=z9hG4bK…`. */
export function parseVia(text: string): Via | undefined {
  const match = /^SIP\s*\/\s*2\.0\s*\/\s*([A-Za-z]+)\s+(\[[0-9a-fA-F:.]+\]|[^\s:;]+)(?::(\d{1,5}))?\s*((?:;.*)?)$/i.exec(text.trim());
  if (!match) return undefined;
  return {
    transport: match[1]!.toUpperCase(),
    host: match[2]!,
    port: match[3] === undefined ? undefined : Number(match[3]),
    params: parseParams(match[4] ?? ''),
  };
}

/** The first Via of a message's Via lines (a line may hold several, comma-separated). */
export function topVia(viaLines: readonly string[]): Via | undefined {
  const first = viaLines[0];
  return first === undefined ? undefined : parseVia(splitOutside(first, ',')[0] ?? '');
}

export interface CSeq {
  seq: number;
  method: string;
}

/** Parses `CSeq: 42 INVITE`. */
export function parseCSeq(text: string | undefined): CSeq | undefined {
  const match = /^\s*(\d{1,10})\s+([A-Za-z]+)\s*$/.exec(text ?? '');
  if (!match) return undefined;
  const seq = Number(match[1]);
  return seq < 2 ** 31 ? { seq, method: match[2]!.toUpperCase() } : undefined;
}

/** A random token for tags, branches and Call-IDs. */
export function randomToken(length = 16): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(randomBytes(length), (byte) => alphabet.charAt(byte % alphabet.length)).join('');
}

/** A new RFC 3261 branch (magic cookie prefix). */
export function newBranch(): string {
  return `z9hG4bK${randomToken(20)}`;
}
