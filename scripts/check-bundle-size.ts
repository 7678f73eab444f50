/**
 * Static check (`npm test -- --only static`): the adapter's eager JavaScript — index.html's entry
 * and its static imports, gzip -9 — stays within its budget (../shared/DESIGN.md, "Budgets").
 * Size is deterministic for a given source, so this can fail a build; timings never do (they are
 * reported by `npm run bench`). Builds into .tmp/bundle-check, leaving dist/ alone. It also checks
 * two things the build must drop from every chunk (docs/benchmarks.md, "Tenth pass (e)"): the
 * Lit styles' indentation (vite.config.ts minifies `css` templates) and the NeoApi contract's
 * prose (src/platforms/neotel/contract-notes.ts, never shipped).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { EAGER_BUDGET_BYTES, measureBundle } from '../bench/bundle-size.ts';

const outDir = join('.tmp', 'bundle-check');
const built = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { stdio: 'inherit' });
if (built.status !== 0) {
  console.error('bundle size: the build failed, so the size could not be checked');
  process.exit(1);
}
const report = measureBundle(outDir);
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
if (report.eagerGzip > EAGER_BUDGET_BYTES) {
  console.error(`bundle size: the eager adapter JS is ${kb(report.eagerGzip)} gzip, over its ${kb(EAGER_BUDGET_BYTES)} budget.`);
  for (const file of report.eager) console.error(`  ${file.file}: ${kb(file.gzip)} gzip`);
  console.error('Load what start-up does not need with import() (docs/benchmarks.md, "Size"); `npm run bench` with BENCH_ONLY=bundle shows each dependency\'s share.');
  process.exit(1);
}
console.log(`bundle size: eager adapter JS ${kb(report.eagerGzip)} gzip, within ${kb(EAGER_BUDGET_BYTES)}`);

/** Text that no built chunk may hold, with why. */
const NEVER_SHIPPED: readonly { readonly pattern: RegExp; readonly what: string }[] = [
  { pattern: /:host \{|\\n {2,}:host\b/, what: 'a Lit css template as written (indented `:host {`): the dialtone-minify-lit-css plugin of vite.config.ts did not run' },
  { pattern: /Full logout: ends any call/, what: "the NeoApi contract's prose (src/platforms/neotel/contract-notes.ts), which the browser never shows" },
];
const assets = join(outDir, 'assets');
const shipped = readdirSync(assets).filter((file) => file.endsWith('.js')).flatMap((file) => {
  const code = readFileSync(join(assets, file), 'utf8');
  return NEVER_SHIPPED.filter((rule) => rule.pattern.test(code)).map((rule) => `  ${file}: ${rule.what}`);
});
if (shipped.length > 0) {
  console.error(`bundle content: ${shipped.length} chunk(s) hold what the build must drop:\n${shipped.join('\n')}`);
  process.exit(1);
}
console.log('bundle content: Lit styles minified, no NeoApi contract prose');
