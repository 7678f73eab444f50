/**
 * `npm run bench`: measures Dialtone against the budgets in docs/architecture.md and prints a
 * report. Benchmarks report; they do not pass or fail the test suite. Browser benchmarks run in
 * the loopback-only network namespace (this script re-executes itself inside it).
 */
import { spawnSync } from 'node:child_process';
import { measureBoot, printBootReport } from './boot-time.ts';
import { measureBundle, printBundleReport } from './bundle-size.ts';

if (process.env.DIALTONE_LOOPBACK_NS !== '1') {
  const r = spawnSync('sh', ['scripts/in-loopback.sh', process.execPath, ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}

const build = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
if (build.status !== 0) {
  console.error('build failed; no benchmark run');
  process.exit(1);
}
printBundleReport(measureBundle());
console.log('');
printBootReport(await measureBoot());
