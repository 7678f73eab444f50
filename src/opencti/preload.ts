/**
 * The inline script of `index.html` (bundled into it at build time by `vite.config.ts`): starts
 * fetching Salesforce's Open CTI library while the adapter's bundle downloads, so the loader finds
 * it in the cache. It asks the very gate the loader asks ({@link gateLibraryOrigin}), so it never
 * fetches from an origin the loader would refuse; when in doubt it does nothing and the loader
 * decides alone.
 */
import { DEFAULT_OPENCTI_API_VERSION, openCtiScriptUrl } from './library-url.ts';
import { gateLibraryOrigin } from './origin-gate.ts';

if (window.parent !== window) {
  void gateLibraryOrigin(window).then((gate) => {
    if (!gate.ok) return;
    const link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'script';
    link.href = openCtiScriptUrl(gate.origin, DEFAULT_OPENCTI_API_VERSION);
    document.head.appendChild(link);
  });
}
