/**
 * Connects the adapter page to Salesforce: reads the launch parameters, loads Salesforce's
 * `opencti_min.js` from the Lightning origin and wraps `window.sforce.opencti` in an {@link OpenCti}
 * — or explains, as a `standalone` connection, why the page runs without a CRM. It never rejects:
 * a softphone opened outside Salesforce must still work.
 *
 * ```
 *  framed? ──no──► standalone NOT_FRAMED
 *    │yes
 *  sfdcIframeOrigin / mode valid? ──no──► MALFORMED_QUERY | MISSING_ORIGIN | INVALID_ORIGIN | PROTOCOL_MISMATCH | MISSING_MODE
 *    │yes
 *  trusted-origins.json readable? ──no──► TRUST_FILE_INVALID
 *    │yes
 *  origin trusted (trusted-origin.ts)? ──no──► UNTRUSTED_ORIGIN   (nothing is fetched from it)
 *    │yes
 *  sforce.opencti already there? ──yes──► salesforce
 *    │no
 *  <script src=origin/support/api/NN.0/lightning/opencti_min.js>
 *    ├─ element error ───────────────► SCRIPT_LOAD_FAILED
 *    ├─ ran, threw the refusal ──────► LIBRARY_REFUSED
 *    ├─ ran, threw, no sforce.opencti ► SCRIPT_ERROR (a login page instead of JavaScript)
 *    ├─ ran, no sforce.opencti by the deadline ► API_MISSING
 *    ├─ nothing by the deadline ─────► TIMEOUT
 *    └─ ran, sforce.opencti present ─► salesforce
 * ```
 */
import { describeValue } from '../shared/errors.ts';
import { DEFAULT_OPENCTI_API_VERSION, openCtiScriptUrl } from './library-url.ts';
import { gateLibraryOrigin } from './origin-gate.ts';
import { isLibraryRefusal, takePreloadedLibrary } from './preloaded.ts';
import { runScript } from './script-injection.ts';
import type { TrustPolicyResult } from './trusted-origin.ts';
import type { ErrorEventLike, WindowLike } from './script-injection.ts';
import { OpenCti } from './shim.ts';
import type { OpenCtiOptions } from './shim.ts';
import type { OpenCtiLightning } from './types.ts';

export { DEFAULT_OPENCTI_API_VERSION, openCtiScriptUrl } from './library-url.ts';

/** How long the whole load may take before giving up, in ms. */
export const DEFAULT_LOAD_TIMEOUT_MS = 10_000;

/** Lightning methods first shipped in API 38.0. */
const FIRST_LIGHTNING_API_VERSION = 38;

export { LIBRARY_REFUSAL } from './preloaded.ts';

/** Why the page runs without Salesforce. */
export const STANDALONE_REASON = {
  /** No `window` (not a browser). */
  NO_WINDOW: 'NO_WINDOW',
  /** The page is not inside a frame: opened directly in a tab. */
  NOT_FRAMED: 'NOT_FRAMED',
  /** The query string would crash the library's parser (a malformed `%` escape, a `__proto__` key). */
  MALFORMED_QUERY: 'MALFORMED_QUERY',
  MISSING_ORIGIN: 'MISSING_ORIGIN',
  INVALID_ORIGIN: 'INVALID_ORIGIN',
  /** `http:` adapter in an `https:` org (or the reverse): the library refuses it. */
  PROTOCOL_MISMATCH: 'PROTOCOL_MISMATCH',
  MISSING_MODE: 'MISSING_MODE',
  /** `sfdcIframeOrigin` is not a host this deployment trusts to run script in the adapter. */
  UNTRUSTED_ORIGIN: 'UNTRUSTED_ORIGIN',
  /** The deployment's `trusted-origins.json` is missing, unreadable or malformed. */
  TRUST_FILE_INVALID: 'TRUST_FILE_INVALID',
  /** `loadOpenCti` options out of range. */
  INVALID_OPTIONS: 'INVALID_OPTIONS',
  /** The browser could not fetch or would not run the script. */
  SCRIPT_LOAD_FAILED: 'SCRIPT_LOAD_FAILED',
  /** The script was not the library (typically a Salesforce login page → syntax error). */
  SCRIPT_ERROR: 'SCRIPT_ERROR',
  /** The library threw its "Failed to initialize Open CTI" refusal. */
  LIBRARY_REFUSED: 'LIBRARY_REFUSED',
  /** The script ran but `window.sforce.opencti` did not appear (or is not the Lightning API). */
  API_MISSING: 'API_MISSING',
  /** The script neither loaded nor failed in time. */
  TIMEOUT: 'TIMEOUT',
} as const;
/** One of {@link STANDALONE_REASON}. */
export type StandaloneReason = (typeof STANDALONE_REASON)[keyof typeof STANDALONE_REASON];

/** The result of {@link loadOpenCti}. */
export type OpenCtiConnection =
  | { readonly mode: 'salesforce'; readonly api: OpenCti; readonly origin: string; readonly apiVersion: number }
  | {
      readonly mode: 'standalone';
      readonly reason: StandaloneReason;
      readonly detail: string;
      /** The refused `sfdcIframeOrigin`, for `UNTRUSTED_ORIGIN`. */
      readonly origin?: string;
    };

/** Options of {@link loadOpenCti}; all optional. */
export interface LoadOpenCtiOptions {
  /** The page's window (tests inject a fake); default `globalThis.window`. */
  window?: WindowLike;
  /** Open CTI API version of the script URL; default {@link DEFAULT_OPENCTI_API_VERSION}. */
  apiVersion?: number;
  /** Time limit for loading the script and seeing `sforce.opencti`; default 10 s. */
  timeoutMs?: number;
  /** Passed to the {@link OpenCti} it creates. */
  shim?: OpenCtiOptions;
  /**
   * Where the deployment's origin policy comes from; default: `trusted-origins.json` next to the
   * page, fetched same-origin through the window's `fetch` (see `trust-file.ts`).
   */
  trustPolicy?: () => Promise<TrustPolicyResult>;
}

/** How often to look for `sforce.opencti` after the script ran without it. */
const POLL_MS = 50;

/** The methods without which `sforce.opencti` is not the Lightning API. */
const CORE_METHODS = ['getCallCenterSettings', 'saveLog', 'screenPop', 'onClickToDial'] as const;

/**
 * Loads Open CTI for Lightning and resolves with a `salesforce` connection, or a `standalone` one
 * whose `reason` and `detail` say why not. Never rejects.
 */
export function loadOpenCti(options: LoadOpenCtiOptions = {}): Promise<OpenCtiConnection> {
  const win = options.window ?? (typeof window === 'undefined' ? undefined : window);
  if (win === undefined) {
    return Promise.resolve(standalone('NO_WINDOW', 'There is no browser window, so there is no Salesforce page to connect to.'));
  }
  // One load per page: a second call shares the first's outcome (and its OpenCti instance, so
  // listeners stay registered once). Only failures that left no library behind may be retried.
  const cached = connections.get(win);
  if (cached !== undefined) return cached;
  const loading = connect(win, options).catch((error: unknown) => {
    // Defensive: a hostile or half-built environment (a throwing getter). Still no crash.
    const what = error instanceof Error ? error.message : describeValue(error);
    return standalone('SCRIPT_LOAD_FAILED', `Loading Open CTI failed unexpectedly: ${what}`);
  });
  connections.set(win, loading);
  void loading.then((connection) => {
    if (connection.mode === 'standalone' && RETRYABLE.has(connection.reason)) connections.delete(win);
  });
  return loading;
}

const connections = new WeakMap<WindowLike, Promise<OpenCtiConnection>>();

/** Failures after which the library is not in the page, so a later call may load it afresh. */
const RETRYABLE: ReadonlySet<StandaloneReason> = new Set<StandaloneReason>(['SCRIPT_LOAD_FAILED', 'SCRIPT_ERROR']);

function standalone(reason: StandaloneReason, detail: string): OpenCtiConnection {
  return { mode: 'standalone', reason, detail };
}

async function connect(win: WindowLike, options: LoadOpenCtiOptions): Promise<OpenCtiConnection> {
  const apiVersion = options.apiVersion ?? DEFAULT_OPENCTI_API_VERSION;
  const timeoutMs = options.timeoutMs ?? DEFAULT_LOAD_TIMEOUT_MS;
  if (!Number.isInteger(apiVersion) || apiVersion < FIRST_LIGHTNING_API_VERSION) {
    return standalone('INVALID_OPTIONS', `loadOpenCti apiVersion was ${describeValue(apiVersion)}; expected a whole number ≥ ${FIRST_LIGHTNING_API_VERSION} (Lightning Open CTI).`);
  }
  if (typeof timeoutMs !== 'number' || !(timeoutMs > 0)) {
    return standalone('INVALID_OPTIONS', `loadOpenCti timeoutMs was ${describeValue(timeoutMs)}; expected a positive number of milliseconds.`);
  }
  if (win.parent === win || win.parent === null || win.parent === undefined) {
    return standalone('NOT_FRAMED', 'The adapter page is not inside a frame (opened directly in a tab?); Salesforce frames it in the utility bar.');
  }
  // Before anything is fetched from the origin: its script would run with the adapter's rights.
  const gate = await gateLibraryOrigin(win, options.trustPolicy);
  if (!gate.ok) return { mode: 'standalone', reason: gate.reason, detail: gate.detail, ...(gate.origin === undefined ? {} : { origin: gate.origin }) };
  const origin = gate.origin;
  const connected = (raw: OpenCtiLightning, earlySettings?: Promise<unknown>): OpenCtiConnection => ({
    mode: 'salesforce',
    // The shim watches the page's messages for replies the library cannot deliver (docs/opencti-shim.md).
    api: new OpenCti(raw, { ...options.shim, replies: { window: win, origin, apiVersion }, ...(earlySettings === undefined ? {} : { earlySettings }) }),
    origin,
    apiVersion,
  });

  const url = openCtiScriptUrl(origin, apiVersion);
  // The inline preload of index.html ran the library already (its outcome is judged below as if
  // the loader had run it), and asked for the settings.
  const preloaded = await takePreloadedLibrary(win, url);
  // Loaded already (a second call, or a host that injected it): wrap it, never load it twice.
  const existing = preloaded === undefined ? findLightningApi(win) : undefined;
  if (existing?.kind === 'found') return connected(existing.api);

  const deadline = Date.now() + timeoutMs;
  const outcome = preloaded?.outcome ?? (await runScript(win, url, timeoutMs, isLibraryRefusal));
  if (outcome.kind === 'failed') {
    return standalone('SCRIPT_LOAD_FAILED', `The browser could not load ${url} (network error, HTTP error or blocked). Expected Salesforce to serve Open CTI API ${apiVersion}.0 there; is the browser signed in to Salesforce?`);
  }
  if (outcome.kind === 'timeout') {
    return standalone('TIMEOUT', `${url} neither loaded nor failed within ${timeoutMs} ms.`);
  }
  if (outcome.thrown !== undefined) {
    return refusedOrBroken(win, url, outcome.thrown);
  }
  let found = findLightningApi(win);
  while (found.kind !== 'found' && Date.now() < deadline) {
    await sleep(Math.min(POLL_MS, deadline - Date.now()));
    found = findLightningApi(win);
  }
  if (found.kind === 'found') return connected(found.api, preloaded?.settings);
  return standalone('API_MISSING', `${url} ran, but ${found.detail} within ${timeoutMs} ms; expected the Open CTI Lightning API (sforce.opencti).`);
}

function refusedOrBroken(win: WindowLike, url: string, thrown: ErrorEventLike): OpenCtiConnection {
  const message = describeValue(thrown.message, 200);
  if (isLibraryRefusal(thrown)) {
    return standalone('LIBRARY_REFUSED', `The Open CTI library refused to start: ${message}. It only runs in the frame Salesforce creates, with mode and an sfdcIframeOrigin on a Salesforce host.`);
  }
  // The library installs sforce.opencti before validating, so its presence means it was the
  // library that threw — with the message hidden by the browser (cross-origin script).
  if (findLightningApi(win).kind === 'found') {
    return standalone('LIBRARY_REFUSED', `The Open CTI library threw while starting (${message}; the browser hides cross-origin details). It only runs in the frame Salesforce creates, with valid mode and sfdcIframeOrigin.`);
  }
  return standalone('SCRIPT_ERROR', `${url} did not run as JavaScript (${message}). Typically Salesforce answered with a login page because the browser has no Salesforce session for that origin.`);
}

type Lookup = { kind: 'found'; api: OpenCtiLightning } | { kind: 'missing'; detail: string };

function findLightningApi(win: WindowLike): Lookup {
  const sforce = (win as { sforce?: unknown }).sforce;
  if (typeof sforce !== 'object' || sforce === null) return { kind: 'missing', detail: 'window.sforce did not appear' };
  const api = (sforce as { opencti?: unknown }).opencti;
  if (typeof api !== 'object' || api === null) return { kind: 'missing', detail: 'window.sforce.opencti did not appear' };
  const fields = api as Record<string, unknown>;
  const lacking = CORE_METHODS.filter((name) => typeof fields[name] !== 'function');
  if (lacking.length > 0) {
    return { kind: 'missing', detail: `window.sforce.opencti lacks ${lacking.join(', ')}` };
  }
  return { kind: 'found', api: api as OpenCtiLightning };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
