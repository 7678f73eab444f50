/**
 * The one decision "may this page load Open CTI, and from where?", shared by the loader and the
 * inline preload of `index.html` (built from `preload.ts`), so the preload can never fetch from an
 * origin the loader would refuse: launch parameters as the library reads them, then the
 * deployment's trusted origins.
 */
import { readLaunchParameters, type LaunchProblemReason } from './launch-parameters.ts';
import { readTrustPolicy, type TrustFileFetch } from './trust-file.ts';
import { checkTrustedOrigin, type TrustPolicyResult } from './trusted-origin.ts';

/** The slice of `window` the gate reads; a real `Window` fits. */
export interface GateWindow {
  readonly location: { readonly href: string; readonly search: string; readonly protocol: string };
  /** Reads the deployment's `trusted-origins.json` (see `trust-file.ts`). */
  fetch: TrustFileFetch;
}

/**
 * Where the inline preload leaves its `trusted-origins.json` read (a `Promise<TrustPolicyResult>`,
 * non-writable), so the loader decides on the same answer without a second round trip. Only
 * same-origin script can set a property of this window; the framing page cannot.
 */
export const PRELOADED_TRUST_POLICY = '__dialtoneTrustPolicy';

/** Why the gate refused. */
export type GateRefusal = LaunchProblemReason | 'UNTRUSTED_ORIGIN' | 'TRUST_FILE_INVALID';

/** The outcome of {@link gateLibraryOrigin}. */
export type GateResult =
  | { readonly ok: true; readonly origin: string }
  | { readonly ok: false; readonly reason: GateRefusal; readonly detail: string; readonly origin?: string };

/**
 * Decides whether Open CTI may be loaded from the page's `sfdcIframeOrigin`.
 *
 * @param trustPolicy  where the policy comes from; default: the preload's read of
 *   `trusted-origins.json` ({@link PRELOADED_TRUST_POLICY}) or else a fresh one
 */
export async function gateLibraryOrigin(win: GateWindow, trustPolicy?: () => Promise<TrustPolicyResult>): Promise<GateResult> {
  const launch = readLaunchParameters(win.location.search, win.location.protocol);
  if (!launch.ok) return { ok: false, reason: launch.reason, detail: launch.detail };
  const origin = launch.parameters.sfdcIframeOrigin;
  const policy = await (trustPolicy ?? defaultTrustPolicy(win))();
  if (!policy.ok) return { ok: false, reason: 'TRUST_FILE_INVALID', detail: `The softphone cannot tell which Salesforce hosts may run it: ${policy.detail}` };
  const verdict = checkTrustedOrigin(origin, policy.policy);
  if (!verdict.ok) return { ok: false, reason: 'UNTRUSTED_ORIGIN', detail: verdict.detail, origin };
  return { ok: true, origin };
}

function defaultTrustPolicy(win: GateWindow): () => Promise<TrustPolicyResult> {
  const preloaded = (win as unknown as Record<string, unknown>)[PRELOADED_TRUST_POLICY];
  if (preloaded instanceof Promise) return () => preloaded as Promise<TrustPolicyResult>;
  return () => readTrustPolicy((url, init) => win.fetch(url, init), win.location.href);
}
