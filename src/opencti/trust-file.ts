/**
 * Reads the deployment's {@link TrustPolicy} from `trusted-origins.json` next to the adapter page,
 * on the page's own origin. Shared by the loader and the inline preload of `index.html`.
 *
 * Fails closed: a missing, unreadable or malformed file is a refusal with the reason, never "no
 * pin" — a deployer who meant to pin and made a typo must not end up trusting every Salesforce host.
 */
import { TRUSTED_ORIGINS_FILE, parseTrustPolicy, type TrustPolicyResult } from './trusted-origin.ts';

/** The slice of a `Response` read here. */
export interface TrustFileResponse {
  readonly ok: boolean;
  readonly status: number;
  text(): Promise<string>;
}

/** The slice of `fetch` used here; a real `window.fetch` fits. */
export type TrustFileFetch = (url: string, init: { mode: 'same-origin'; credentials: 'same-origin'; cache: 'no-cache' }) => Promise<TrustFileResponse>;

/** Larger than any honest host list; a bigger body is not ours. */
const MAX_BYTES = 64 * 1024;

/** The file's URL for a page at `pageUrl` (`https://host/softphone/?mode=…` → `https://host/softphone/trusted-origins.json`). */
export function trustFileUrl(pageUrl: string): string {
  return new URL(TRUSTED_ORIGINS_FILE, pageUrl).href;
}

/**
 * Fetches and validates the file. `mode: 'same-origin'` makes a redirect to another origin fail:
 * the policy only counts when the adapter's own server gives it.
 */
export async function readTrustPolicy(fetchFile: TrustFileFetch, pageUrl: string): Promise<TrustPolicyResult> {
  let url: string;
  try {
    url = trustFileUrl(pageUrl);
  } catch {
    return { ok: false, detail: `The adapter page URL ${JSON.stringify(pageUrl)} cannot locate ${TRUSTED_ORIGINS_FILE}.` };
  }
  const admin = `It ships in dist/ next to index.html; the server hosting the adapter must serve it (see docs/admin-setup.md).`;
  let response: TrustFileResponse;
  let text: string;
  try {
    response = await fetchFile(url, { mode: 'same-origin', credentials: 'same-origin', cache: 'no-cache' });
    if (!response.ok) return { ok: false, detail: `${url} answered HTTP ${response.status}; expected the deployment's list of trusted Salesforce hosts. ${admin}` };
    text = await response.text();
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { ok: false, detail: `${url} could not be read (${why}); expected the deployment's list of trusted Salesforce hosts. ${admin}` };
  }
  if (text.length > MAX_BYTES) return { ok: false, detail: `${url} is ${text.length} characters long; expected a small JSON object (at most ${MAX_BYTES}).` };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { ok: false, detail: `${url} is not JSON (${why}); received ${JSON.stringify(text.slice(0, 60))}.` };
  }
  return parseTrustPolicy(json, url);
}
