/**
 * Logging in to an org without passwords in files: the OAuth2 web-server flow with PKCE through a
 * loopback redirect (a person), the JWT bearer flow (CI), an sf CLI org reused through
 * `sf org display --json`, and the legacy username + password + security token only behind an
 * explicit flag. Tokens go only to jsforce and, encrypted, to the store (store.ts).
 */
import { spawnSync } from 'node:child_process';
import { createSign, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import jsforce, { type Connection } from 'jsforce';
import { AdminError, explain } from './errors.ts';
import type { Output } from './output.ts';
import { decrypt, encrypt, readOrgs, saveOrg, type StoredOrg } from './store.ts';

export const API_VERSION = '62.0';
const LOGIN_TIMEOUT_MS = 5 * 60_000;

export interface OrgConnection { alias: string; conn: Connection; username: string; stored: StoredOrg }

function newConnection(options: ConstructorParameters<typeof jsforce.Connection>[0]): Connection {
  return new jsforce.Connection({ version: API_VERSION, logLevel: 'FATAL', ...options });
}

async function identity(conn: Connection, out: Output): Promise<string> {
  for (const secret of [conn.accessToken, conn.refreshToken]) if (secret) out.secret(secret);
  try {
    return (await conn.identity()).username;
  } catch (error) {
    throw explain(error, `Reading who is logged in at ${conn.instanceUrl}`);
  }
}

/** Web-server flow + PKCE: a loopback server receives the redirect with the code. */
export async function loginWeb(out: Output, alias: string, loginUrl: string, clientId: string, port: number): Promise<StoredOrg> {
  const redirectUri = `http://localhost:${port}/OauthRedirect`;
  const oauth2 = new jsforce.OAuth2({ loginUrl, clientId, redirectUri, useVerifier: true });
  const state = randomBytes(16).toString('base64url');
  const server = createServer();
  const code = new Promise<string>((resolve, reject) => {
    server.on('request', (req, res) => {
      const url = new URL(req.url ?? '/', redirectUri);
      if (url.pathname !== '/OauthRedirect') {
        res.writeHead(404).end();
        return;
      }
      const error = url.searchParams.get('error');
      const ok = error === null && url.searchParams.get('state') === state && url.searchParams.get('code') !== null;
      res.writeHead(ok ? 200 : 400, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(ok ? 'Dialtone admin: logged in. You can close this tab and go back to the terminal.' : 'Dialtone admin: the login did not complete; see the terminal.');
      if (error !== null) reject(new AdminError('AUTH', `Salesforce did not authorize the login (${error}: ${url.searchParams.get('error_description') ?? ''}).`, 'Run the command again and approve the access; check the connected app allows your user.', error));
      else if (url.searchParams.get('state') !== state) reject(new AdminError('AUTH', 'The login redirect carried a different state than the one sent (another login, or a forged redirect).', 'Run the command again and use the URL it prints, once.'));
      else resolve(url.searchParams.get('code') ?? '');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) => reject(new AdminError('BAD_USAGE', `Cannot listen on localhost:${port} for the login redirect: ${error.message}.`, `Free the port or pass --port N (the connected app's callback URL must be http://localhost:N/OauthRedirect).`)));
    server.listen(port, '127.0.0.1', resolve);
  });
  out.info(`Open this address in your browser and log in to Salesforce:\n  ${oauth2.getAuthorizationUrl({ scope: 'api refresh_token', state })}`);
  out.info(`Waiting for the redirect on http://localhost:${(server.address() as AddressInfo).port}/OauthRedirect (5 minutes)…`);
  let timer: NodeJS.Timeout | undefined;
  try {
    const received = await Promise.race([code, new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new AdminError('AUTH', 'No login arrived within 5 minutes.', 'Run the command again and open the printed address.')), LOGIN_TIMEOUT_MS);
    })]);
    const conn = newConnection({ oauth2 });
    try {
      await conn.authorize(received);
    } catch (error) {
      throw explain(error, `Exchanging the login code at ${loginUrl}`);
    }
    const username = await identity(conn, out);
    return { flow: 'web', loginUrl, instanceUrl: conn.instanceUrl, username, clientId, secrets: encrypt({ accessToken: conn.accessToken ?? '', refreshToken: conn.refreshToken ?? '' }) };
  } finally {
    clearTimeout(timer);
    server.close();
  }
}

/** A JWT bearer assertion signed with the connected app's private key (RS256, valid 3 minutes). */
export function jwtAssertion(clientId: string, username: string, audience: string, keyFile: string): string {
  let key: string;
  try {
    key = readFileSync(keyFile, 'utf8');
  } catch (error) {
    throw new AdminError('BAD_INPUT', `Cannot read the private key ${keyFile}: ${error instanceof Error ? error.message : String(error)}.`, 'Pass --key-file with the PEM private key whose certificate is uploaded to the connected app.');
  }
  const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${part({ alg: 'RS256' })}.${part({ iss: clientId, sub: username, aud: audience, exp: Math.floor(Date.now() / 1000) + 180 })}`;
  try {
    return `${unsigned}.${createSign('RSA-SHA256').update(unsigned).sign(key).toString('base64url')}`;
  } catch (error) {
    throw new AdminError('BAD_INPUT', `${keyFile} is not a usable RSA private key: ${error instanceof Error ? error.message : String(error)}.`, 'Use the PEM private key (BEGIN PRIVATE KEY / BEGIN RSA PRIVATE KEY) of the certificate uploaded to the connected app.');
  }
}

async function jwtConnection(out: Output, stored: StoredOrg): Promise<Connection> {
  const mint = async (conn: Connection): Promise<void> => {
    try {
      await conn.authorize({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion: jwtAssertion(stored.clientId, stored.username, stored.loginUrl, stored.keyFile ?? '') });
    } catch (error) {
      throw explain(error, `JWT bearer login of ${stored.username} at ${stored.loginUrl}`);
    }
    if (conn.accessToken) out.secret(conn.accessToken);
  };
  const conn = newConnection({ loginUrl: stored.loginUrl, oauth2: { loginUrl: stored.loginUrl } });
  await mint(conn);
  return conn;
}

export async function loginJwt(out: Output, loginUrl: string, clientId: string, username: string, keyFile: string): Promise<StoredOrg> {
  const stored: StoredOrg = { flow: 'jwt', loginUrl, instanceUrl: '', username, clientId, keyFile };
  const conn = await jwtConnection(out, stored);
  await identity(conn, out);
  return { ...stored, instanceUrl: conn.instanceUrl };
}

/** The legacy flow: OAuth username-password (the password followed by the security token). */
export async function loginPassword(out: Output, loginUrl: string, clientId: string, clientSecret: string, username: string, password: string): Promise<StoredOrg> {
  out.secret(password);
  out.secret(clientSecret);
  out.warn('Password login is legacy: Salesforce is retiring it, it cannot use MFA, and whoever has the password and token has the org. Prefer auth web (a person) or auth jwt (CI).');
  const conn = newConnection({ loginUrl, oauth2: { loginUrl, clientId, clientSecret } });
  try {
    await conn.login(username, password);
  } catch (error) {
    throw explain(error, `Password login of ${username} at ${loginUrl}`);
  }
  await identity(conn, out);
  return { flow: 'password', loginUrl, instanceUrl: conn.instanceUrl, username, clientId, secrets: encrypt({ accessToken: conn.accessToken ?? '' }) };
}

/** Reuses an org the sf CLI is logged in to; sf refreshes its token itself. */
function sfDisplay(out: Output, sfOrg: string): { accessToken: string; instanceUrl: string; username: string } {
  const sf = process.env.DIALTONE_SF_BIN ?? 'sf';
  const r = spawnSync(sf, ['org', 'display', '--target-org', sfOrg, '--json'], { encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw new AdminError('AUTH', `Cannot run the sf CLI (${sf}): ${r.error.message}.`, 'Install it (npm install -g @salesforce/cli) and log in with sf org login web --alias ALIAS, or use dialtone-admin auth web.');
  let parsed: { status?: number; message?: string; result?: { accessToken?: string; instanceUrl?: string; username?: string } };
  try {
    parsed = JSON.parse(r.stdout) as typeof parsed;
  } catch {
    throw new AdminError('AUTH', `sf org display --target-org ${sfOrg} did not answer JSON (exit ${r.status ?? '?'}).`, `Check sf org list shows ${sfOrg}.`);
  }
  const { accessToken, instanceUrl, username } = parsed.result ?? {};
  if (accessToken) out.secret(accessToken);
  if (parsed.status !== 0 || !accessToken || !instanceUrl || !username) {
    throw new AdminError('AUTH', `The sf CLI has no usable login for ${sfOrg}: ${parsed.message ?? 'no access token in its answer'}.`, `Log in with sf org login web --alias ${sfOrg} (or sf org login jwt), then run the command again.`);
  }
  return { accessToken, instanceUrl, username };
}

export async function loginSf(out: Output, sfOrg: string): Promise<StoredOrg> {
  const shown = sfDisplay(out, sfOrg);
  const conn = newConnection({ instanceUrl: shown.instanceUrl, accessToken: shown.accessToken });
  await identity(conn, out);
  return { flow: 'sf', loginUrl: shown.instanceUrl, instanceUrl: shown.instanceUrl, username: shown.username, clientId: '', sfOrg };
}

/** A jsforce connection to a saved org; a web-flow session refreshes itself and is saved again, encrypted. */
export async function connect(out: Output, alias: string | undefined): Promise<OrgConnection> {
  const orgs = readOrgs();
  const name = alias ?? process.env.DIALTONE_ADMIN_ORG ?? (Object.keys(orgs).length === 1 ? Object.keys(orgs)[0] : undefined);
  if (name === undefined) throw new AdminError('BAD_USAGE', Object.keys(orgs).length === 0 ? 'No org is logged in.' : `Several orgs are logged in (${Object.keys(orgs).join(', ')}); say which.`, 'Pass --org ALIAS, or log in first: dialtone-admin auth web --alias ALIAS --login-url https://MYDOMAIN.my.salesforce.com --client-id KEY.');
  const stored = orgs[name];
  if (!stored) throw new AdminError('BAD_USAGE', `No org is logged in as ${JSON.stringify(name)} (known: ${Object.keys(orgs).join(', ') || 'none'}).`, `Log in: dialtone-admin auth web --alias ${name} --login-url … --client-id …`);
  let conn: Connection;
  if (stored.flow === 'jwt') conn = await jwtConnection(out, stored);
  else if (stored.flow === 'sf') {
    const shown = sfDisplay(out, stored.sfOrg ?? name);
    conn = newConnection({ instanceUrl: shown.instanceUrl, accessToken: shown.accessToken });
  } else {
    const secrets = decrypt(stored.secrets ?? '', name);
    for (const s of [secrets.accessToken, secrets.refreshToken]) if (s) out.secret(s);
    conn = stored.flow === 'web' && secrets.refreshToken
      ? newConnection({ instanceUrl: stored.instanceUrl, accessToken: secrets.accessToken, refreshToken: secrets.refreshToken, oauth2: { loginUrl: stored.loginUrl, clientId: stored.clientId, redirectUri: 'http://localhost:1717/OauthRedirect' } })
      : newConnection({ instanceUrl: stored.instanceUrl, accessToken: secrets.accessToken });
    conn.on('refresh', (accessToken: string) => {
      out.secret(accessToken);
      saveOrg(name, { ...stored, secrets: encrypt({ ...secrets, accessToken }) });
    });
  }
  return { alias: name, conn, username: stored.username, stored };
}
