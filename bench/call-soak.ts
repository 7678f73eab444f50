/**
 * Budget: JS heap after 500 calls in one page vs after the first call ≤ +1 MB.
 *
 * One console page, many calls: each an inbound queue call, answered, ~300 ms of audio, the
 * customer hangs up, Play. The heap is read after two forced full GCs through CDP
 * (`HeapProfiler.collectGarbage`, the same collection `gc()` under `--expose-gc` runs; the shared
 * console launcher takes no extra Chromium flags) as `Runtime.getHeapUsage().usedSize`, which is
 * exact where `performance.memory` is bucketed without `--enable-precise-memory-info`. It is read
 * after the 1st call, every 25 calls, and after the last; the slope is a least-squares fit over
 * those points. Bounded by a call count (`BENCH_CALLS`, default 200, at most 500) and a time cap
 * (`BENCH_SOAK_SECONDS`, default 300); the report says how many calls ran and scales the budget
 * to them. At the end it counts DOM nodes, `<audio>` elements and peer connections left in the
 * adapter frame, where leaks show first.
 *
 * The budgeted delta compares two *settled* readings: after call 1 and after the last call the
 * page sits idle `BENCH_SOAK_SETTLE_SECONDS` (default 35) first. sip.js keeps each finished call's
 * transactions for 64×T1 = 32 s (RFC 3261 timers), and with them the Session, its delegate and its
 * MediaStreams: right after a fast run that is ~40 calls' worth (~0.25 MB measured with heap
 * snapshots), released by itself. Reading without the pause would count that window as growth.
 */
import type { Frame } from 'playwright-core';
import { verdict } from './stats.ts';
import { censusOf, heapAfterGc, type HeapReading, heapSession, playAfterCall, startBenchAgent, type FrameCensus } from './agent-bench.ts';
import { untilStatus } from '../e2e/agent/support/agent-steps.ts';
import { diffSnapshots, takeSnapshot } from './heap-snapshot.ts';

/** ../shared/DESIGN.md, "Budgets": +1 MB of heap over 500 calls. */
export const SOAK_BUDGET_BYTES = 1 * 1024 * 1024;
export const SOAK_BUDGET_CALLS = 500;
const DEFAULT_CALLS = 200;
const DEFAULT_SECONDS = 300;
const DEFAULT_SETTLE_SECONDS = 35;
const SAMPLE_EVERY = 25;
/** Element census (by tree) after call 1 and every this many calls, to tell a capped list from a leak. */
const CENSUS_EVERY = 20;
const AUDIO_MS = 300;
/** With `BENCH_SOAK_SNAPSHOTS=<dir>`: heap snapshots settled after call 1, after these calls (unsettled) and settled at the end. */
const SNAPSHOT_AT = [50, 100];

/** Heap in use after a forced GC, after call number `call`. */
export interface HeapPoint extends HeapReading {
  call: number;
}

/** Heap points, their delta and slope, and what the frame holds after call 1 and at the end. */
export interface SoakReport {
  requested: number;
  completed: number;
  /** What the CDP heap reading covers (the frame alone or the page it shares a process with). */
  heapScope: string;
  /** Readings right after calls 1, 25, 50, … and the last (no settling). */
  points: HeapPoint[];
  settleSeconds: number;
  /** Settled reading after call 1. */
  settledFirst: HeapReading;
  /** Settled reading after the last call. */
  settledLast: HeapReading;
  /** Settled last minus settled first, V8 heap: what the budget is about. */
  deltaBytes: number;
  /** The same for Blink's heap (reported, not budgeted). */
  embedderDeltaBytes: number;
  /** Least-squares slope over the points of the second half of the run (past warm-up), bytes per call. */
  slopeBytesPerCall: number;
  /** The 1 MB budget scaled to the calls after the first that ran. */
  scaledBudgetBytes: number;
  /** Calls whose peer connection had received audio packets after ~300 ms. */
  callsWithAudio: number;
  afterFirst: FrameCensus;
  atEnd: FrameCensus;
  /** Unsettled censuses after call 1 and every `CENSUS_EVERY` calls (after a forced GC). */
  censuses: { call: number; census: FrameCensus }[];
  seconds: number;
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

function soakSecondsFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.BENCH_SOAK_SECONDS;
  if (raw === undefined || raw === '') return DEFAULT_SECONDS;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 1800) throw new Error(`BENCH_SOAK_SECONDS is ${JSON.stringify(raw)}; expected seconds from 1 to 1800`);
  return seconds;
}

/** Inbound audio packets of the adapter's open peer connection (0 when there is none). */
function packetsReceived(frame: Frame): Promise<number> {
  return frame.evaluate(async () => {
    const peer = (window.__dialtoneBench?.peers ?? []).map((ref) => ref.deref()).find((p) => p !== undefined && p.signalingState !== 'closed');
    if (!peer) return 0;
    let packets = 0;
    (await peer.getStats()).forEach((stat: { type?: string; kind?: string; packetsReceived?: number }) => {
      if (stat.type === 'inbound-rtp' && stat.kind === 'audio') packets += stat.packetsReceived ?? 0;
    });
    return packets;
  });
}

function settleSecondsFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.BENCH_SOAK_SETTLE_SECONDS;
  if (raw === undefined || raw === '') return DEFAULT_SETTLE_SECONDS;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds < 0 || seconds > 120) throw new Error(`BENCH_SOAK_SETTLE_SECONDS is ${JSON.stringify(raw)}; expected seconds from 0 to 120`);
  return seconds;
}

function slope(points: readonly HeapPoint[]): number {
  if (points.length < 2) return NaN;
  const mx = points.reduce((s, p) => s + p.call, 0) / points.length;
  const my = points.reduce((s, p) => s + p.usedBytes, 0) / points.length;
  const num = points.reduce((s, p) => s + (p.call - mx) * (p.usedBytes - my), 0);
  const den = points.reduce((s, p) => s + (p.call - mx) ** 2, 0);
  return den === 0 ? NaN : num / den;
}

/** Runs up to `calls` calls in one page (or until the time cap) and reads the heap along the way. */
export async function measureSoak(calls = DEFAULT_CALLS, maxSeconds = soakSecondsFromEnv(), settleSeconds = settleSecondsFromEnv()): Promise<SoakReport> {
  const agent = await startBenchAgent();
  const started = Date.now();
  const points: HeapPoint[] = [];
  let completed = 0;
  let callsWithAudio = 0;
  let afterFirst: FrameCensus | undefined;
  const unread: HeapReading = { usedBytes: NaN, embedderBytes: NaN };
  let settledFirst = unread;
  let settledLast = unread;
  const settle = () => new Promise((resolve) => setTimeout(resolve, settleSeconds * 1000));
  let atEnd: FrameCensus | undefined;
  const censuses: { call: number; census: FrameCensus }[] = [];
  let stoppedEarly: string | undefined;
  const queue = agent.rig.scenario.queues[0];
  if (!queue) throw new Error('The default Neotel scenario has no queue to place inbound calls into (scenario.queues is empty)');
  const { session, scope } = await heapSession(agent);
  let deadline = Infinity;
  const snapshotDir = process.env.BENCH_SOAK_SNAPSHOTS;
  const snapshots: string[] = [];
  const snapshot = async (name: string) => {
    if (!snapshotDir) return;
    const file = `${snapshotDir}/soak-${name}.heapsnapshot`;
    await takeSnapshot(session, file);
    snapshots.push(file);
  };
  try {
    for (let i = 1; i <= calls; i++) {
      if (Date.now() > deadline) {
        stoppedEarly = `time cap of ${maxSeconds} s reached after ${completed} of ${calls} calls`;
        break;
      }
      const { callId } = await agent.rig.neotel.placeInbound({ number: `11444${String(10000 + i)}`, queue: queue.id, toneHz: 1000 });
      await untilStatus(agent.adapter, ['ringing']);
      await agent.adapter.getByTestId('answer').click();
      await untilStatus(agent.adapter, ['inCall']);
      await new Promise((resolve) => setTimeout(resolve, AUDIO_MS));
      if ((await packetsReceived(agent.adapter)) > 0) callsWithAudio += 1;
      await agent.rig.neotel.hangup(callId);
      await playAfterCall(agent.adapter);
      completed = i;
      if (i === 1 || i % SAMPLE_EVERY === 0) points.push({ call: i, ...(await heapAfterGc(session)) });
      if (i === 1 || i % CENSUS_EVERY === 0) {
        await heapAfterGc(session);
        censuses.push({ call: i, census: await censusOf(agent.adapter, session) });
      }
      if (SNAPSHOT_AT.includes(i)) await snapshot(`call-${i}`);
      if (i === 1) {
        await settle();
        settledFirst = await heapAfterGc(session);
        afterFirst = await censusOf(agent.adapter, session);
        await snapshot('call-1-settled');
        // The cap is for the calls; the first call's settling does not count against it.
        deadline = Date.now() + maxSeconds * 1000;
      }
    }
    if (points.at(-1)?.call !== completed && completed > 0) points.push({ call: completed, ...(await heapAfterGc(session)) });
    await settle();
    settledLast = await heapAfterGc(session);
    atEnd = await censusOf(agent.adapter, session);
    await snapshot(`call-${completed}-settled`);
  } catch (error) {
    stoppedEarly = `stopped by an error after ${completed} calls: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    await agent.close();
  }
  // Each later snapshot against the first (settled after call 1): what is new and still alive.
  for (const file of snapshots.slice(1)) {
    console.log(`heap snapshot diff ${snapshots[0]} → ${file}:`);
    for (const line of diffSnapshots(snapshots[0] ?? '', file)) console.log(`  ${line}`);
  }
  const empty: FrameCensus = { domNodes: NaN, audioElements: NaN, peerConnectionsCreated: NaN, peerConnectionsReachable: NaN, peerConnectionsOpen: NaN, jsEventListeners: NaN, byTree: {} };
  return {
    requested: calls,
    completed,
    heapScope: scope,
    points,
    settleSeconds,
    settledFirst,
    settledLast,
    deltaBytes: settledLast.usedBytes - settledFirst.usedBytes,
    embedderDeltaBytes: settledLast.embedderBytes - settledFirst.embedderBytes,
    slopeBytesPerCall: slope(points.filter((p) => p.call >= completed / 2)),
    scaledBudgetBytes: (SOAK_BUDGET_BYTES * Math.max(0, completed - 1)) / (SOAK_BUDGET_CALLS - 1),
    callsWithAudio,
    afterFirst: afterFirst ?? empty,
    atEnd: atEnd ?? empty,
    censuses,
    seconds: (Date.now() - started) / 1000,
    ...(stoppedEarly ? { stoppedEarly } : {}),
  };
}

const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(2)} MB`;

/** Prints the report in the style of the other `npm run bench` sections. */
export function printSoakReport(report: SoakReport): void {
  const scaled = report.completed < SOAK_BUDGET_CALLS;
  console.log(`JS heap over ${report.completed} calls in one page (${report.requested} asked, ${report.seconds.toFixed(0)} s; heap of ${report.heapScope}, after forced GC):`);
  const signed = (bytes: number) => `${bytes >= 0 ? '+' : ''}${mb(bytes)}`;
  console.log(`  V8 heap, settled ${report.settleSeconds} s: ${mb(report.settledFirst.usedBytes)} after call 1, ${mb(report.settledLast.usedBytes)} after call ${report.completed}: ${signed(report.deltaBytes)}`);
  const budget = scaled ? `${mb(report.scaledBudgetBytes)} budget (the 1 MB for 500 calls scaled to the ${report.completed - 1} calls after the first)` : `${mb(SOAK_BUDGET_BYTES)} budget`;
  console.log(`  ${verdict(report.deltaBytes, report.scaledBudgetBytes)} the ${budget}`);
  if (scaled) {
    // Linear scaling charges the one-off warm-up (JIT code, lazy chunks) as if it recurred; the
    // projection adds only the late slope for the calls that did not run.
    const projected = report.deltaBytes + report.slopeBytesPerCall * (SOAK_BUDGET_CALLS - report.completed);
    console.log(`  projected to 500 calls (delta + late slope × ${SOAK_BUDGET_CALLS - report.completed}): ${signed(projected)} — ${verdict(projected, SOAK_BUDGET_BYTES)} the ${mb(SOAK_BUDGET_BYTES)} budget`);
  }
  console.log(`  late slope (second half of the run): ${(report.slopeBytesPerCall / 1024).toFixed(2)} KB per call`);
  console.log(`  unsettled V8 heap readings (call:heap): ${report.points.map((p) => `${p.call}:${mb(p.usedBytes)}`).join(', ')}`);
  console.log(`  Blink heap (not budgeted), settled: ${mb(report.settledFirst.embedderBytes)} → ${mb(report.settledLast.embedderBytes)}: ${signed(report.embedderDeltaBytes)}`);
  console.log(`  calls with inbound audio packets after ${AUDIO_MS} ms: ${report.callsWithAudio}/${report.completed}`);
  const row = (name: string, c: FrameCensus) =>
    `  ${name}: ${c.domNodes} DOM nodes, ${c.audioElements} <audio>, peer connections ${c.peerConnectionsCreated} created / ${c.peerConnectionsReachable} reachable / ${c.peerConnectionsOpen} open, ${c.jsEventListeners} JS event listeners`;
  console.log(row('settled after call 1', report.afterFirst));
  console.log(row(`settled after call ${report.completed}`, report.atEnd));
  const trees = [...new Set(report.censuses.flatMap((c) => Object.keys(c.census.byTree)))].sort();
  console.log(`  elements per tree (document or shadow host) after calls ${report.censuses.map((c) => c.call).join(', ')}; listeners ${report.censuses.map((c) => c.census.jsEventListeners).join(', ')}:`);
  for (const tree of trees) {
    const counts = report.censuses.map((c) => c.census.byTree[tree] ?? 0);
    console.log(`    ${tree}: ${counts.join(', ')}${counts.some((n) => n !== counts[0]) ? '  <- changed' : ''}`);
  }
  if (report.stoppedEarly) console.log(`  note: ${report.stoppedEarly}`);
}
