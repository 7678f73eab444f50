/**
 * `/services/oauth2/*` of the stand-in: the web-server flow with PKCE (a login page that stands in
 * for Salesforce's, then a redirect with the code), the JWT bearer flow (RS256 assertions checked
 * against the connected app's certificate), refresh, the legacy password flow, and revoke.
 * Errors are Salesforce's `{error, error_description}` bodies with HTTP 400.
 */
import { createHash, createPublicKey, randomBytes, verify } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { escapeXml, readBody, sendJson, sendText } from './http.ts';
import { newSessionId, type ConnectedApp, type Org } from './org.ts';

interface PendingCode { userId: string; redirectUri: string; challenge: string; expires: number }

export class OAuthServer {
  /** access token → user id */
  readonly sessions = new Map<string, string>();
  private readonly refreshTokens = new Map<string, string>();
  private readonly codes = new Map<string, PendingCode>();
  /** username → password + security token, for the legacy flow only. */
  readonly passwords = new Map<string, string>();
  /** Every access and refresh token ever issued, kept after expiry (tests grep for all of them). */
  private readonly issued: string[] = [];

  constructor(private readonly org: Org, private readonly app: ConnectedApp, private readonly baseUrl: () => string) {}

  /** Every session and refresh token issued so far (tests grep the CLI's output and files for them). */
  issuedSecrets(): string[] {
    return [...this.issued];
  }

  /** Ends every session, as an admin's "revoke" or a session timeout does (INVALID_SESSION_ID next). */
  expireSessions(): void {
    this.sessions.clear();
  }

  revokeRefreshTokens(): void {
    this.refreshTokens.clear();
  }

  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (url.pathname === '/services/oauth2/authorize' && req.method === 'GET') {
      this.loginPage(res, url.searchParams);
      return;
    }
    const form = new URLSearchParams(await readBody(req));
    if (url.pathname === '/services/oauth2/authorize' && req.method === 'POST') {
      this.approve(res, form);
      return;
    }
    if (url.pathname === '/services/oauth2/token' && req.method === 'POST') {
      this.token(res, form);
      return;
    }
    if (url.pathname === '/services/oauth2/revoke' && req.method === 'POST') {
      const token = form.get('token') ?? '';
      this.sessions.delete(token);
      this.refreshTokens.delete(token);
      sendJson(res, 200, undefined);
      return;
    }
    sendJson(res, 404, { error: 'not_found', error_description: `${req.method ?? ''} ${url.pathname} is not an OAuth endpoint` });
  }

  private authorizeError(params: URLSearchParams): string | undefined {
    if (params.get('client_id') !== this.app.clientId) return 'invalid_client_id: client identifier invalid';
    if (!this.app.callbackUrls.includes(params.get('redirect_uri') ?? '')) return 'redirect_uri_mismatch: redirect_uri must match configuration';
    if (params.get('response_type') !== 'code') return 'unsupported_response_type: response type not supported';
    // The connected app is set to "Require Proof Key for Code Exchange (PKCE)".
    if (!params.get('code_challenge')) return 'invalid_request: missing required code challenge';
    return undefined;
  }

  private loginPage(res: ServerResponse, params: URLSearchParams): void {
    const error = this.authorizeError(params);
    if (error) {
      sendText(res, 400, 'text/html;charset=UTF-8', `<!doctype html><title>OAuth error</title><p id="error">${escapeXml(error)}</p>`);
      return;
    }
    const hidden = [...params].map(([k, v]) => `<input type="hidden" name="${escapeXml(k)}" value="${escapeXml(v)}">`).join('');
    sendText(res, 200, 'text/html;charset=UTF-8', `<!doctype html><title>Log in (Salesforce stand-in)</title>
<form method="post" action="/services/oauth2/authorize">${hidden}
<label>Username <input name="username" autocomplete="username"></label>
<button type="submit">Allow</button></form>`);
  }

  private approve(res: ServerResponse, form: URLSearchParams): void {
    const error = this.authorizeError(form);
    if (error) {
      sendText(res, 400, 'text/plain', error);
      return;
    }
    const user = this.org.userByName(form.get('username') ?? '');
    const redirect = new URL(form.get('redirect_uri') ?? '');
    const state = form.get('state');
    if (state !== null) redirect.searchParams.set('state', state);
    if (!user) {
      redirect.searchParams.set('error', 'access_denied');
      redirect.searchParams.set('error_description', 'end-user denied authorization');
    } else {
      const code = `aPrx${randomBytes(24).toString('base64url')}`;
      this.codes.set(code, { userId: user.Id, redirectUri: redirect.origin + redirect.pathname, challenge: form.get('code_challenge') ?? '', expires: Date.now() + 15 * 60_000 });
      redirect.searchParams.set('code', code);
    }
    sendText(res, 302, 'text/plain', '', { location: redirect.toString() });
  }

  private issue(res: ServerResponse, userId: string, withRefresh: boolean): void {
    const accessToken = newSessionId(this.org);
    this.sessions.set(accessToken, userId);
    this.issued.push(accessToken);
    const body: Record<string, string> = {
      access_token: accessToken,
      signature: randomBytes(32).toString('base64'),
      scope: withRefresh ? 'refresh_token api' : 'api',
      instance_url: this.baseUrl(),
      id: `${this.baseUrl()}/id/${this.org.id}/${userId}`,
      token_type: 'Bearer',
      issued_at: String(Date.now()),
    };
    if (withRefresh) {
      const refresh = `5Aep${randomBytes(40).toString('base64url')}`;
      this.refreshTokens.set(refresh, userId);
      this.issued.push(refresh);
      body.refresh_token = refresh;
    }
    sendJson(res, 200, body);
  }

  private token(res: ServerResponse, form: URLSearchParams): void {
    const fail = (error: string, description: string): void => sendJson(res, 400, { error, error_description: description });
    const grant = form.get('grant_type');
    if (form.get('client_id') !== null && form.get('client_id') !== this.app.clientId) {
      fail('invalid_client_id', 'client identifier invalid');
      return;
    }
    if (grant === 'authorization_code') {
      const pending = this.codes.get(form.get('code') ?? '');
      this.codes.delete(form.get('code') ?? '');
      if (!pending || pending.expires < Date.now()) {
        fail('invalid_grant', 'expired authorization code');
        return;
      }
      if (form.get('redirect_uri') !== pending.redirectUri) {
        fail('redirect_uri_mismatch', 'redirect_uri must match configuration');
        return;
      }
      const verifier = form.get('code_verifier') ?? '';
      if (createHash('sha256').update(verifier).digest('base64url') !== pending.challenge) {
        fail('invalid_grant', 'invalid code verifier');
        return;
      }
      this.issue(res, pending.userId, true);
      return;
    }
    if (grant === 'refresh_token') {
      const userId = this.refreshTokens.get(form.get('refresh_token') ?? '');
      if (userId === undefined) {
        fail('invalid_grant', 'expired access/refresh token');
        return;
      }
      this.issue(res, userId, false);
      return;
    }
    if (grant === 'urn:ietf:params:oauth:grant-type:jwt-bearer') {
      const userId = this.verifyAssertion(form.get('assertion') ?? '');
      if (typeof userId !== 'string') {
        fail('invalid_grant', userId.error);
        return;
      }
      this.issue(res, userId, false);
      return;
    }
    if (grant === 'password') {
      if (form.get('client_secret') !== this.app.clientSecret) {
        fail('invalid_client', 'invalid client credentials');
        return;
      }
      const username = form.get('username') ?? '';
      const user = this.org.userByName(username);
      if (!user || this.passwords.get(username.toLowerCase()) !== form.get('password')) {
        fail('invalid_grant', 'authentication failure');
        return;
      }
      this.issue(res, user.Id, false);
      return;
    }
    fail('unsupported_grant_type', 'grant type not supported');
  }

  /** Checks a JWT bearer assertion as Salesforce does; answers the user id or the OAuth error text. */
  private verifyAssertion(assertion: string): string | { error: string } {
    const parts = assertion.split('.');
    if (parts.length !== 3 || this.app.jwtPublicKeyPem === undefined) return { error: 'invalid assertion' };
    const [head, claims, signature] = parts as [string, string, string];
    let header: { alg?: string };
    let body: { iss?: string; sub?: string; aud?: string; exp?: number };
    try {
      header = JSON.parse(Buffer.from(head, 'base64url').toString('utf8')) as typeof header;
      body = JSON.parse(Buffer.from(claims, 'base64url').toString('utf8')) as typeof body;
    } catch {
      return { error: 'invalid assertion' };
    }
    if (header.alg !== 'RS256') return { error: 'invalid assertion' };
    const key = createPublicKey(this.app.jwtPublicKeyPem);
    if (!verify('sha256', Buffer.from(`${head}.${claims}`), key, Buffer.from(signature, 'base64url'))) return { error: 'invalid signature' };
    if (body.iss !== this.app.clientId) return { error: 'invalid client identifier' };
    const audiences = ['https://login.salesforce.com', 'https://test.salesforce.com', this.baseUrl()];
    if (body.aud === undefined || !audiences.includes(body.aud)) return { error: 'audience is invalid' };
    if (typeof body.exp !== 'number' || body.exp * 1000 < Date.now()) return { error: 'expired assertion' };
    const user = this.org.userByName(body.sub ?? '');
    if (!user) return { error: 'user hasn\'t approved this consumer' };
    return user.Id;
  }
}
