/**
 * Who may host the adapter. The loader runs `<sfdcIframeOrigin>/support/api/…/opencti_min.js` in
 * the adapter's own origin, and the framing page chooses `sfdcIframeOrigin`: without this rule any
 * page that frames the adapter runs its script next to the agent's stored credentials.
 *
 * An origin is trusted when it is, byte for byte, a browser-serialised origin (lower case, no
 * default port, no path, credentials or trailing dot) and either
 *
 * - listed in the deployment's `devOrigins` (a console on this machine: loopback hosts only), or
 * - `https:` on a host Salesforce's own library accepts (its v57 suffix list) and, when the
 *   deployment pins `salesforceHosts`, one of those hosts exactly.
 *
 * The policy comes from `trusted-origins.json`, served next to `index.html` by whoever deploys
 * `dist/` — never from the query string, postMessage or call-center settings, which the framing
 * page (or the library it serves) controls. This module is pure: the loader and the inline preload
 * of `index.html` (built from `preload.ts`) share it, so the two cannot disagree.
 */

/** The file, next to `index.html`, that holds the deployment's {@link TrustPolicy}. */
export const TRUSTED_ORIGINS_FILE = 'trusted-origins.json';

/** Host suffixes of Salesforce's Open CTI library, v57 (commercial, government, sovereign clouds). */
export const SALESFORCE_HOST_SUFFIXES = [
  '.force.com',
  '.visualforce.com',
  '.my-visualforce.com',
  '.my-lightning.com',
  '.salesforce.com',
  '.my-salesforce.com',
  '.salesforce.mil',
  '.crmforce.mil',
  '.salesforce.ms',
  '.crmforce.ms',
] as const;

/** Hosts a dev console may use (`devOrigins`): this machine only. */
const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The deployment's choice, read from {@link TRUSTED_ORIGINS_FILE}. */
export interface TrustPolicy {
  /** The org's own My Domain hosts (`acme.lightning.force.com`); empty = any Salesforce host. */
  readonly salesforceHosts: readonly string[];
  /** Exact loopback origins of a dev console (`http://localhost:8080`). */
  readonly devOrigins: readonly string[];
}

/** The outcome of {@link checkTrustedOrigin}. */
export type OriginVerdict =
  | { readonly ok: true; readonly via: 'pinned' | 'salesforce' | 'dev' }
  | { readonly ok: false; readonly detail: string };

/** A DNS name: labels of letters, digits and inner hyphens (underscores appear in some Salesforce hosts). */
const HOST_NAME = /^[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?)*$/;
/** `scheme://host[:port]`, the shape of a serialised origin; the URL parser confirms the rest. */
const ORIGIN_SHAPE = /^(https?):\/\/([^/?#@\\\s:[\]]+|\[[0-9a-f:.]+\])(?::(\d{1,5}))?$/;

/** The host name of `origin` when it is a canonical http(s) origin, else `undefined`. */
function parseOrigin(origin: string): { scheme: string; host: string } | undefined {
  const match = ORIGIN_SHAPE.exec(origin);
  if (match === null) return undefined;
  let serialised: string;
  try {
    serialised = new URL(origin).origin;
  } catch {
    return undefined;
  }
  // The browser's own serialisation must give back the same text: this refuses upper case,
  // Unicode hosts (which become punycode), default ports and anything the URL parser rewrites.
  if (serialised !== origin) return undefined;
  return { scheme: match[1] ?? '', host: match[2] ?? '' };
}

/** Whether `host` is a host name Salesforce's library accepts (lower case, one of its suffixes). */
export function isSalesforceHost(host: string): boolean {
  return HOST_NAME.test(host) && SALESFORCE_HOST_SUFFIXES.some((suffix) => host.length > suffix.length && host.endsWith(suffix));
}

/**
 * Whether the adapter may load Open CTI from `origin` (the launch parameter `sfdcIframeOrigin`)
 * under `policy`. The refusal's `detail` names the origin and what an admin would change.
 */
export function checkTrustedOrigin(origin: string, policy: TrustPolicy): OriginVerdict {
  const shown = JSON.stringify(origin.length > 120 ? `${origin.slice(0, 120)}…` : origin);
  const parsed = parseOrigin(origin);
  if (parsed === undefined) {
    return { ok: false, detail: `sfdcIframeOrigin ${shown} is not a plain https origin as a browser writes it (lower case, no credentials, path or trailing dot); Salesforce sends one like "https://acme.lightning.force.com".` };
  }
  if (policy.devOrigins.includes(origin)) return { ok: true, via: 'dev' };
  if (!isSalesforceHost(parsed.host)) {
    return { ok: false, detail: `${shown} is not a Salesforce host (expected https://<name> ending in ${SALESFORCE_HOST_SUFFIXES.join(', ')}), so its script may not run in the softphone. A console on this machine must be listed in devOrigins of ${TRUSTED_ORIGINS_FILE}.` };
  }
  if (parsed.scheme !== 'https') {
    return { ok: false, detail: `${shown} is a Salesforce host over http; Salesforce is served over https only, so this page is not Salesforce.` };
  }
  if (policy.salesforceHosts.length === 0) return { ok: true, via: 'salesforce' };
  if (policy.salesforceHosts.includes(parsed.host)) return { ok: true, via: 'pinned' };
  return { ok: false, detail: `${shown} is a Salesforce host, but not one of this deployment's pinned hosts (${policy.salesforceHosts.join(', ')}). If it is your org, add ${JSON.stringify(parsed.host)} to salesforceHosts in ${TRUSTED_ORIGINS_FILE}.` };
}

/** The outcome of {@link parseTrustPolicy}. */
export type TrustPolicyResult = { readonly ok: true; readonly policy: TrustPolicy } | { readonly ok: false; readonly detail: string };

const KNOWN_KEYS: ReadonlySet<string> = new Set(['$comment', 'salesforceHosts', 'devOrigins']);

/**
 * Validates the parsed contents of {@link TRUSTED_ORIGINS_FILE}. Anything unexpected is refused
 * (an unknown key may be a misspelt pin, which must not silently mean "any Salesforce host").
 *
 * @param where  the file's URL, for the message
 */
export function parseTrustPolicy(json: unknown, where: string): TrustPolicyResult {
  const fail = (what: string): TrustPolicyResult => ({ ok: false, detail: `${where}: ${what}` });
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return fail(`expected an object like {"salesforceHosts": ["acme.lightning.force.com"], "devOrigins": []}; received ${Array.isArray(json) ? 'an array' : json === null ? 'null' : `a ${typeof json}`}.`);
  }
  const fields = json as Record<string, unknown>;
  const unknown = Object.keys(fields).filter((key) => !KNOWN_KEYS.has(key));
  if (unknown.length > 0) return fail(`unknown key ${JSON.stringify(unknown[0])}; expected only salesforceHosts, devOrigins and $comment.`);
  const hosts = stringList(fields.salesforceHosts, 'salesforceHosts');
  if (typeof hosts === 'string') return fail(hosts);
  for (const [i, host] of hosts.entries()) {
    if (!isSalesforceHost(host)) {
      const hint = /^https?:/i.test(host) ? ' (write the host name only, without https://)' : host !== host.toLowerCase() ? ' (write it in lower case)' : '';
      return fail(`salesforceHosts[${i}] is ${JSON.stringify(host)}; expected a Salesforce host name such as "acme.lightning.force.com"${hint}.`);
    }
  }
  const devOrigins = stringList(fields.devOrigins, 'devOrigins');
  if (typeof devOrigins === 'string') return fail(devOrigins);
  for (const [i, origin] of devOrigins.entries()) {
    const parsed = parseOrigin(origin);
    if (parsed === undefined || !LOOPBACK_HOSTS.has(parsed.host)) {
      return fail(`devOrigins[${i}] is ${JSON.stringify(origin)}; expected the exact origin of a console on this machine, such as "http://localhost:8080" (localhost, 127.0.0.1 or [::1] only; Salesforce hosts go in salesforceHosts).`);
    }
  }
  return { ok: true, policy: { salesforceHosts: hosts, devOrigins } };
}

/** A list of strings, absent = empty; otherwise the problem as text. */
function stringList(value: unknown, key: string): string[] | string {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return `${key} must be a list of strings; received ${JSON.stringify(value)}.`;
  const bad = value.findIndex((item) => typeof item !== 'string');
  if (bad >= 0) return `${key}[${bad}] must be a string; received ${JSON.stringify(value[bad])}.`;
  return value as string[];
}
