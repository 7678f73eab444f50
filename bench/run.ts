/**
 * `npm run bench`: measures Dialtone against the budgets in docs/architecture.md and prints a
 * report. Benchmarks report; they do not pass or fail the test suite.
 */
import { spawnSync } from 'node:child_process';
import { measureBundle, printBundleReport } from './bundle-size.ts';

const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
if (build.status !== 0) {
  console.error('build failed; no benchmark run');
  process.exit(1);
}
printBundleReport(measureBundle());
