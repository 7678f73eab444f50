/**
 * Dialtone against the floor (issue 18), interleaved in one run against one Neotel simulator:
 * each round loads Dialtone in the Lightning console and the floor page (bench/floor, plain
 * sip.js of the same version, built by the same Vite) in fresh tabs of one browser profile,
 * alternating which goes first, and times on both the same way (bench/wire-probe.ts):
 *
 * - page load → REGISTER 200: the page's own clock (navigation start) to the 200 OK of REGISTER
 *   seen on its WebSocket; Dialtone's login form is submitted by script the moment it is drawn;
 * - dial → ACK: the click (or `floorDial`) to the PBX's ACK of the auto-answered platform leg;
 * - INVITE in → 200 OK out: that leg's INVITE to the page's 200 OK;
 * - idle main-thread task time (CDP `Performance.getMetrics` TaskDuration; also the main thread's
 *   and the whole renderer process's CPU time, `ThreadTime` and `ProcessTime`) and garbage (the
 *   sampling heap profiler, collected objects included) over `idleSeconds` while Ready, of the
 *   adapter frame's renderer only (it is out of process: the console is another site);
 * - JS up to a registered phone: the scripts the page fetched before REGISTER 200, gzip -9;
 * - not a budget row, the like-for-like part of registering: the phone's start → REGISTER 200,
 *   from the login submitted (Dialtone) or the first WebSocket constructed (the floor: sip.js's
 *   `start()` at page load), and from the SIP WebSocket constructed on both.
 *
 * Medians of `rounds`. The agent of each side logs out between rounds (NeoApi `Logout`).
 */
import { readFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

import type { CDPSession, Frame, Page } from 'playwright-core';
import { build } from 'vite';
import { AgentConsole } from '../e2e/agent/support/agent-console.ts';
import { untilStatus } from '../e2e/agent/support/agent-steps.ts';
import { playAfterCall } from './agent-bench.ts';
import { percentile } from './stats.ts';
import { WIRE_SCRIPT, autoLoginScript, dialSpans, registeredAt, wireOf } from './wire-probe.ts';

/** ../shared/DESIGN.md, "Budgets" (ratios against the floor, and absolute ones). */
export const COMPARE_BUDGETS = { registerRatio: 1.3, dialRatio: 1.2, answerRatio: 1.2, idleRatio: 3, garbageKbPerMin: 50, eagerKb: 60, registeredKb: 110, readyMs: 200 } as const;

export const FLOOR_DIR = 'bench-floor';
const DIALLED = '1139990001';

/** One side's numbers in one round (NaN when not seen). */
export interface SideSample {
  registerMs: number;
  dialToAckMs: number;
  inviteToOkMs: number;
  idleTaskMsPerS: number;
  /** The same window's main-thread CPU time (less inflated by a busy machine than task time). */
  idleThreadCpuMsPerS: number;
  /** The same window's CPU time of the whole renderer process (the Position worker's fetch included). */
  idleProcessCpuMsPerS: number;
  garbageKbPerMin: number;
  jsToRegisteredGzip: number;
  /** Dialtone only: navigation start → `dialtone:ready`. */
  readyMs: number;
  /** A second `180 Ringing` (or more) on the auto-answered leg. */
  extra180: boolean;
  /** The phone's start → REGISTER 200: Dialtone from the login submitted, the floor from its WebSocket constructed. */
  phoneStartToRegisterMs: number;
  /** The SIP WebSocket constructed → REGISTER 200 (sip.js and the wire only, both sides). */
  socketToRegisterMs: number;
}

/** `registerMs` less the page's first WebSocket constructed at or after `from` (page clock). */
async function fromSocket(target: Frame | Page, registerMs: number, from = 0): Promise<number> {
  const at = await target.evaluate((after) => (window.__wireSockets ?? []).find((t) => t >= after) ?? NaN, from);
  return registerMs - at;
}

export interface CompareReport {
  rounds: number;
  idleSeconds: number;
  dialtone: SideSample[];
  floor: SideSample[];
  loadAverage: { start: number[]; end: number[] };
  eagerGzip: number;
  notes: string[];
}

/** Builds bench/floor into dist/bench-floor with the product's Vite (removed after the run). */
export async function buildFloor(): Promise<void> {
  await build({
    configFile: false,
    root: resolve('bench/floor'),
    base: './',
    logLevel: 'warn',
    build: { outDir: resolve('dist', FLOOR_DIR), emptyOutDir: true, target: 'es2022', sourcemap: false },
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Waits until `target` has fetched nothing for `quietMs` (at most `maxMs`): Dialtone fetches and
 * compiles its post-REGISTER parts (desks, call parts, the agent's components, the history) in the
 * seconds after the login, and that one-off work is not idle. The floor gets the same wait.
 */
export async function untilNetworkQuiet(target: Frame | Page, quietMs = 2000, maxMs = 15_000): Promise<void> {
  const count = () => target.evaluate(() => performance.getEntriesByType('resource').length);
  const end = Date.now() + maxMs;
  let last = await count();
  let since = Date.now();
  while (Date.now() < end && Date.now() - since < quietMs) {
    await sleep(200);
    const now = await count();
    if (now !== last) [last, since] = [now, Date.now()];
  }
}

/** What {@link idleOver} reads of a renderer over its window, per second (garbage per minute). */
export interface IdleReading {
  /** Main-thread task time (wall clock: a task waiting for a core counts), CDP `TaskDuration`. */
  taskMsPerS: number;
  /** Main-thread CPU time, CDP `ThreadTime`: what a busy machine inflates least. */
  threadCpuMsPerS: number;
  /** The whole renderer process's CPU time (workers, compositor, IO threads too), CDP `ProcessTime`. */
  processCpuMsPerS: number;
  garbageKbPerMin: number;
}

/**
 * Task time, CPU time and garbage of the target's renderer over `seconds`. For Dialtone the target
 * is the adapter frame, which runs out of process (the console and the adapter are different
 * sites, as Salesforce's console and a Neotel host are): the console's own work is not counted.
 */
export async function idleOver(session: CDPSession, seconds: number): Promise<IdleReading> {
  await session.send('Performance.enable');
  await session.send('HeapProfiler.enable');
  const metrics = async () => new Map((await session.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const before = await metrics();
  await session.send('HeapProfiler.startSampling', { samplingInterval: 256, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  await sleep(seconds * 1000);
  const { profile } = await session.send('HeapProfiler.stopSampling');
  const after = await metrics();
  let bytes = 0;
  const nodes = [profile.head];
  for (let node = nodes.pop(); node; node = nodes.pop()) {
    bytes += node.selfSize;
    nodes.push(...node.children);
  }
  // Seconds in CDP; NaN when this Chromium does not report the metric.
  const perSecond = (name: string) => (((after.get(name) ?? NaN) - (before.get(name) ?? NaN)) * 1000) / seconds;
  return { taskMsPerS: perSecond('TaskDuration'), threadCpuMsPerS: perSecond('ThreadTime'), processCpuMsPerS: perSecond('ProcessTime'), garbageKbPerMin: bytes / 1024 / (seconds / 60) };
}

/** Gzip -9 of the scripts `target` fetched from dist/ before `beforeMs` (its clock). */
async function scriptsBefore(target: Frame | Page, beforeMs: number): Promise<number> {
  const urls = await target.evaluate((limit) => (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => e.name.endsWith('.js') && e.responseEnd <= limit).map((e) => e.name), beforeMs);
  let total = 0;
  for (const url of urls) {
    const path = new URL(url).pathname.replace(/^\/softphone\//, '');
    try {
      total += gzipSync(readFileSync(join('dist', path)), { level: 9 }).length;
    } catch {
      // Not one of ours (the console's opencti_min.js is loaded by the console page, not here).
    }
  }
  return total;
}

/** Polls `probe` every 50 ms until it gives a value (at most `timeoutMs`). */
export async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const value = await probe();
    if (value !== undefined) return value;
    await sleep(50);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

async function logout(neoApiUrl: string, user: string): Promise<void> {
  await fetch(`${neoApiUrl}/Logout?USUARIO=${user}`).catch(() => undefined);
}

async function dialtoneRound(rig: AgentConsole, idleSeconds: number): Promise<SideSample> {
  const { page, adapter } = await rig.openTab({ audioProbe: false });
  try {
    await untilStatus(adapter, ['ready'], 20_000);
    const wire = await wireOf(adapter);
    const registerMs = registeredAt(wire) ?? NaN;
    const readyMs = await adapter.evaluate(() => performance.getEntriesByName('dialtone:ready')[0]?.startTime ?? NaN);
    const submittedMs = await adapter.evaluate(() => performance.getEntriesByName('bench:login-submitted')[0]?.startTime ?? NaN);
    const phoneStartToRegisterMs = registerMs - submittedMs;
    const socketToRegisterMs = await fromSocket(adapter, registerMs, submittedMs);
    const jsToRegisteredGzip = await scriptsBefore(adapter, registerMs);
    await untilNetworkQuiet(adapter);
    const session = await rig.context.newCDPSession(adapter);
    const idle = await idleOver(session, idleSeconds);
    await adapter.getByTestId('dial-input').fill(DIALLED);
    const clickedAt = await adapter.evaluate(() => {
      const roots: (Document | ShadowRoot)[] = [document];
      for (let root = roots.pop(); root; root = roots.pop()) {
        const button = root.querySelector<HTMLButtonElement>('[data-testid="dial-button"]');
        if (button) {
          const at = performance.now();
          button.click();
          return at;
        }
        for (const element of root.querySelectorAll('*')) if (element.shadowRoot) roots.push(element.shadowRoot);
      }
      return NaN;
    });
    const spans = await until('the ACK of the dialled platform leg', async () => dialSpans(await wireOf(adapter), clickedAt));
    await untilStatus(adapter, ['dialing', 'inCall']);
    await adapter.getByTestId('hang-up').click();
    await playAfterCall(adapter);
    await session.detach().catch(() => undefined);
    return { registerMs, readyMs, jsToRegisteredGzip, idleTaskMsPerS: idle.taskMsPerS, idleThreadCpuMsPerS: idle.threadCpuMsPerS, idleProcessCpuMsPerS: idle.processCpuMsPerS, garbageKbPerMin: idle.garbageKbPerMin, dialToAckMs: spans.toAck, inviteToOkMs: spans.inviteToOk, extra180: spans.extra180, phoneStartToRegisterMs, socketToRegisterMs };
  } finally {
    await page.close();
  }
}

async function floorRound(rig: AgentConsole, url: string, idleSeconds: number): Promise<SideSample> {
  const page = await rig.context.newPage();
  try {
    await page.goto(url);
    await page.locator('#state', { hasText: 'ready' }).waitFor({ timeout: 20_000 });
    const registerMs = registeredAt(await wireOf(page)) ?? NaN;
    const socketToRegisterMs = await fromSocket(page, registerMs);
    const jsToRegisteredGzip = await scriptsBefore(page, registerMs);
    await untilNetworkQuiet(page);
    const session = await rig.context.newCDPSession(page);
    const idle = await idleOver(session, idleSeconds);
    const clickedAt = await page.evaluate((number) => {
      const at = performance.now();
      void window.floorDial(number);
      return at;
    }, DIALLED);
    const spans = await until('the ACK of the dialled platform leg', async () => dialSpans(await wireOf(page), clickedAt));
    await page.evaluate(() => window.floorHangUp());
    await session.detach().catch(() => undefined);
    return { registerMs, readyMs: NaN, jsToRegisteredGzip, idleTaskMsPerS: idle.taskMsPerS, idleThreadCpuMsPerS: idle.threadCpuMsPerS, idleProcessCpuMsPerS: idle.processCpuMsPerS, garbageKbPerMin: idle.garbageKbPerMin, dialToAckMs: spans.toAck, inviteToOkMs: spans.inviteToOk, extra180: spans.extra180, phoneStartToRegisterMs: socketToRegisterMs, socketToRegisterMs };
  } finally {
    await page.close();
  }
}

/** Runs `rounds` interleaved rounds (bounded by `maxSeconds` too). */
export async function measureCompare(rounds = 5, idleSeconds = 10, maxSeconds = 420): Promise<CompareReport> {
  await buildFloor();
  const start = loadavg();
  const rig = await AgentConsole.start();
  const notes: string[] = [];
  const dialtone: SideSample[] = [];
  const floor: SideSample[] = [];
  const deadline = Date.now() + maxSeconds * 1000;
  try {
    await rig.neotel.setDialer(false);
    await rig.neotel.setNumber({ number: DIALLED, neverAnswer: true });
    const dialtoneAgent = rig.agent(0);
    const floorAgent = rig.agent(1);
    // BENCH_LOGIN_DELAY_MS: Dialtone's login that long after the form (a person's typing; sip.js is in by then).
    await rig.context.addInitScript({ content: `globalThis.__name ??= (target) => target;\n${WIRE_SCRIPT}\n${autoLoginScript(dialtoneAgent, loginDelayMs())}` });
    const served = rig.neotelServer;
    const query = new URLSearchParams({ ws: served.sipUrl, domain: new URL(served.url).hostname, user: floorAgent.user, sipPassword: floorAgent.devicePassword, neoApi: served.neoApiUrl, password: floorAgent.password });
    const floorUrl = `${served.url}/softphone/${FLOOR_DIR}/index.html?${query.toString()}`;
    for (let i = 0; i < rounds; i++) {
      if (Date.now() > deadline) {
        notes.push(`time cap of ${maxSeconds} s reached after ${i} of ${rounds} rounds`);
        break;
      }
      const runDialtone = async () => {
        dialtone.push(await dialtoneRound(rig, idleSeconds));
        await logout(served.neoApiUrl, dialtoneAgent.user);
      };
      const runFloor = async () => {
        floor.push(await floorRound(rig, floorUrl, idleSeconds));
        await logout(served.neoApiUrl, floorAgent.user);
      };
      for (const side of i % 2 === 0 ? [runDialtone, runFloor] : [runFloor, runDialtone]) await side();
      await sleep(500);
    }
  } catch (error) {
    notes.push(`stopped by an error after ${Math.min(dialtone.length, floor.length)} rounds: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await rig.close();
    rmSync(join('dist', FLOOR_DIR), { recursive: true, force: true });
  }
  const { measureBundle } = await import('./bundle-size.ts');
  return { rounds: Math.min(dialtone.length, floor.length), idleSeconds, dialtone, floor, loadAverage: { start, end: loadavg() }, eagerGzip: measureBundle().eagerGzip, notes };
}

/** `BENCH_LOGIN_DELAY_MS` (0 to 10000, default 0). */
function loginDelayMs(): number {
  const delay = Number(process.env.BENCH_LOGIN_DELAY_MS ?? 0);
  if (!Number.isInteger(delay) || delay < 0 || delay > 10_000) throw new Error(`BENCH_LOGIN_DELAY_MS is ${process.env.BENCH_LOGIN_DELAY_MS}; expected whole milliseconds from 0 to 10000`);
  return delay;
}

const median = (values: number[]) => percentile(values.filter((v) => Number.isFinite(v)), 0.5);
const kb = (bytes: number) => bytes / 1024;

/** The issue's table (Dialtone / floor) and the budgets, as markdown. */
export function compareTable(report: CompareReport): string {
  const row = (name: string, pick: (s: SideSample) => number, unit: string, digits: number, budget: string) => {
    const d = median(report.dialtone.map(pick));
    const f = median(report.floor.map(pick));
    return `| ${name} | ${f.toFixed(digits)} ${unit} | ${d.toFixed(digits)} ${unit} | ${f > 0 ? `${(d / f).toFixed(1)}×` : "—"} | ${budget} |`;
  };
  const b = COMPARE_BUDGETS;
  const ready = median(report.dialtone.map((s) => s.readyMs));
  const lines = [
    '| | floor | Dialtone | ratio | budget |',
    '|---|---|---|---|---|',
    row('page load → REGISTER 200', (s) => s.registerMs, 'ms', 0, `≤ ${b.registerRatio}×`),
    row('dial → ACK (call established)', (s) => s.dialToAckMs, 'ms', 0, `≤ ${b.dialRatio}×`),
    row('INVITE in → 200 OK out (auto-answer)', (s) => s.inviteToOkMs, 'ms', 0, `≤ ${b.answerRatio}×`),
    row('idle main-thread task time', (s) => s.idleTaskMsPerS, 'ms/s', 2, `≤ ${b.idleRatio}×`),
    row('  the same, main-thread CPU time', (s) => s.idleThreadCpuMsPerS, 'ms/s', 2, '(less load-sensitive)'),
    row('  the same, renderer process CPU (all threads)', (s) => s.idleProcessCpuMsPerS, 'ms/s', 2, '(workers included)'),
    row('garbage created while idle', (s) => s.garbageKbPerMin, 'KB/min', 0, `≤ ${b.garbageKbPerMin} KB/min`),
    row('JS up to a registered phone (gzip)', (s) => kb(s.jsToRegisteredGzip), 'KB', 1, `≤ ${b.registeredKb} KB`),
    `| eager adapter JS (gzip) | — | ${kb(report.eagerGzip).toFixed(1)} KB | — | ≤ ${b.eagerKb} KB |`,
    `| iframe load → ready | — | ${ready.toFixed(0)} ms | — | ≤ ${b.readyMs} ms median |`,
    row('phone start → REGISTER 200 (login submitted / sip.js start)', (s) => s.phoneStartToRegisterMs, 'ms', 0, 'none (like for like)'),
    row('SIP WebSocket constructed → REGISTER 200', (s) => s.socketToRegisterMs, 'ms', 0, 'none (like for like)'),
  ];
  return lines.join('\n');
}

export function printCompareReport(report: CompareReport): void {
  const la = (v: number[]) => v.map((x) => x.toFixed(2)).join(' ');
  console.log(`Dialtone / floor, ${report.rounds} interleaved rounds (medians), idle window ${report.idleSeconds} s; load average ${la(report.loadAverage.start)} at start, ${la(report.loadAverage.end)} at end:`);
  console.log(compareTable(report));
  const extra = report.dialtone.filter((s) => s.extra180).length;
  console.log(`  Dialtone rounds with a second 180 Ringing on the auto-answered leg: ${extra} of ${report.dialtone.length}`);
  // Round by round: a median hides a run where some rounds differ (docs/benchmarks.md, "Re-run on an idle machine after the thirteenth pass").
  const each = (side: SideSample[], pick: (s: SideSample) => number, digits = 0) => side.map((s) => pick(s).toFixed(digits)).join(', ');
  console.log(`  per round, Dialtone: JS before REGISTER 200 ${each(report.dialtone, (s) => kb(s.jsToRegisteredGzip), 1)} KB`);
  console.log(`    idle ${each(report.dialtone, (s) => s.idleTaskMsPerS, 2)} ms/s; garbage ${each(report.dialtone, (s) => s.garbageKbPerMin)} KB/min`);
  console.log(`    load → REGISTER 200 ${each(report.dialtone, (s) => s.registerMs)} ms; dial → ACK ${each(report.dialtone, (s) => s.dialToAckMs)} ms (floor ${each(report.floor, (s) => s.dialToAckMs)})`);
  if (loginDelayMs() > 0) console.log(`  Dialtone's login submitted ${loginDelayMs()} ms after the form (BENCH_LOGIN_DELAY_MS): page load → REGISTER 200 includes that wait`);
  for (const note of report.notes) console.log(`  note: ${note}`);
}
