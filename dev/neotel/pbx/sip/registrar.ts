/**
 * The registrar (RFC 3261 §10.3) for agents' devices, behaving like an Asterisk PJSIP endpoint
 * with `max_contacts=1, remove_existing=yes`: one binding per device, the newest REGISTER wins.
 *
 * ```
 *  REGISTER (no credentials) ──► 401 + WWW-Authenticate (MD5, qop=auth, fresh nonce)
 *  REGISTER (credentials)    ──► 200 + Contact;expires=N     binding saved, timer armed
 *                            ──► 401 stale=TRUE              nonce expired (or from an older PBX)
 *                            ──► 403                         wrong password / user / realm
 *  unknown device            ──► 404
 *  expires=0 / Contact: *    ──► 200, binding removed
 *  expiry timer / socket closed ──► binding removed
 * ```
 * Every change (new binding, refresh, removal) is reported through `onChange`.
 */

import type { DeviceName, Registration } from '../types.ts';
import { buildChallenge, NonceIssuer, parseDigestCredentials, verifyDigest } from './digest.ts';
import { createResponse, type SipRequest, type SipResponse } from './message.ts';
import { parseNameAddr, parseUri, randomToken, splitOutside } from './syntax.ts';
import type { SipConnection } from './transport.ts';

export interface RegistrarOptions {
  realm: string;
  /** Lifetime of a nonce before a REGISTER using it is re-challenged as stale (default 5 min). */
  nonceTtlMs?: number;
  /** Shortest accepted non-zero expiry, s (default 60; shorter gets 423). */
  minExpiresSeconds?: number;
  /** Longest granted expiry, s (default 3600; longer is clamped). */
  maxExpiresSeconds?: number;
  /** Expiry when the client names none, s (default 3600). */
  defaultExpiresSeconds?: number;
  now?: () => number;
  log?: (line: string) => void;
}

/** Where to reach a registered device. */
export interface Binding {
  registration: Registration;
  connection: SipConnection;
  /** The Contact URI to use as Request-URI (a sip.js `…invalid;transport=ws` URI). */
  contactUri: string;
}

interface StoredBinding extends Binding {
  timer: ReturnType<typeof setTimeout>;
}

/** Maps a To/From URI user to the Neotel device name (`1001` → `SIP/1001`). */
export function deviceForUser(user: string): DeviceName {
  return `SIP/${user}`;
}

/** Maps a device name to its SIP user part (`SIP/1001` → `1001`). */
export function userForDevice(device: DeviceName): string {
  const slash = device.indexOf('/');
  return slash >= 0 ? device.slice(slash + 1) : device;
}

export class Registrar {
  private readonly passwords = new Map<DeviceName, string>();
  private readonly bindings = new Map<DeviceName, StoredBinding>();
  private readonly listeners = new Set<(device: DeviceName, registration: Registration | undefined) => void>();
  private readonly nonces: NonceIssuer;
  private readonly now: () => number;
  private readonly toTag = randomToken(10);

  constructor(private readonly options: RegistrarOptions) {
    this.now = options.now ?? Date.now;
    this.nonces = new NonceIssuer(options.nonceTtlMs ?? 5 * 60_000, this.now);
  }

  setPassword(device: DeviceName, password: string): void {
    this.passwords.set(device, password);
  }

  binding(device: DeviceName): Binding | undefined {
    return this.bindings.get(device);
  }

  /** Number of registered devices. */
  get count(): number {
    return this.bindings.size;
  }

  onChange(listener: (device: DeviceName, registration: Registration | undefined) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Answers a REGISTER (and updates bindings as a side effect). */
  handleRegister(request: SipRequest, connection: SipConnection): SipResponse {
    const reply = (status: number, options: Parameters<typeof createResponse>[2] = {}): SipResponse =>
      createResponse(request, status, { toTag: this.toTag, ...options });
    const to = parseNameAddr(request.get('to') ?? '');
    const user = to ? parseUri(to.uri)?.user : undefined;
    if (!user) return reply(400, { reason: 'Bad Request (To has no user part)' });
    const device = deviceForUser(user);
    const password = this.passwords.get(device);
    if (password === undefined) return reply(404, { reason: `Not Found (unknown device ${device})` });

    const credentials = parseDigestCredentials(request.get('authorization') ?? '');
    if (!credentials) return this.challenge(request, false);
    const verdict = verifyDigest({ credentials, method: 'REGISTER', realm: this.options.realm, expectedUser: user, password, nonces: this.nonces });
    if (!verdict.ok) {
      this.options.log?.(`REGISTER ${device} refused: ${verdict.detail}`);
      if (verdict.reason === 'stale' || verdict.reason === 'bad-nonce') return this.challenge(request, verdict.reason === 'stale');
      if (verdict.reason === 'malformed') return reply(400, { reason: `Bad Request (${verdict.detail})` });
      return reply(403, { reason: 'Forbidden (bad credentials)' });
    }

    const contacts = splitOutside(request.getAll('contact').join(','), ',').map((c) => c.trim()).filter(Boolean);
    const headerExpires = request.get('expires');
    if (contacts.length === 1 && contacts[0] === '*') {
      if (headerExpires?.trim() !== '0') return reply(400, { reason: 'Bad Request (Contact: * needs Expires: 0)' });
      this.remove(device);
      return reply(200);
    }
    for (const contact of contacts) {
      const parsed = parseNameAddr(contact);
      if (!parsed || !parseUri(parsed.uri)) return reply(400, { reason: 'Bad Request (unreadable Contact)' });
      const requested = Number(parsed.params.expires ?? headerExpires ?? this.options.defaultExpiresSeconds ?? 3600);
      if (!Number.isFinite(requested) || requested < 0) return reply(400, { reason: 'Bad Request (bad expires)' });
      if (requested === 0) {
        if (this.bindings.get(device)?.contactUri === parsed.uri) this.remove(device);
        continue;
      }
      const minExpires = this.options.minExpiresSeconds ?? 60;
      if (requested < minExpires) return reply(423, { headers: { 'Min-Expires': String(minExpires) } });
      this.save(device, parsed.uri, Math.min(requested, this.options.maxExpiresSeconds ?? 3600), connection);
    }
    const current = this.bindings.get(device);
    const headers: Record<string, string> = { Date: new Date(this.now()).toUTCString() };
    if (current) {
      headers.Contact = `<${current.contactUri}>;expires=${Math.max(0, Math.round((current.registration.expiresAt - this.now()) / 1000))}`;
    }
    return reply(200, { headers });
  }

  /** Drops every binding made over `connection` (its WebSocket closed). */
  dropConnection(connection: SipConnection): void {
    for (const [device, binding] of this.bindings) {
      if (binding.connection === connection) this.remove(device);
    }
  }

  close(): void {
    for (const binding of this.bindings.values()) clearTimeout(binding.timer);
    this.bindings.clear();
    this.listeners.clear();
  }

  private challenge(request: SipRequest, stale: boolean): SipResponse {
    return createResponse(request, 401, {
      toTag: this.toTag,
      headers: { 'WWW-Authenticate': buildChallenge({ realm: this.options.realm, nonce: this.nonces.issue(), stale }) },
    });
  }

  private save(device: DeviceName, contactUri: string, expiresSeconds: number, connection: SipConnection): void {
    const previous = this.bindings.get(device);
    if (previous) clearTimeout(previous.timer);
    const registration: Registration = {
      device,
      ip: connection.remoteAddress.replace(/^::ffff:/, ''),
      port: connection.remotePort,
      expiresAt: this.now() + expiresSeconds * 1000,
    };
    const timer = setTimeout(() => {
      this.options.log?.(`registration of ${device} expired`);
      this.remove(device);
    }, expiresSeconds * 1000);
    timer.unref();
    this.bindings.set(device, { registration, connection, contactUri, timer });
    this.emit(device, registration);
  }

  private remove(device: DeviceName): void {
    const binding = this.bindings.get(device);
    if (!binding) return;
    clearTimeout(binding.timer);
    this.bindings.delete(device);
    this.emit(device, undefined);
  }

  private emit(device: DeviceName, registration: Registration | undefined): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(device, registration);
      } catch (error) {
        this.options.log?.(`registration listener failed: ${String(error)}`);
      }
    }
  }
}
