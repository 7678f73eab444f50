/**
 * Budget: JS heap after 500 calls in one page vs after the first call ≤ +1 MB (docs/architecture.md
 * also budgets the growth from call 50 to call 500, past V8's warm-up; see docs/benchmarks.md).
 *
 * One console page, many calls: each an inbound queue call, answered with the panel's Answer
 * button, ~300 ms of audio, the customer hangs up, Play. Interleaved with them, in one run against
 * the same Neotel simulator, the floor page (plain sip.js, bench/soak-floor.ts) takes the same
 * calls: Dialtone's call i, then the floor's call i. Both pages are driven without Playwright in
 * their isolates (bench/soak-driver.ts: one small fixed script, CDP evaluations of fixed
 * expressions, mouse input through CDP), so what grows is the page's own.
 *
 * The heap is read after two forced full GCs through CDP (`HeapProfiler.collectGarbage`, the
 * collection `gc()` runs under `--expose-gc`) as `Runtime.getHeapUsage().usedSize`, exact where
 * `performance.memory` is bucketed. Readings: after call 1, every 25 calls and after the last
 * (the late slope is a least-squares fit over those of the second half); and *settled* readings
 * at the checkpoints (calls 1, 50, 100, 200, 300, 400 and the last), each after the pages sat idle
 * `BENCH_SOAK_SETTLE_SECONDS` (default 35): sip.js keeps each finished call's transactions, and
 * with them the Session and its MediaStreams, for 64×T1 = 32 s (RFC 3261 timers), ~40 calls' worth
 * after a fast run, released by itself; a reading without the pause counts that window.
 * Bounded by a call count (`BENCH_CALLS`, default 200, at most 500) and a time cap
 * (`BENCH_SOAK_SECONDS`, default 300); the report says how many calls ran. With
 * `BENCH_SOAK_SNAPSHOTS=<dir>` it writes a heap snapshot of each side at each checkpoint and prints
 * the JIT code per script at each (bench/heap-snapshot.ts), and the diff of the last against the first.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { loadavg } from 'node:os';
import { rmSync } from 'node:fs';
import type { CDPSession } from 'playwright-core';
import { heapAfterGc, type HeapReading, heapSession, startBenchAgent, type FrameCensus } from './agent-bench.ts';
import { buildFloor, FLOOR_DIR } from './floor-compare.ts';
import { takeSnapshot } from './heap-snapshot.ts';
import { explainStall, SoakTrace } from './soak-diagnosis.ts';
import { PRESS_PROBE_SCRIPT, SoakDriver } from './soak-driver.ts';
import { floorAvailable, openFloorSide, type FloorSide } from './soak-floor.ts';

/** ../shared/DESIGN.md, "Budgets": +1 MB of heap over 500 calls. */
export const SOAK_BUDGET_BYTES = 1 * 1024 * 1024;
export const SOAK_BUDGET_CALLS = 500;
const DEFAULT_CALLS = 200;
const DEFAULT_SECONDS = 300;
const DEFAULT_SETTLE_SECONDS = 35;
const SAMPLE_EVERY = 25;
/** Element census (by tree) after call 1 and every this many calls, to tell a capped list from a leak. */
const CENSUS_EVERY = 20;
/** Settled readings (and snapshots) after these calls, and after the last. */
const CHECKPOINTS = [1, 50, 100, 200, 300, 400];
const AUDIO_MS = 300;
/** Repeated Answer presses whose context the report prints. */
const MISSES_EXPLAINED = 3;

/** Heap in use after a forced GC, after call number `call`. */
export interface HeapPoint extends HeapReading {
  call: number;
}

/** One page's readings over the run. */
export interface SideReport {
  /** What the CDP heap reading covers. */
  heapScope: string;
  /** Readings right after calls 1, 25, 50, … and the last (no settling). */
  points: HeapPoint[];
  /** Settled readings at the checkpoints. */
  settled: HeapPoint[];
  /** Calls whose peer connection had received audio packets after ~300 ms. */
  callsWithAudio: number;
  /** Censuses after call 1 and every `CENSUS_EVERY` calls (after a forced GC), and settled at the end. */
  censuses: { call: number; census: FrameCensus }[];
  /** Clicks on Answer and on Play that did nothing and were repeated (the press landed beside it: it had moved since it was found). */
  missedClicks: { answer: number; play: number };
  /** The first few repeated presses on Answer: the status then, and the simulator's lines and SIP frames before it. */
  missedAnswers: string[];
  /** Of the repeated Answer presses: the frame had moved in the console page, the console page had something else on top there. */
  missedAnswerPlaces: { frameMoved: number; covered: number };
  /** Heap snapshot files at the checkpoints (with `BENCH_SOAK_SNAPSHOTS`). */
  snapshots: { call: number; file: string }[];
}

export interface SoakReport {
  requested: number;
  completed: number;
  settleSeconds: number;
  dialtone: SideReport;
  floor: SideReport;
  seconds: number;
  loadAverage: { start: number[]; end: number[] };
  stoppedEarly?: string;
}

/** `BENCH_CALLS` as a call count in 2…500 (default 200). */
export function soakCallsFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.BENCH_CALLS;
  if (raw === undefined || raw === '') return DEFAULT_CALLS;
  const calls = Number(raw);
  if (!Number.isInteger(calls) || calls < 2 || calls > SOAK_BUDGET_CALLS) throw new Error(`BENCH_CALLS is ${JSON.stringify(raw)}; expected a whole number of calls from 2 to ${SOAK_BUDGET_CALLS}`);
  return calls;
}

function secondsFromEnv(name: string, fallback: number, min: number, max: number, env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds < min || seconds > max) throw new Error(`${name} is ${JSON.stringify(raw)}; expected seconds from ${min} to ${max}`);
  return seconds;
}

const emptySide = (heapScope: string): SideReport => ({ heapScope, points: [], settled: [], callsWithAudio: 0, missedClicks: { answer: 0, play: 0 }, missedAnswers: [], missedAnswerPlaces: { frameMoved: 0, covered: 0 }, censuses: [], snapshots: [] });

/** One measured page: its CDP session (heap) and its driver. */
interface Side {
  readonly session: CDPSession;
  readonly driver: SoakDriver;
  readonly report: SideReport;
}

async function read(side: Side, call: number, into: HeapPoint[]): Promise<void> {
  into.push({ call, ...(await heapAfterGc(side.session)) });
}

async function census(side: Side, call: number): Promise<void> {
  await heapAfterGc(side.session);
  side.report.censuses.push({ call, census: await side.driver.census() });
}

/** Runs up to `calls` calls on each side (or until the time cap) and reads both heaps along the way. */
export async function measureSoak(calls = DEFAULT_CALLS): Promise<SoakReport> {
  const maxSeconds = secondsFromEnv('BENCH_SOAK_SECONDS', DEFAULT_SECONDS, 1, 3600);
  const settleSeconds = secondsFromEnv('BENCH_SOAK_SETTLE_SECONDS', DEFAULT_SETTLE_SECONDS, 0, 120);
  const snapshotDir = process.env.BENCH_SOAK_SNAPSHOTS;
  const loadStart = loadavg();
  await buildFloor();
  // The simulator's log and SIP frames, kept in this process, to explain a call that does not ring.
  const trace = new SoakTrace();
  const agent = await startBenchAgent([], { neotelLog: trace.log, sipTrace: trace.sip });
  const started = Date.now();
  let driver: SoakDriver | undefined;
  let completed = 0;
  let stoppedEarly: string | undefined;
  let floorPage: FloorSide | undefined;
  const { session, scope } = await heapSession(agent);
  const dialtoneReport = emptySide(scope);
  let floor: Side | undefined;
  const floorReport = emptySide('the floor page (a browser of its own)');
  const queue = agent.rig.scenario.queues[0];
  try {
    if (!queue) throw new Error('The default Neotel scenario has no queue to place inbound calls into (scenario.queues is empty)');
    // Where the adapter frame's (0, 0) is in the console page at the start; each press re-reads it and says when it moved.
    const pageSession = await agent.rig.context.newCDPSession(agent.page);
    const offset = await agent.page.evaluate(() => {
      const frame = document.querySelector('iframe.openctiSoftPhone');
      if (!frame) throw new Error('the console page has no iframe.openctiSoftPhone');
      const box = frame.getBoundingClientRect();
      return { x: box.left + frame.clientLeft, y: box.top + frame.clientTop };
    });
    driver = new SoakDriver(session, { session: pageSession, offset });
    const dialtone: Side = { session, driver, report: dialtoneReport };
    await driver.install();
    const pressProbe = process.env.BENCH_SOAK_PRESS_PROBE === '1';
    if (pressProbe) await driver.run(PRESS_PROBE_SCRIPT);
    const sides = () => (floor ? [dialtone, floor] : [dialtone]);
    const checkpoint = async (call: number) => {
      if (settleSeconds > 0) await sleep(settleSeconds * 1000);
      for (const [name, side] of [['dialtone', dialtone], ['floor', floor]] as const) {
        if (!side) continue;
        await read(side, call, side.report.settled);
        if (!snapshotDir) continue;
        const file = `${snapshotDir}/soak-${name}-call-${call}.heapsnapshot`;
        await takeSnapshot(side.session, file);
        side.report.snapshots.push({ call, file });
      }
    };
    let deadline = Infinity;
    for (let i = 1; i <= calls; i++) {
      if (Date.now() > deadline) {
        stoppedEarly = `time cap of ${maxSeconds} s reached after ${completed} of ${calls} calls`;
        break;
      }
      const number = `11444${String(10000 + i)}`;
      // Dialtone: Play (the last call's wrap-up ends only now, so the platform offers the call to
      // the one agent whose record was released), the call rings, Answer, audio, the customer hangs up.
      if ((await driver.status()) === 'wrapUp') {
        dialtoneReport.missedClicks.play += await driver.clickUntil('[data-testid="available"]', '[data-testid="status"][data-status="ready"]');
      }
      const inbound = await agent.rig.neotel.placeInbound({ number, queue: queue.id, toneHz: 1000 });
      trace.note(`call ${i}: Dialtone's ${inbound.callId} placed`);
      await driver.until('[data-testid="status"][data-status="ringing"]');
      const missedAnswer = async (attempt: number): Promise<void> => {
        const status = await (driver?.status() ?? '(no driver)');
        const press = driver?.lastPress;
        if (press?.moved) dialtoneReport.missedAnswerPlaces.frameMoved += 1;
        if (press?.covered) dialtoneReport.missedAnswerPlaces.covered += 1;
        trace.note(`call ${i}: Answer press ${attempt} changed nothing within 3 s; status ${status}; the frame ${press?.moved ? 'had moved' : 'was in place'}, ${press?.covered ? `covered there by ${press.covered}` : 'on top there'}`);
        if (pressProbe) trace.note(`call ${i}: events the frame saw: ${(await (driver?.run<string[]>('__soakPresses') ?? [])).join(' | ')}`);
        if (dialtoneReport.missedAnswers.length < MISSES_EXPLAINED) dialtoneReport.missedAnswers.push(trace.recent().slice(-14).join('\n'));
      };
      dialtoneReport.missedClicks.answer += await driver.clickUntil('[data-testid="answer"]', '[data-testid="status"][data-status="inCall"]', 3, 3_000, missedAnswer);
      await sleep(AUDIO_MS);
      if ((await driver.packets()) > 0) dialtoneReport.callsWithAudio += 1;
      await agent.rig.neotel.hangup(inbound.callId);
      await driver.until('[data-testid="status"]:is([data-status="wrapUp"], [data-status="ready"])');
      // The floor: logged in after Dialtone's first call (both free at once, the platform would
      // pick one), then the same call, answered by itself.
      if (floorPage === undefined) {
        floorPage = await openFloorSide(agent.rig, 1);
        floor = { session: floorPage.session, driver: floorPage.driver, report: floorReport };
      } else {
        await floorAvailable(floorPage);
      }
      const floorCall = await agent.rig.neotel.placeInbound({ number, queue: queue.id, toneHz: 1000 });
      trace.note(`call ${i}: the floor's ${floorCall.callId} placed`);
      await floorPage.driver.until('#state[data-state="in call"]');
      await sleep(AUDIO_MS);
      if ((await floorPage.driver.packets()) > 0) floorReport.callsWithAudio += 1;
      await agent.rig.neotel.hangup(floorCall.callId);
      await floorPage.driver.until('#state[data-state="ended"]');
      completed = i;
      for (const side of sides()) {
        if (i === 1 || i % SAMPLE_EVERY === 0 || i === calls) await read(side, i, side.report.points);
        if (i === 1 || i % CENSUS_EVERY === 0) await census(side, i);
      }
      if (CHECKPOINTS.includes(i) || i === calls) await checkpoint(i);
      // The cap is for the calls; the first call's settling does not count against it.
      if (i === 1) deadline = Date.now() + maxSeconds * 1000;
    }
    if (completed < calls && completed > 0) {
      for (const side of sides()) await read(side, completed, side.report.points);
      await checkpoint(completed);
    }
    for (const side of sides()) {
      await heapAfterGc(side.session);
      side.report.censuses.push({ call: completed, census: await side.driver.census() });
    }
  } catch (error) {
    const diagnosis = await explainStall(agent, driver, floorPage?.driver, trace);
    stoppedEarly = `stopped by an error after ${completed} calls (${((Date.now() - started) / 1000).toFixed(0)} s in): ${error instanceof Error ? error.message : String(error)}\n  ${diagnosis}`;
  } finally {
    await floorPage?.close();
    await agent.close();
    rmSync(`dist/${FLOOR_DIR}`, { recursive: true, force: true });
  }
  return {
    requested: calls,
    completed,
    settleSeconds,
    dialtone: dialtoneReport,
    floor: floorReport,
    seconds: (Date.now() - started) / 1000,
    loadAverage: { start: loadStart, end: loadavg() },
    ...(stoppedEarly ? { stoppedEarly } : {}),
  };
}
