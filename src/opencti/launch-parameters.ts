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
  | 'MALFORMED_QUERY'
  | 'MISSING_ORIGIN'
  | 'INVALID_ORIGIN'
  | 'PROTOCOL_MISMATCH'
  | 'MISSING_MODE';

/** The outcome of {@link readLaunchParameters}. */
export type LaunchParametersResult =
  | { readonly ok: true; readonly parameters: LaunchParameters }
  | { readonly ok: false; readonly reason: LaunchProblemReason; readonly detail: string };

/**
 * A parameter as Salesforce's parser leaves it: its text, `null` when empty or without `=`, or —
 * when a key with a non-empty value comes again — every value, the first one non-empty.
 */
export type QueryValue = string | null | readonly [string, ...(string | null)[]];

/** The outcome of {@link parseQuery}: the values, or why the library's own parser would throw. */
export type ParsedQuery =
  | { readonly ok: true; readonly values: ReadonlyMap<string, QueryValue> }
  | { readonly ok: false; readonly detail: string };

/**
 * Splits a query string exactly as the Open CTI library does (v57): on `&`, then on `=` keeping
 * only the text between the first and the second `=`; keys stay encoded, values are
 * `decodeURIComponent`-ed (`+` stays `+`). A pair with an empty key is skipped; an empty or
 * missing value is `null`. A repeated key replaces a `null` value (`mode&mode=Lightning` gives
 * `"Lightning"`) and turns a non-empty one into a list. Where the library throws — a malformed
 * escape in any value, or a `__proto__` key (its plain-object lookup finds `Object.prototype`
 * and calls `push` on it) — this returns `ok: false` instead.
 */
export function parseQuery(search: string): ParsedQuery {
  const values = new Map<string, QueryValue>();
  const query = search.startsWith('?') ? search.slice(1) : search;
  if (query === '') return { ok: true, values };
  for (const pair of query.split('&')) {
    const [key = '', raw = ''] = pair.split('=');
    if (key === '') continue;
    if (key === '__proto__') {
      return { ok: false, detail: `the query string ${describeValue(search)} has a parameter named "__proto__", on which the Open CTI library crashes while reading its URL` };
    }
    let value: string | null = null;
    if (raw !== '') {
      try {
        value = decodeURIComponent(raw);
      } catch {
        return {
          ok: false,
          detail: `parameter ${describeValue(key)} has the malformed escape ${describeValue(raw)} (a "%" not followed by UTF-8 in hex), on which the Open CTI library crashes while reading its URL`,
        };
      }
    }
    const current = values.get(key);
    if (current === undefined || current === null) values.set(key, value);
    else if (typeof current === 'string') values.set(key, [current, value]);
    else values.set(key, [...current, value]);
  }
  return { ok: true, values };
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
 * library will — refusing every URL it refuses and accepting every URL it accepts — plus the
 * origin checks the library leaves to its allow-list (a bare `scheme://host[:port]`).
 *
 * @param search  `location.search`
 * @param pageProtocol  `location.protocol` of the adapter page, e.g. `https:`
 */
export function readLaunchParameters(search: string, pageProtocol: string): LaunchParametersResult {
  const query = parseQuery(search);
  if (!query.ok) {
    return {
      ok: false,
      reason: 'MALFORMED_QUERY',
      detail: `The adapter URL cannot be read: ${query.detail}. Expected the URL Salesforce builds (mode=Lightning&sfdcIframeOrigin=…); check the CTI Adapter URL of the call center.`,
    };
  }
  const origin = query.values.get('sfdcIframeOrigin');
  if (origin === undefined || origin === null) {
    return {
      ok: false,
      reason: 'MISSING_ORIGIN',
      detail:
        'The adapter URL has no sfdcIframeOrigin value, so it was not opened by Salesforce ' +
        `(query was ${describeValue(search)}). Expected Salesforce to add ` +
        `sfdcIframeOrigin=<Lightning page origin>, e.g. ${EXAMPLE}.`,
    };
  }
  if (typeof origin !== 'string') {
    return {
      ok: false,
      reason: 'INVALID_ORIGIN',
      detail:
        `sfdcIframeOrigin has ${origin.length} values (${describeValue(origin)}) in ${describeValue(search)}; ` +
        'expected one (the Open CTI library refuses a repeated sfdcIframeOrigin unless the earlier ones are empty).',
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
  const mode = query.values.get('mode');
  if (mode === undefined || mode === null) {
    return {
      ok: false,
      reason: 'MISSING_MODE',
      detail:
        `The adapter URL has no mode value (query was ${describeValue(search)}); the Open CTI ` +
        'library requires it. Expected mode=Lightning, which Salesforce adds when it frames the adapter.',
    };
  }
  // A repeated mode passes the library's presence test; its first value is the one meant.
  return { ok: true, parameters: { sfdcIframeOrigin: origin, mode: typeof mode === 'string' ? mode : mode[0] } };
}
