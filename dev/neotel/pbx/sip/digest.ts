/**
 * HTTP Digest authentication for SIP REGISTER (RFC 3261 §22, RFC 2617 with qop=auth, RFC 8760
 * algorithms). The PBX challenges with MD5 — sip.js 0.21 answers nothing else — and verifies MD5
 * or SHA-256 responses. Nonces are stateless: timestamp + random + HMAC, so any nonce this PBX
 * issued can be checked for forgery and age without a table.
 */

import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { splitOutside } from './syntax.ts';

export type DigestAlgorithm = 'MD5' | 'SHA-256';

export interface DigestInput {
  algorithm?: DigestAlgorithm;
  username: string;
  realm: string;
  password: string;
  method: string;
  uri: string;
  nonce: string;
  /** With qop=auth: nonce count (8 hex digits) and client nonce. */
  qop?: 'auth';
  nc?: string;
  cnonce?: string;
}

function hash(algorithm: DigestAlgorithm, text: string): string {
  return createHash(algorithm === 'MD5' ? 'md5' : 'sha256').update(text, 'utf8').digest('hex');
}

/** The `response` value a client must send (RFC 2617 §3.2.2.1; RFC 2069 form when no qop). */
export function computeDigestResponse(input: DigestInput): string {
  const algorithm = input.algorithm ?? 'MD5';
  const ha1 = hash(algorithm, `${input.username}:${input.realm}:${input.password}`);
  const ha2 = hash(algorithm, `${input.method}:${input.uri}`);
  return input.qop === 'auth'
    ? hash(algorithm, `${ha1}:${input.nonce}:${input.nc ?? ''}:${input.cnonce ?? ''}:auth:${ha2}`)
    : hash(algorithm, `${ha1}:${input.nonce}:${ha2}`);
}

/** Parameters of an `Authorization: Digest k=v, …` header, names lower-cased; undefined if not Digest. */
export function parseDigestCredentials(header: string): Record<string, string> | undefined {
  const match = /^\s*Digest\s+(.*)$/is.exec(header);
  if (!match) return undefined;
  const params: Record<string, string> = {};
  for (const part of splitOutside(match[1]!, ',')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim().toLowerCase();
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1).replace(/\\(.)/g, '$1');
    params[name] = value;
  }
  return params;
}

export interface ChallengeOptions {
  realm: string;
  nonce: string;
  /** True when the client's nonce was valid but expired (RFC 2617 §3.2.1: retry without prompting). */
  stale?: boolean;
}

/** A `WWW-Authenticate` value. */
export function buildChallenge(options: ChallengeOptions): string {
  const stale = options.stale ? ', stale=TRUE' : '';
  return `Digest realm="${options.realm}", nonce="${options.nonce}", algorithm=MD5, qop="auth"${stale}`;
}

export type NonceCheck = 'valid' | 'stale' | 'invalid';

/** Issues and checks self-validating nonces. */
export class NonceIssuer {
  private readonly secret = randomBytes(32);

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  issue(): string {
    const payload = `${this.now().toString(36)}.${randomBytes(9).toString('base64url')}`;
    return `${payload}.${this.sign(payload)}`;
  }

  check(nonce: string): NonceCheck {
    const lastDot = nonce.lastIndexOf('.');
    if (lastDot < 0) return 'invalid';
    const payload = nonce.slice(0, lastDot);
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(nonce.slice(lastDot + 1));
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
    const issuedAt = parseInt(payload.split('.')[0] ?? '', 36);
    if (!Number.isFinite(issuedAt)) return 'invalid';
    return this.now() - issuedAt > this.ttlMs ? 'stale' : 'valid';
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url').slice(0, 22);
  }
}

export type DigestVerdict =
  | { ok: true }
  | { ok: false; reason: 'stale' | 'bad-nonce' | 'wrong-user' | 'wrong-realm' | 'malformed' | 'wrong-password'; detail: string };

export interface VerifyOptions {
  credentials: Record<string, string>;
  method: string;
  realm: string;
  /** The user the request is for (To user part); the credentials must be for the same one. */
  expectedUser: string;
  password: string;
  nonces: NonceIssuer;
}

/** Checks a client's Digest credentials. */
export function verifyDigest(options: VerifyOptions): DigestVerdict {
  const c = options.credentials;
  const { username, realm, nonce, uri, response } = c;
  if (!username || !realm || !nonce || !uri || !response) {
    return { ok: false, reason: 'malformed', detail: 'Authorization lacks username, realm, nonce, uri or response' };
  }
  if (username !== options.expectedUser) return { ok: false, reason: 'wrong-user', detail: `credentials are for "${username}", request is for "${options.expectedUser}"` };
  if (realm !== options.realm) return { ok: false, reason: 'wrong-realm', detail: `realm "${realm}", expected "${options.realm}"` };
  const nonceState = options.nonces.check(nonce);
  if (nonceState === 'invalid') return { ok: false, reason: 'bad-nonce', detail: 'nonce was not issued by this PBX' };
  const algorithm = (c.algorithm ?? 'MD5').toUpperCase();
  if (algorithm !== 'MD5' && algorithm !== 'SHA-256') return { ok: false, reason: 'malformed', detail: `unsupported algorithm ${algorithm}` };
  const qop = c.qop;
  if (qop !== undefined && qop !== 'auth') return { ok: false, reason: 'malformed', detail: `unsupported qop ${qop}` };
  const expected = computeDigestResponse({
    algorithm: algorithm, username, realm, password: options.password, method: options.method, uri, nonce,
    ...(qop === 'auth' ? { qop, nc: c.nc ?? '', cnonce: c.cnonce ?? '' } : {}),
  });
  if (expected !== response.toLowerCase()) return { ok: false, reason: 'wrong-password', detail: 'digest response does not match' };
  // A correct response over an expired nonce: ask again with stale=TRUE rather than refusing.
  if (nonceState === 'stale') return { ok: false, reason: 'stale', detail: 'nonce expired' };
  return { ok: true };
}
