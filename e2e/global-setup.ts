import { existsSync } from 'node:fs';
import { CHROMIUM_PATH, assertInLoopbackNamespace } from './support/browser.ts';

/** Fails fast, with the fix, when the e2e prerequisites are missing. */
export default function setup(): void {
  assertInLoopbackNamespace();
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install Debian's package (apt-get install chromium) or set CHROMIUM_PATH.`);
  }
  if (!existsSync('dist/index.html')) {
    throw new Error('dist/index.html is missing: run `npm run build` first (npm test does it).');
  }
}
