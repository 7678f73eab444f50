/**
 * `npm run bench`: measures Dialtone against the budgets in ../shared/DESIGN.md ("Budgets") and
 * prints a report. Benchmarks report; they do not pass or fail the test suite. Browser benchmarks
 * run in the loopback-only network namespace (this script re-executes itself inside it).
 *
 * `BENCH_ONLY=incoming,dial` runs some of them (floor, reload, bundle, registered, boot, incoming, dial, click, sip, soak, idlesoak); `BENCH_CALLS`
 * sets the soak's call count (default 200, at most 500), `BENCH_SOAK_SECONDS` its time cap and
 * `BENCH_SOAK_SETTLE_SECONDS` its idle time before a settled heap reading; `BENCH_SOAK_SNAPSHOTS=<dir>`
 * writes heap snapshots of Dialtone and the floor there at each settled checkpoint (calls 1, 50, 100,
 * 200, 300, 400, the last) and prints their JIT code per script and function (bench/heap-snapshot.ts);
 * `BENCH_SOAK_PRESS_PROBE=1` records where the soak's presses land (diagnostic: adds code to the frame).
 * Docs: docs/benchmarks.md.
 */
import { spawnSync } from 'node:child_process';
import { measureCompare, printCompareReport } from './floor-compare.ts';
import { measureBoot, printBootReport } from './boot-time.ts';
import { measureClickToDial, printClickToDialReport } from './click-to-dial.ts';
import { measureBundle, printBundleReport } from './bundle-size.ts';
import { measureSoak, soakCallsFromEnv } from './call-soak.ts';
import { printSoakReport } from './soak-report.ts';
import { measureDial, printDialReport } from './dial-latency.ts';
import { measureIdleSoak, printIdleSoakReport } from './idle-soak.ts';
import { measureIncoming, printIncomingReport } from './incoming-call.ts';
import { measureSip, printSipReport } from './sip-latency.ts';
import { measureRegisteredJs, printRegisteredReport } from './registered-js.ts';
import { measureReload, printReloadReport } from './reload-register.ts';

if (process.env.DIALTONE_LOOPBACK_NS !== '1') {
  const r = spawnSync('sh', ['scripts/in-loopback.sh', process.execPath, ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}

const BENCHES = ['floor', 'reload', 'bundle', 'registered', 'boot', 'incoming', 'dial', 'click', 'sip', 'soak', 'idlesoak'] as const;
const only = process.env.BENCH_ONLY?.split(',').map((name) => name.trim()).filter((name) => name !== '');
const unknown = only?.filter((name) => !(BENCHES as readonly string[]).includes(name)) ?? [];
if (unknown.length > 0) {
  console.error(`BENCH_ONLY names ${unknown.join(', ')}; expected some of ${BENCHES.join(', ')}`);
  process.exit(2);
}
const wanted = (name: (typeof BENCHES)[number]) => only === undefined || only.includes(name);

const build = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
if (build.status !== 0) {
  console.error('build failed; no benchmark run');
  process.exit(1);
}
const started = Date.now();
const section = async (name: (typeof BENCHES)[number], run: () => Promise<void> | void) => {
  if (!wanted(name)) return;
  const at = Date.now();
  await run();
  console.log(`  (${name}: ${((Date.now() - at) / 1000).toFixed(0)} s)`);
  console.log('');
};
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
if (!Number.isInteger(rounds) || rounds < 1 || rounds > 30) {
  console.error(`BENCH_ROUNDS is ${process.env.BENCH_ROUNDS}; expected a whole number of rounds from 1 to 30`);
  process.exit(2);
}
await section('floor', async () => printCompareReport(await measureCompare(rounds)));
await section('reload', async () => printReloadReport(await measureReload(Math.max(rounds, 10))));
await section('bundle', () => printBundleReport(measureBundle()));
await section('registered', async () => printRegisteredReport(await measureRegisteredJs()));
await section('boot', async () => printBootReport(await measureBoot()));
await section('incoming', async () => printIncomingReport(await measureIncoming()));
await section('dial', async () => printDialReport(await measureDial()));
await section('click', async () => printClickToDialReport(await measureClickToDial()));
await section('sip', async () => printSipReport(await measureSip()));
await section('soak', async () => printSoakReport(await measureSoak(soakCallsFromEnv())));
await section('idlesoak', async () => printIdleSoakReport(await measureIdleSoak()));
console.log(`benchmarks took ${((Date.now() - started) / 1000).toFixed(0)} s after the build`);
