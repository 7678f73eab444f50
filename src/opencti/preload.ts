/**
 * The inline script of `index.html` (bundled into it at build time by `vite.config.ts`). While the
 * adapter's bundle downloads, compiles and runs, it reads the deployment's `trusted-origins.json`,
 * runs Salesforce's Open CTI library and asks it for the call-center settings, so the loader finds
 * the library run and the settings on their way (issue 18: the settings' round trip used to start
 * only after the bundle had run). It asks the very gate the loader asks ({@link gateLibraryOrigin}),
 * so it never fetches from an origin the loader would refuse; when in doubt it does nothing and the
 * loader decides alone. The loader and the shim read what it left ({@link PRELOADED_LIBRARY}) once.
 */
import { DEFAULT_OPENCTI_API_VERSION, openCtiScriptUrl } from './library-url.ts';
import { isLibraryRefusal, PRELOAD_TIMEOUT_MS, PRELOADED_LIBRARY, type PreloadedLibrary } from './preloaded.ts';
import { gateLibraryOrigin, PRELOADED_TRUST_POLICY } from './origin-gate.ts';
import { runScript, type WindowLike } from './script-injection.ts';
import { readTrustPolicy } from './trust-file.ts';

/**
 * Starts the reads; the page's loader picks them up. Exported for the unit tests (a fake window);
 * the page runs it once, below.
 */
export function preloadOpenCti(win: WindowLike): void {
  if (win.parent === win) return;
  // Read once, as early as possible; the loader decides on this same answer (no second fetch).
  const policy = readTrustPolicy((url, init) => win.fetch(url, init), win.location.href);
  Object.defineProperty(win, PRELOADED_TRUST_POLICY, { value: policy });
  const library: Promise<PreloadedLibrary | undefined> = gateLibraryOrigin(win, () => policy).then(async (gate) => {
    if (!gate.ok) return undefined;
    const url = openCtiScriptUrl(gate.origin, DEFAULT_OPENCTI_API_VERSION);
    const outcome = await runScript(win, url, PRELOAD_TIMEOUT_MS, isLibraryRefusal);
    return { url, outcome, settings: outcome.kind === 'ran' && outcome.thrown === undefined ? askSettings(win) : undefined };
  });
  Object.defineProperty(win, PRELOADED_LIBRARY, { value: library });
}

/**
 * `getCallCenterSettings`' raw answer (the shim decodes and checks it as any answer), or
 * `undefined` when the library is not there yet or throws: the shim then asks it itself, and
 * reports what goes wrong with the usual error.
 */
function askSettings(win: WindowLike): Promise<unknown> | undefined {
  const api = (win as { sforce?: { opencti?: { getCallCenterSettings?: unknown } } }).sforce?.opencti;
  const ask = api?.getCallCenterSettings;
  if (typeof ask !== 'function') return undefined;
  let answer: ((response: unknown) => void) | undefined;
  const settings = new Promise<unknown>((resolve) => (answer = resolve));
  try {
    ask.call(api, { callback: (response: unknown) => answer?.(response) });
  } catch {
    return undefined;
  }
  return settings;
}

// The page (a classic inline script); under test there is no framed window, so nothing happens.
if (typeof window !== 'undefined') preloadOpenCti(window);
