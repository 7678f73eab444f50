/**
 * A Salesforce API stand-in on loopback for the admin CLI (`dialtone-admin`), spoken to by jsforce
 * over real HTTP: OAuth2 (`/services/oauth2/*`), the SOAP Metadata API (`/services/Soap/m/*`),
 * REST and Tooling (`/services/data/*`) and the identity URL. See docs/admin-cli.md.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Deployer } from './deploy.ts';
import { readBody, sendJson } from './http.ts';
import { OAuthServer } from './oauth.ts';
import { emptyOrg, type ConnectedApp, type Org } from './org.ts';
import { RestApi } from './rest.ts';
import { handleMetadataSoap, soapFault } from './soap.ts';

export interface SalesforceOptions {
  port?: number;
  org?: Org;
  /** Connected app settings over the defaults (client id `DialtoneAdminCLI`, loopback callbacks on 1717). */
  app?: Partial<ConnectedApp>;
}

export interface SalesforceStandIn {
  url: string;
  org: Org;
  oauth: OAuthServer;
  app: ConnectedApp;
  close(): Promise<void>;
}

export const DEFAULT_APP: ConnectedApp = {
  clientId: 'DialtoneAdminCLI',
  clientSecret: 'stand-in-client-secret',
  callbackUrls: ['http://localhost:1717/OauthRedirect', 'http://127.0.0.1:1717/OauthRedirect'],
  jwtPublicKeyPem: undefined,
};

/** The legacy flow's password + security token of the stand-in's admin (documented in docs/admin-cli.md). */
export const ADMIN_PASSWORD_AND_TOKEN = 'Dialtone-Admin-1' + 'STANDINTOKEN';

export async function startSalesforce(options: SalesforceOptions = {}): Promise<SalesforceStandIn> {
  const org = options.org ?? emptyOrg();
  const app: ConnectedApp = { ...DEFAULT_APP, ...options.app };
  let baseUrl = '';
  const oauth = new OAuthServer(org, app, () => baseUrl);
  oauth.passwords.set('admin@acme.example', ADMIN_PASSWORD_AND_TOKEN);
  const deployer = new Deployer(org);
  const rest = new RestApi(org, deployer);

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', baseUrl);
    const method = req.method ?? 'GET';
    if (url.pathname.startsWith('/services/oauth2/')) return oauth.handle(req, res, url);
    if (url.pathname.startsWith('/services/Soap/m/')) {
      handleMetadataSoap(org, deployer, oauth.sessions, await readBody(req), res);
      return;
    }
    const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? '';
    const userId = oauth.sessions.get(bearer);
    const idUrl = /^\/id\/(\w+)\/(\w+)$/.exec(url.pathname);
    const data = /^\/services\/data\/v(\d+\.\d)\/?(.*)$/.exec(url.pathname);
    if (!idUrl && !data && url.pathname !== '/services/data') {
      sendJson(res, 404, [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);
      return;
    }
    if (userId === undefined) {
      sendJson(res, 401, [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
      return;
    }
    if (!org.switches.apiEnabled || !org.can(userId, 'ApiEnabled')) {
      sendJson(res, 403, [{ message: 'The REST API is not enabled for this Organization.', errorCode: 'API_DISABLED_FOR_ORG' }]);
      return;
    }
    if (idUrl) {
      const user = org.find('User', userId);
      sendJson(res, 200, { id: `${baseUrl}${url.pathname}`, user_id: userId, organization_id: org.id, username: user?.Username, display_name: user?.Name, urls: { rest: `${baseUrl}/services/data/v{version}/` } });
      return;
    }
    if (!data) {
      sendJson(res, 200, [{ label: "Winter '25", url: '/services/data/v62.0', version: '62.0' }]);
      return;
    }
    if ((data[2] ?? '') === '' && method === 'GET') {
      // The version's resource list; jsforce's identity() follows its `identity` URL.
      const base = `/services/data/v${data[1] ?? ''}`;
      sendJson(res, 200, { identity: `${baseUrl}/id/${org.id}/${userId}`, query: `${base}/query`, sobjects: `${base}/sobjects`, tooling: `${base}/tooling`, composite: `${base}/composite` });
      return;
    }
    const text = method === 'GET' || method === 'DELETE' ? '' : await readBody(req);
    let body: unknown;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      sendJson(res, 400, [{ message: 'The request body is not JSON', errorCode: 'JSON_PARSER_ERROR' }]);
      return;
    }
    rest.handle(userId, method, (data[2] ?? '').replace(/\/$/, ''), url, body, res);
  };

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if ((req.url ?? '').startsWith('/services/Soap/')) {
        soapFault(res, 'UNKNOWN_EXCEPTION', message);
        return;
      }
      sendJson(res, 500, [{ message, errorCode: 'UNKNOWN_EXCEPTION' }]);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: baseUrl, org, oauth, app,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
