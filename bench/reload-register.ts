/**
 * Page load → REGISTER 200 where Dialtone, like the floor, registers with nothing typed (issue
 * 18, the honest comparable of the floor comparison's first row): a **reload** of the only tab of
 * a logged-in agent who kept the device password (`allowRememberDevicePassword=true`, "Remember
 * the device password" ticked). The reloaded panel carries on its session from sessionStorage and
 * registers the phone with the vault's password (docs/reload.md, docs/security.md). While it has
 * not, calls cannot ring.
 *
 * Each round reloads the console tab (the Lightning emulator; the adapter's frame loads with it,
 * the utility panel as the agent left it) and, interleaved, reloads the floor page (bench/floor:
 * plain sip.js registering at page load with credentials in its URL), alternating which goes
 * first. Both are timed by one ruler (bench/wire-probe.ts): the page's navigation start (the
 * frame's, for Dialtone) to the REGISTER 200 seen on its WebSocket. Also the console's navigation
 * start → REGISTER 200 (the console's own reload included), and where Dialtone's time goes
 * (the adapter's marks and bench/boot-timeline.ts's timeline of browser calls).
 *
 * With several builds (`RELOAD_DIRS=/tmp/dist-before,dist`), each is served by its own simulator
 * and console in its own browser, and the rounds rotate over all of them and the floor: a
 * before / after in one run. `RELOAD_ROUNDS` (default 10, 1 to 30); every round is bounded in
 * time and the whole run by `maxSeconds`.
 *
 *     npm run build && node --import tsx bench/reload-register.ts
 *     BENCH_ONLY=reload BENCH_ROUNDS=10 npm run bench
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { build } from 'vite';
import { AgentConsole } from '../e2e/agent/support/agent-console.ts';
import { logIn, panelFrameOf, untilStatus } from '../e2e/agent/support/agent-steps.ts';
import { TIMELINE_SCRIPT } from './boot-timeline.ts';
import { COMPARE_BUDGETS, FLOOR_DIR, until } from './floor-compare.ts';
import { percentile } from './stats.ts';
import { WIRE_SCRIPT, registeredAt, wireOf, type WireEvent } from './wire-probe.ts';

/** One reload (Dialtone: frame clock, ms; NaN when not seen). */
export interface ReloadSample {
  /** Navigation start of the page (Dialtone: its frame) → REGISTER 200. */
  registerMs: number;
  /** Dialtone: the console's navigation start → REGISTER 200 (the console's reload included). */
  consoleRegisterMs: number;
  /** Dialtone: the steps below, each the moment it ended (frame clock). */
  steps: Record<string, number>;
  /** Dialtone: every timed browser call and mark of the reloaded frame, for `RELOAD_TIMELINE=1`. */
  timeline: string[];
}

/** Spans of a Dialtone reload (medians of each reload's difference): the path, link by link. */
export const RELOAD_SPANS: readonly (readonly [string, string, string])[] = [
  ['navigation → ready', '', 'dialtone:ready'],
  ['ready → session resumed', 'dialtone:ready', 'dialtone:resumed'],
  ['sip.js requested, from ready', 'dialtone:ready', 'sip.js chunk requested'],
  ['sip.js in, from resumed', 'dialtone:resumed', 'sip.js chunk fetched'],
  ['resumed → WebSocket constructed', 'dialtone:resumed', 'SIP WebSocket constructed'],
  ['WebSocket constructed → open', 'SIP WebSocket constructed', 'SIP WebSocket open'],
  ['WebSocket open → REGISTER 200', 'SIP WebSocket open', 'REGISTER 200'],
  ['ready → REGISTER 200', 'dialtone:ready', 'REGISTER 200'],
];

/** The steps of a Dialtone reload, in the order they should end (the moment each ended). */
export const RELOAD_STEPS = [
  'document received',
  'dialtone:ready',
  'session chunk fetched',
  'IndexedDB open',
  'tab lock granted',
  'vault decrypted',
  'dialtone:resumed',
  'sip.js chunk fetched',
  'SIP WebSocket constructed',
  'SIP WebSocket open',
  'REGISTER sent',
  'REGISTER 200',
] as const;

interface TimedCall {
  readonly what: string;
  readonly start: number;
  readonly end: number;
}

interface Side {
  readonly name: string;
  readonly samples: ReloadSample[];
  reload(): Promise<ReloadSample>;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (values: readonly number[]) => percentile(values.filter(Number.isFinite), 0.5);
const fmt = (v: number) => (Number.isFinite(v) ? v.toFixed(0) : '—');

/** The steps of one reload, read in the reloaded frame. */
async function stepsOf(adapter: Frame, wire: readonly WireEvent[]): Promise<{ steps: Record<string, number>; timeline: string[] }> {
  const { calls, marks, resources, documentAt, sockets } = await adapter.evaluate(() => ({
    calls: (window as unknown as { __timeline?: TimedCall[] }).__timeline ?? [],
    marks: Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])),
    resources: (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => ({ what: new URL(e.name).pathname, start: e.startTime, end: e.responseEnd })),
    documentAt: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.responseEnd ?? NaN,
    sockets: window.__wireSockets ?? [],
  }));
  const endOf = (prefix: string) => calls.find((c) => c.what.startsWith(prefix))?.end ?? NaN;
  const loaded = (pattern: RegExp) => resources.find((r) => pattern.test(r.what))?.end ?? NaN;
  const timeline = [
    ...calls.map((c) => ({ at: c.start, line: `${fmt(c.start).padStart(5)} → ${fmt(c.end).padStart(5)}  ${c.what}` })),
    ...resources.map((r) => ({ at: r.start, line: `${fmt(r.start).padStart(5)} → ${fmt(r.end).padStart(5)}  load ${r.what.replace(/^.*\/softphone\//, '')}` })),
    ...Object.entries(marks).map(([name, at]) => ({ at, line: `${fmt(at).padStart(5)}          mark ${name}` })),
    ...wire.map((e) => ({ at: e.at, line: `${fmt(e.at).padStart(5)}          SIP ${e.dir} ${e.start} ${e.cseq}` })),
  ]
    .sort((a, b) => a.at - b.at)
    .map((row) => row.line);
  const steps = {
    'document received': documentAt,
    'dialtone:ready': marks['dialtone:ready'] ?? NaN,
    'session chunk fetched': loaded(/\/assets\/agent-session-[^/]*\.js$/),
    'IndexedDB open': endOf('indexedDB.open'),
    'tab lock granted': endOf('locks.request dialtone:'),
    'vault decrypted': endOf('crypto.decrypt'),
    'dialtone:resumed': marks['dialtone:resumed'] ?? NaN,
    'sip.js chunk fetched': loaded(/\/assets\/sip-phone-[^/]*\.js$/),
    'SIP WebSocket constructed': sockets[0] ?? NaN,
    'SIP WebSocket open': endOf('WebSocket '),
    'REGISTER sent': wire.find((e) => e.dir === 'out' && e.start === 'REGISTER')?.at ?? NaN,
    'REGISTER 200': registeredAt(wire) ?? NaN,
    'sip.js chunk requested': resources.find((r) => /\/assets\/sip-phone-[^/]*\.js$/.test(r.what))?.start ?? NaN,
  };
  return { steps, timeline };
}

/** A console tab of `dir`'s build, the agent logged in with the device password kept. */
async function dialtoneSide(name: string, dir: string | undefined): Promise<Side> {
  const rig = await AgentConsole.start({ '/dialtoneAgent/allowRememberDevicePassword': 'true' }, dir === undefined ? {} : { softphoneDir: dir });
  try {
    await rig.neotel.setDialer(false);
    await rig.context.addInitScript({ content: `globalThis.__name ??= (target) => target;\n${WIRE_SCRIPT}\n${TIMELINE_SCRIPT}` });
    const tab = await rig.openTab({ audioProbe: false });
    await logIn(tab.adapter, rig.agent(0), { rememberDevicePassword: true });
    await untilStatus(tab.adapter, ['ready'], 20_000);
    const page = tab.page;
    const samples: ReloadSample[] = [];
    return {
      name,
      samples,
      async reload() {
        await page.reload({ waitUntil: 'commit' });
        const adapter = await panelFrameOf(page);
        const wire = await until('REGISTER 200 in the reloaded panel', async () => {
          const events = await wireOf(adapter).catch(() => []);
          return registeredAt(events) === undefined ? undefined : events;
        }, 20_000);
        await untilStatus(adapter, ['ready'], 20_000);
        const registerMs = registeredAt(wire) ?? NaN;
        const frameOrigin = await adapter.evaluate(() => performance.timeOrigin);
        const pageOrigin = await page.evaluate(() => performance.timeOrigin);
        const { steps, timeline } = await stepsOf(adapter, wire);
        // The reloaded page writes its session again for the next reload once it has drawn its first view.
        await sleep(300);
        return { registerMs, consoleRegisterMs: frameOrigin + registerMs - pageOrigin, steps, timeline };
      },
      close: () => rig.close(),
    };
  } catch (error) {
    await rig.close();
    throw error;
  }
}

/**
 * The floor page, reloaded each round: its own simulator and browser, serving the directory the
 * floor was built into, at the adapter's origin (NeoApi needs no CORS).
 */
async function floorSide(dir: string | undefined): Promise<Side> {
  const rig = await AgentConsole.start({}, dir === undefined ? {} : { softphoneDir: dir });
  const served = rig.neotelServer;
  const agent = rig.agent(1);
  const query = new URLSearchParams({ ws: served.sipUrl, domain: new URL(served.url).hostname, user: agent.user, sipPassword: agent.devicePassword, neoApi: served.neoApiUrl, password: agent.password });
  let page: Page;
  try {
    await rig.context.addInitScript({ content: WIRE_SCRIPT });
    page = await rig.context.newPage();
    await page.goto(`${served.url}/softphone/${FLOOR_DIR}/index.html?${query.toString()}`);
    await page.locator('#state', { hasText: 'ready' }).waitFor({ timeout: 20_000 });
  } catch (error) {
    await rig.close();
    throw error;
  }
  const samples: ReloadSample[] = [];
  const logout = () => fetch(`${served.neoApiUrl}/Logout?USUARIO=${agent.user}`).catch(() => undefined);
  await logout();
  return {
    name: 'floor',
    samples,
    async reload() {
      await page.reload({ waitUntil: 'commit' });
      const registerMs = await until('REGISTER 200 on the floor page', async () => registeredAt(await wireOf(page).catch(() => [])), 20_000);
      await page.locator('#state', { hasText: 'ready' }).waitFor({ timeout: 20_000 });
      // As the comparison: the floor's NeoApi Login (sent after REGISTER 200) does not stay.
      await logout();
      await sleep(300);
      return { registerMs, consoleRegisterMs: NaN, steps: {}, timeline: [] };
    },
    close: () => rig.close(),
  };
}

export interface ReloadReport {
  readonly rounds: number;
  readonly sides: readonly Side[];
  readonly loadAverage: { readonly start: number[]; readonly end: number[] };
  readonly notes: readonly string[];
}

/**
 * `rounds` rounds, each one reload of every build in `dirs` (undefined: dist/) and of the floor,
 * in rotating order, at most `maxSeconds` in all. The floor is built into the first build's
 * directory (removed afterwards) and served by a simulator and browser of its own.
 */
export async function measureReload(rounds = 10, dirs: readonly (string | undefined)[] = [undefined], maxSeconds = 600): Promise<ReloadReport> {
  const start = loadavg();
  const notes: string[] = [];
  const floorRoot = resolve(dirs[0] ?? 'dist');
  await build({ configFile: false, root: resolve('bench/floor'), base: './', logLevel: 'warn', build: { outDir: join(floorRoot, FLOOR_DIR), emptyOutDir: true, target: 'es2022', sourcemap: false } });
  const sides: Side[] = [];
  const deadline = Date.now() + maxSeconds * 1000;
  try {
    for (const dir of dirs) sides.push(await dialtoneSide(dir ?? 'dist', dir));
    const first = sides[0];
    if (!first) throw new Error('no build to measure');
    sides.push(await floorSide(dirs[0]));
    for (let round = 0; round < rounds; round++) {
      if (Date.now() > deadline) {
        notes.push(`time cap of ${maxSeconds} s reached after ${round} of ${rounds} rounds`);
        break;
      }
      const shift = round % sides.length;
      for (const side of [...sides.slice(shift), ...sides.slice(0, shift)]) side.samples.push(await side.reload());
    }
  } catch (error) {
    notes.push(`stopped by an error: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    for (const side of sides) await side.close().catch(() => undefined);
    rmSync(join(floorRoot, FLOOR_DIR), { recursive: true, force: true });
  }
  return { rounds: Math.min(...sides.map((s) => s.samples.length)), sides, loadAverage: { start, end: loadavg() }, notes };
}

export function printReloadReport(report: ReloadReport): void {
  const la = (v: readonly number[]) => v.map((x) => x.toFixed(2)).join(' ');
  console.log(`reload → REGISTER 200 (the only tab of a logged-in agent, device password kept), ${report.rounds} interleaved rounds; load average ${la(report.loadAverage.start)} at start, ${la(report.loadAverage.end)} at end:`);
  const floor = report.sides.find((s) => s.name === 'floor');
  const floorMedian = median(floor?.samples.map((s) => s.registerMs) ?? []);
  console.log('| | navigation → REGISTER 200 median (p95) | ratio to the floor | console navigation → REGISTER 200 median |');
  console.log('|---|---|---|---|');
  for (const side of report.sides) {
    const values = side.samples.map((s) => s.registerMs);
    const m = median(values);
    const ratio = side === floor ? '—' : `${(m / floorMedian).toFixed(2)}× (budget ≤ ${COMPARE_BUDGETS.registerRatio}×)`;
    const consoleMedian = side === floor ? '—' : `${fmt(median(side.samples.map((s) => s.consoleRegisterMs)))} ms`;
    console.log(`| ${side.name} | ${fmt(m)} ms (${fmt(percentile(values.filter(Number.isFinite), 0.95))}) | ${ratio} | ${consoleMedian} |`);
  }
  for (const side of report.sides) {
    console.log(`  ${side.name}: ${side.samples.map((s) => fmt(s.registerMs)).join(', ')}`);
  }
  for (const side of report.sides.filter((s) => s !== floor)) {
    console.log(`where ${side.name}'s reload goes (frame clock, the moment each step ended; medians, then each reload):`);
    for (const step of RELOAD_STEPS) {
      const values = side.samples.map((s) => s.steps[step] ?? NaN);
      console.log(`  ${step.padEnd(26)} ${fmt(median(values)).padStart(5)}   ${values.map(fmt).join(', ')}`);
    }
  }
  console.log('spans, medians of each reload\'s difference (ms):');
  console.log(`| span | ${report.sides.filter((s) => s !== floor).map((s) => s.name).join(' | ')} |`);
  console.log(`|---|${report.sides.filter((s) => s !== floor).map(() => '---').join('|')}|`);
  for (const [name, from, to] of RELOAD_SPANS) {
    const cells = report.sides.filter((s) => s !== floor).map((side) => fmt(median(side.samples.map((r) => (r.steps[to] ?? NaN) - (from === '' ? 0 : (r.steps[from] ?? NaN))))));
    console.log(`| ${name} | ${cells.join(' | ')} |`);
  }
  if (process.env.RELOAD_TIMELINE === '1') {
    for (const side of report.sides.filter((s) => s !== floor)) {
      const slowest = side.samples.reduce<ReloadSample | undefined>((worst, s) => (worst === undefined || s.registerMs > worst.registerMs ? s : worst), undefined);
      console.log(`${side.name}'s slowest reload (${fmt(slowest?.registerMs ?? NaN)} ms), call by call (frame clock, ms):`);
      for (const line of slowest?.timeline ?? []) console.log(`  ${line}`);
    }
  }
  for (const note of report.notes) console.log(`  note: ${note}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.env.DIALTONE_LOOPBACK_NS !== '1') {
    const r = spawnSync('sh', ['scripts/in-loopback.sh', process.execPath, ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
    process.exit(r.status ?? 1);
  }
  const rounds = Number(process.env.RELOAD_ROUNDS ?? 10);
  if (!Number.isInteger(rounds) || rounds < 1 || rounds > 30) {
    console.error(`RELOAD_ROUNDS is ${process.env.RELOAD_ROUNDS}; expected a whole number of rounds from 1 to 30`);
    process.exit(2);
  }
  const dirs = process.env.RELOAD_DIRS?.split(',').map((d) => d.trim()).filter((d) => d !== '');
  printReloadReport(await measureReload(rounds, dirs === undefined || dirs.length === 0 ? [undefined] : dirs));
}
