/**
 * Logging in without passwords in files: the web-server flow with PKCE through the loopback
 * redirect (the test plays the browser), the sf CLI's login reused, the legacy password flow only
 * behind its flag, a dead session reported as such — and no token the CLI was given or got ever
 * appears in its output or in any file it wrote.
 */
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD_AND_TOKEN } from '../../dev/salesforce/server.ts';
import { filesUnder, startAdminHarness, type AdminHarness } from './harness.ts';

let h: AdminHarness;
let port: number;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const p = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return p;
}

beforeAll(async () => {
  port = await freePort();
  h = await startAdminHarness({ callbackPort: port });
});
afterAll(async () => h.close());

describe('auth', () => {
  it('web-server flow with PKCE: the person logs in in a browser, the loopback redirect completes it', async () => {
    let browser: Promise<void> | undefined;
    const run = await h.cliStreaming(['auth', 'web', '--alias', 'person', '--login-url', h.sf.url, '--client-id', h.sf.app.clientId, '--port', String(port)], (line) => {
      if (!line.startsWith(`${h.sf.url}/services/oauth2/authorize?`) || browser) return;
      browser = (async () => {
        const authorize = new URL(line);
        expect(authorize.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
        expect(authorize.searchParams.get('redirect_uri')).toBe(`http://localhost:${port}/OauthRedirect`);
        const page = await fetch(authorize);
        expect(await page.text()).toContain('<button type="submit">Allow</button>');
        const form = new URLSearchParams(authorize.searchParams);
        form.set('username', 'admin@acme.example');
        const approved = await fetch(`${h.sf.url}/services/oauth2/authorize`, { method: 'POST', body: form, redirect: 'manual' });
        expect(approved.status).toBe(302);
        const back = await fetch(approved.headers.get('location') ?? '');
        expect(await back.text()).toContain('logged in');
      })();
    });
    await browser;
    expect(run.stderr).not.toContain('error:');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Logged in to http:\/\/127\.0\.0\.1:\d+ as admin@acme\.example; saved as person \(web, token encrypted in /);
  });

  it('an expired session is refreshed with the saved refresh token', async () => {
    h.sf.oauth.expireSessions();
    const run = await h.cli(['doctor', '--org', 'person', '--skip-tests']);
    expect(run.stderr).not.toContain('INVALID_SESSION_ID');
    expect(run.stdout).toContain('✘ Call center: no call center DialtoneCTI');
  });

  it('reuses an org the sf CLI is logged in to', async () => {
    const token = await fetch(`${h.sf.url}/services/oauth2/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'password', client_id: h.sf.app.clientId, client_secret: h.sf.app.clientSecret, username: 'admin@acme.example', password: ADMIN_PASSWORD_AND_TOKEN }),
    }).then((r) => r.json() as Promise<{ access_token: string; instance_url: string }>);
    // What `sf org display --json` answers (its documented script interface).
    const stub = join(h.dir, 'sf');
    writeFileSync(stub, `#!/usr/bin/env node\nprocess.stdout.write(JSON.stringify({ status: 0, result: { accessToken: ${JSON.stringify(token.access_token)}, instanceUrl: ${JSON.stringify(token.instance_url)}, username: 'admin@acme.example', alias: process.argv[4] } }));\n`);
    chmodSync(stub, 0o755);
    const env = { DIALTONE_SF_BIN: stub };
    const login = await h.cli(['auth', 'sf', '--alias', 'reuse', '--sf-org', 'acme-sf'], env);
    expect(login.stderr).toBe('');
    expect(login.status).toBe(0);
    expect(login.stdout).toContain('saved as reuse (sf, no token stored');
    const doctor = await h.cli(['doctor', '--org', 'reuse', '--skip-tests'], env);
    expect(doctor.stdout).toContain('✘ Call center: no call center DialtoneCTI');
    const missing = await h.cli(['doctor', '--org', 'reuse'], { DIALTONE_SF_BIN: join(h.dir, 'no-such-sf') });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('Cannot run the sf CLI');
  });

  it('password login needs its explicit flag, warns, and an ended session says to log in again', async () => {
    const refused = await h.cli(['auth', 'password', '--alias', 'legacy', '--login-url', h.sf.url, '--client-id', h.sf.app.clientId, '--username', 'admin@acme.example']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('Password login is legacy and off unless asked for explicitly.');
    const env = { DIALTONE_SF_PASSWORD: ADMIN_PASSWORD_AND_TOKEN, DIALTONE_SF_CLIENT_SECRET: h.sf.app.clientSecret };
    const login = await h.cli(['auth', 'password', '--alias', 'legacy', '--login-url', h.sf.url, '--client-id', h.sf.app.clientId, '--username', 'admin@acme.example', '--i-understand-password-login'], env);
    expect(login.status).toBe(0);
    expect(login.stderr).toContain('warning: Password login is legacy');
    h.sf.oauth.expireSessions();
    const run = await h.cli(['users', 'list', '--org', 'legacy']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Looking up the call center in legacy: Salesforce refused the session: it expired, was revoked, or belongs to another org \(INVALID_SESSION_ID/);
    expect(run.stderr).toContain('fix: Log in again: dialtone-admin auth web --alias ORG');
  });

  it('no token, password or secret appears in any output or in any file the CLI wrote', () => {
    const secrets = [...h.sf.oauth.issuedSecrets(), ADMIN_PASSWORD_AND_TOKEN, h.sf.app.clientSecret];
    expect(secrets.length).toBeGreaterThan(5);
    const files = filesUnder(h.home);
    expect([...files.keys()].map((f) => f.slice(h.home.length))).toEqual(expect.arrayContaining(['/orgs.json', '/key']));
    const stored = JSON.parse(readFileSync(join(h.home, 'orgs.json'), 'utf8')) as Record<string, { secrets?: string }>;
    expect(stored.person?.secrets).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const haystack = [...h.transcript, ...files.values()].join('\n');
    expect(haystack.length).toBeGreaterThan(1000);
    for (const secret of secrets) expect(haystack.includes(secret), `a secret of ${secret.length} characters leaked`).toBe(false);
  });
});
