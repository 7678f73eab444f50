/**
 * How the dev servers host the built adapter the way docs/admin-setup.md tells a deployer to:
 * `trusted-origins.json` naming the console that frames it, and a
 * `Content-Security-Policy: frame-ancestors` header naming the same console.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isSalesforceHost, TRUSTED_ORIGINS_FILE, type TrustPolicy } from '../../src/opencti/trusted-origin.ts';
import { createStaticFiles } from './static-files.ts';

/** What a deployment serves with dist/ for a set of consoles. */
export interface AdapterTrust {
  /** The contents of `trusted-origins.json`. */
  readonly policy: TrustPolicy;
  /** The `Content-Security-Policy` header value; none when absent (a deployer who forgot it). */
  readonly contentSecurityPolicy?: string;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The trust a deployment gives the consoles at `consoleOrigins`: a loopback console becomes a dev
 * origin, a Salesforce host is pinned; both may frame the adapter. Anything else is left out (the
 * adapter will then refuse it and say why).
 */
export function adapterTrustFor(consoleOrigins: readonly string[]): AdapterTrust {
  const salesforceHosts: string[] = [];
  const devOrigins: string[] = [];
  const ancestors: string[] = [];
  for (const origin of consoleOrigins) {
    const url = new URL(origin);
    if (LOOPBACK.has(url.hostname)) devOrigins.push(url.origin);
    else if (isSalesforceHost(url.hostname)) salesforceHosts.push(url.hostname);
    else continue;
    ancestors.push(url.origin);
  }
  return {
    policy: { salesforceHosts, devOrigins },
    contentSecurityPolicy: `frame-ancestors ${ancestors.length > 0 ? ancestors.join(' ') : "'none'"}`,
  };
}

/**
 * Serves the built adapter from `root`; while `trust()` gives one, `trusted-origins.json` is that
 * policy and every answer carries its `frame-ancestors` header (if it has one). Without one, dist/ is served as
 * built (its shipped trusted-origins.json, no header). Returns `false` when no file matches.
 */
export function createAdapterFiles(root: string, trust: () => AdapterTrust | undefined): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  const files = createStaticFiles({ root });
  return async (req, res) => {
    const current = trust();
    if (current === undefined) return files(req, res);
    if (current.contentSecurityPolicy !== undefined) res.setHeader('Content-Security-Policy', current.contentSecurityPolicy);
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === `/${TRUSTED_ORIGINS_FILE}` && (req.method === 'GET' || req.method === 'HEAD')) {
      const body = JSON.stringify(current.policy, null, 2);
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-cache' });
      res.end(req.method === 'HEAD' ? undefined : body);
      return true;
    }
    return files(req, res);
  };
}
