/**
 * Iframe load → ready, interleaved: two or more builds of the adapter, each framed by its own
 * Lightning emulator, loaded cold one after the other (a fresh context each, the order rotating
 * every round) the way bench/boot-time.ts loads one, so a before/after shares one run and one load.
 *
 *     npm run build && cp -r dist /tmp/dist-before   # the build to compare against
 *     … change, npm run build …
 *     BOOT_AB_DIRS=/tmp/dist-before,dist BOOT_AB_ROUNDS=20 node --import tsx bench/boot-ab.ts
 *
 * Prints, per build, the median and p95 of `dialtone:ready` and of the login form usable (frame
 * clock), with the load average at start and end. It enters the loopback namespace itself.
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { launchChromium } from '../e2e/support/browser.ts';
import { startConsoleWithAdapter } from '../e2e/boot/support.ts';
import { bootOnce, quantileOf, type BootProbe } from './boot-time.ts';
import { paintToInteractive, type PanelMarks } from './login-form-probe.ts';

if (process.env.DIALTONE_LOOPBACK_NS !== '1') {
  const r = spawnSync('sh', ['scripts/in-loopback.sh', process.execPath, ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}

const dirs = (process.env.BOOT_AB_DIRS ?? 'dist').split(',').map((d) => d.trim()).filter((d) => d !== '');
const rounds = Number(process.env.BOOT_AB_ROUNDS ?? 10);
// One probe per build (bench/boot-time.ts, `BootProbe`), default quiet: `BOOT_AB_PROBES=quiet,playwright`
// with the same dir twice measures what the old probe cost.
const probes = (process.env.BOOT_AB_PROBES ?? '').split(',').map((p) => p.trim());
const probeOf = (i: number): BootProbe => (probes[i] === 'playwright' ? 'playwright' : 'quiet');
// The console is served from localhost; `BOOT_AB_ADAPTER_HOSTS=localhost,127.0.0.1` (one per build)
// serves the second from another site, so Chromium gives it a renderer of its own, as it does in
// Salesforce (the console is another site). Default localhost: one renderer, one main thread for
// the console and the adapter (as bench/boot-time.ts loads it).
const hosts = (process.env.BOOT_AB_ADAPTER_HOSTS ?? '').split(',').map((h) => h.trim());
const hostOf = (i: number): string => (hosts[i] === '127.0.0.1' ? '127.0.0.1' : 'localhost');
if (!Number.isInteger(rounds) || rounds < 1 || rounds > 60) {
  console.error(`BOOT_AB_ROUNDS is ${process.env.BOOT_AB_ROUNDS}; expected a whole number of rounds from 1 to 60`);
  process.exit(2);
}

const la = (v: readonly number[]) => v.map((x) => x.toFixed(2)).join(' ');
const start = loadavg();
const browser = await launchChromium();
const sides = await Promise.all(dirs.map(async (dir, i) => ({ dir, probe: probeOf(i), host: hostOf(i), console: await startConsoleWithAdapter({ serveAdapterDir: dir, adapterHostName: hostOf(i) }), marks: [] as PanelMarks[] })));
try {
  for (let round = 0; round < rounds; round++) {
    const shift = round % sides.length;
    for (const side of [...sides.slice(shift), ...sides.slice(0, shift)]) side.marks.push(await bootOnce(browser, side.console.server.url, side.probe));
  }
} finally {
  await browser.close();
  for (const side of sides) await side.console.server.close();
}
console.log(`iframe load → ready, ${rounds} rounds of one cold load per build (rotating order), load average ${la(start)} → ${la(loadavg())}:`);
for (const side of sides) {
  const ready = side.marks.map((m) => m.readyMs);
  const form = side.marks.map((m) => m.loginFormMs);
  const fmt = (v: number) => (Number.isFinite(v) ? v.toFixed(0) : '—');
  // As bench/boot-time.ts: 0 when the form was usable before the frame's first paint.
  const p2i = side.marks.map((m) => Math.max(0, paintToInteractive(m)));
  console.log(`  ${side.dir} (${side.probe} probe, adapter on ${side.host}): ready median ${fmt(quantileOf(ready, 0.5))} ms, p95 ${fmt(quantileOf(ready, 0.95))}; login form usable median ${fmt(quantileOf(form, 0.5))}, p95 ${fmt(quantileOf(form, 0.95))}`);
  console.log(`    ready: ${ready.map(fmt).join(', ')}`);
  console.log(`    form:  ${form.map(fmt).join(', ')}`);
  console.log(`    paint-to-interactive median ${fmt(quantileOf(p2i.filter(Number.isFinite), 0.5))} ms: ${p2i.map(fmt).join(', ')}`);
}
