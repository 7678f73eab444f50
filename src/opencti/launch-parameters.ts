/**
 * The query parameters Salesforce appends to the adapter URL
 * (`?mode=Lightning&ltn_app_id=…&isdtp=vw&sfdcIframeOrigin=https%3A%2F%2F…&clc=1&nonce=…`),
 * read the way Salesforce's own library reads them (reference §1.2–1.3) so that we can tell, before
 * loading it, whether it would refuse to start — and say why in words an admin can act on.
 */
import { describeValue } from '../shared/errors.ts';

/** What the adapter needs from its URL to talk to Salesforce. */
export interface LaunchParameters {
  /** The Lightning page origin: the library's postMessage target and only accepted sender. */
  readonly sfdcIframeOrigin: string;
  /** `Lightning` in Lightning Experience; the library only requires it to be present. */
  readonly mode: string;
}

/** Why the URL does not allow Open CTI. */
export type LaunchProblemReason =
  | 'MISSING_ORIGIN'
  | 'INVALID_ORIGIN'
  | 'PROTOCOL_MISMATCH'
  | 'MISSING_MODE';

/** The outcome of {@link readLaunchParameters}. */
export type LaunchParametersResult =
  | { readonly ok: true; readonly parameters: LaunchParameters }
  | { readonly ok: false; readonly reason: LaunchProblemReason; readonly detail: string };

/**
 * Splits a query string like the library does: on `&` then on the first `=`, decoding only the
 * value (not `+` as space). A key without `=` has the value `null`; repeated keys collect values.
 */
export function parseQuery(search: string): Map<string, (string | null)[]> {
  const found = new Map<string, (string | null)[]>();
  const query = search.startsWith('?') ? search.slice(1) : search;
  if (query === '') return found;
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const cut = pair.indexOf('=');
    const key = cut < 0 ? pair : pair.slice(0, cut);
    let value: string | null = null;
    if (cut >= 0) {
      try {
        value = decodeURIComponent(pair.slice(cut + 1));
      } catch {
        // A malformed escape (`%E0%A4%A`): keep the raw text; validation below will say why.
        value = pair.slice(cut + 1);
      }
    }
    found.set(key, [...(found.get(key) ?? []), value]);
  }
  return found;
}

/** `http(s)://host[:port]`: DNS labels (underscores tolerated) or a bracketed IPv6 literal. */
const ORIGIN = /^(https?:)\/\/(?:[\w-]+(?:\.[\w-]+)*|\[[0-9A-Fa-f:.]+\])(?::(\d{1,5}))?$/;
const EXAMPLE = '"https://acme.lightning.force.com"';

/**
 * Checks that `value` is a plausible web origin (scheme, host, optional port; no path, query,
 * credentials or trailing slash) and explains what is wrong otherwise.
 */
export function checkOrigin(value: string): { ok: true } | { ok: false; detail: string } {
  const match = ORIGIN.exec(value);
  const port = match?.[2];
  if (match !== null && (port === undefined || (Number(port) >= 1 && Number(port) <= 65535))) {
    return { ok: true };
  }
  let hint = '';
  if (/^https?:\/\/[^/]+\/$/.test(value)) hint = ' (drop the trailing slash: origins have none)';
  else if (/^https?:\/\/[^/]+\//.test(value)) hint = ' (it has a path)';
  else if (!/^https?:/i.test(value)) hint = ' (only http: and https: are allowed)';
  return {
    ok: false,
    detail:
      `sfdcIframeOrigin ${describeValue(value)} is not a web origin${hint}; expected ` +
      `scheme://host[:port] such as ${EXAMPLE}. Salesforce sets it when it frames the adapter.`,
  };
}

/**
 * Reads `sfdcIframeOrigin` and `mode` from the page's query string (other parameters, including
 * Salesforce's `ltn_app_id`, `isdtp`, `clc` and `nonce`, are ignored) and checks them as the
 * library will, plus the origin checks the library leaves to chance.
 *
 * @param search  `location.search`
 * @param pageProtocol  `location.protocol` of the adapter page, e.g. `https:`
 */
export function readLaunchParameters(search: string, pageProtocol: string): LaunchParametersResult {
  const query = parseQuery(search);
  const origins = query.get('sfdcIframeOrigin') ?? [];
  const origin = origins[0];
  if (origin === undefined || origin === null || origin === '') {
    return {
      ok: false,
      reason: 'MISSING_ORIGIN',
      detail:
        'The adapter URL has no sfdcIframeOrigin parameter, so it was not opened by Salesforce ' +
        `(query was ${describeValue(search)}). Expected Salesforce to add ` +
        `sfdcIframeOrigin=<Lightning page origin>, e.g. ${EXAMPLE}.`,
    };
  }
  if (origins.length > 1) {
    return {
      ok: false,
      reason: 'INVALID_ORIGIN',
      detail:
        `sfdcIframeOrigin appears ${origins.length} times in ${describeValue(search)}; expected it ` +
        'once (the Open CTI library cannot handle a repeated parameter).',
    };
  }
  const originCheck = checkOrigin(origin);
  if (!originCheck.ok) return { ok: false, reason: 'INVALID_ORIGIN', detail: originCheck.detail };
  // The library's own test, verbatim: the origin must start with the page's protocol.
  if (!origin.startsWith(pageProtocol)) {
    return {
      ok: false,
      reason: 'PROTOCOL_MISMATCH',
      detail:
        `The adapter page is served over ${describeValue(pageProtocol)} but Salesforce ` +
        `(sfdcIframeOrigin ${describeValue(origin)}) is not; the Open CTI library refuses a ` +
        'protocol mismatch. Serve the adapter over the same protocol — https in Lightning.',
    };
  }
  const mode = query.get('mode')?.[0];
  if (mode === undefined || mode === null || mode === '') {
    return {
      ok: false,
      reason: 'MISSING_MODE',
      detail:
        `The adapter URL has no mode parameter (query was ${describeValue(search)}); the Open CTI ` +
        'library requires it. Expected mode=Lightning, which Salesforce adds when it frames the adapter.',
    };
  }
  return { ok: true, parameters: { sfdcIframeOrigin: origin, mode } };
}
