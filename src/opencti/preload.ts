/**
 * The inline script of `index.html` (bundled into it at build time by `vite.config.ts`): starts
 * fetching the deployment's `trusted-origins.json` and then Salesforce's Open CTI library while the
 * adapter's bundle downloads, so the loader finds both ready. It asks the very gate the loader asks ({@link gateLibraryOrigin}), so it never
 * fetches from an origin the loader would refuse; when in doubt it does nothing and the loader
 * decides alone.
 */
import { DEFAULT_OPENCTI_API_VERSION, openCtiScriptUrl } from './library-url.ts';
import { gateLibraryOrigin, PRELOADED_TRUST_POLICY } from './origin-gate.ts';
import { readTrustPolicy } from './trust-file.ts';

if (window.parent !== window) {
  // Read once, as early as possible; the loader decides on this same answer (no second fetch).
  const policy = readTrustPolicy((url, init) => window.fetch(url, init), location.href);
  Object.defineProperty(window, PRELOADED_TRUST_POLICY, { value: policy });
  void gateLibraryOrigin(window, () => policy).then((gate) => {
    if (!gate.ok) return;
    const link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'script';
    link.href = openCtiScriptUrl(gate.origin, DEFAULT_OPENCTI_API_VERSION);
    document.head.appendChild(link);
  });
}
