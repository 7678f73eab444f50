/**
 * `npm run screenshots`: builds the adapter, then walks the panel through every state of the
 * agent's day (e2e/agent/support/panel-states.ts, the same walk the accessibility test checks) in
 * es, pt and en at the utility panel's 340×560, and writes docs/screenshots/<state>-<language>.png.
 * Runs inside the loopback-only network namespace (scripts/in-loopback.sh, as `npm test` does):
 * the console, the Neotel simulator and Chromium never reach a real network.
 *
 *   npm run screenshots                 every language
 *   npm run screenshots -- en           one language
 *   npm run screenshots -- --no-build   reuse dist/ as it is
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES, type Language } from '../src/i18n/languages.ts';
import { openPanel, panelScreenshot, walkPanelStates } from '../e2e/agent/support/panel-states.ts';

const OUT = join('docs', 'screenshots');
const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== '--no-build' && !(LANGUAGES as readonly string[]).includes(a));
if (unknown.length > 0) {
  console.error(`screenshots: unknown argument ${unknown.join(', ')}; expected --no-build and/or languages among ${LANGUAGES.join(', ')}`);
  process.exit(2);
}
const languages = LANGUAGES.filter((l) => args.includes(l));

if (!args.includes('--no-build')) {
  const built = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (built.status !== 0) {
    console.error('screenshots: the build failed, so there is no adapter to photograph');
    process.exit(1);
  }
}
mkdirSync(OUT, { recursive: true });
for (const language of languages.length > 0 ? languages : LANGUAGES) await shoot(language);

async function shoot(language: Language): Promise<void> {
  const { rig, tab } = await openPanel(language);
  try {
    await walkPanelStates(rig, tab, async (state) => {
      const path = join(OUT, `${state}-${language}.png`);
      await panelScreenshot(tab.page, path);
      console.log(`screenshots: ${path}`);
    });
  } finally {
    await rig.close();
  }
}
