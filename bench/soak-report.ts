/**
 * The call soak's report (bench/call-soak.ts), in the style of the other `npm run bench` sections:
 * Dialtone's heap beside the floor's over the same calls, against the budgets of
 * docs/architecture.md, the settled curve, the censuses and, with snapshots, the V8 heap by kind
 * (JIT tier, bytecode, feedback, data: bench/heap-kinds.ts) and the JIT code per script at each
 * checkpoint.
 */
import { verdict } from './stats.ts';
import type { FrameCensus } from './agent-bench.ts';
import { codeByScript, diffSnapshots, newCodeByFunction } from './heap-snapshot.ts';
import { kindTable } from './heap-kinds.ts';
import { SOAK_BUDGET_BYTES, SOAK_BUDGET_CALLS, type HeapPoint, type SideReport, type SoakReport } from './call-soak.ts';

/**
 * docs/architecture.md: the growth past the warm-up, from call 50 to call 500, with the per-call
 * allowance of ../shared/DESIGN.md's +1 MB over the 499 calls after the first (~2.05 KB a call):
 * ~0.90 MB over 450 calls. Only the baseline moves, past the one-off JIT warm-up.
 */
export const LATE_FROM_CALL = 50;
export const LATE_BUDGET_BYTES = (SOAK_BUDGET_BYTES * (SOAK_BUDGET_CALLS - LATE_FROM_CALL)) / (SOAK_BUDGET_CALLS - 1);

const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(2)} MB`;
const signed = (bytes: number) => `${bytes >= 0 ? '+' : ''}${mb(bytes)}`;

function slope(points: readonly HeapPoint[]): number {
  if (points.length < 2) return NaN;
  const mx = points.reduce((s, p) => s + p.call, 0) / points.length;
  const my = points.reduce((s, p) => s + p.usedBytes, 0) / points.length;
  const num = points.reduce((s, p) => s + (p.call - mx) * (p.usedBytes - my), 0);
  const den = points.reduce((s, p) => s + (p.call - mx) ** 2, 0);
  return den === 0 ? NaN : num / den;
}

/** The numbers the budgets are about, for one side. */
export interface SideGrowth {
  /** Settled last − settled after call 1 (the original budget's definition). */
  fromFirst: number;
  /** Settled last − settled after call 50 (past the warm-up), NaN before call 50. */
  fromLate: number;
  /** Blink's heap, settled last − first (not budgeted). */
  embedder: number;
  /** Late slope over the unsettled readings of the second half, bytes per call. */
  slope: number;
}

export function growthOf(side: SideReport, completed: number): SideGrowth {
  const first = side.settled.find((p) => p.call === 1);
  const late = side.settled.find((p) => p.call === LATE_FROM_CALL);
  const last = side.settled.at(-1);
  const diff = (a: HeapPoint | undefined, b: HeapPoint | undefined, pick: (p: HeapPoint) => number) => (a && b && b !== a ? pick(b) - pick(a) : NaN);
  return {
    fromFirst: diff(first, last, (p) => p.usedBytes),
    fromLate: diff(late, last, (p) => p.usedBytes),
    embedder: diff(first, last, (p) => p.embedderBytes),
    slope: slope(side.points.filter((p) => p.call >= completed / 2)),
  };
}

const scriptName = (script: string) => script.replace(/-[\w-]{8}\.js$/, '.js');

function printCensuses(side: SideReport): void {
  const row = (c: FrameCensus) =>
    `${c.domNodes} elements, ${c.audioElements} <audio>, peer connections ${c.peerConnectionsCreated} created / ${c.peerConnectionsReachable} reachable / ${c.peerConnectionsOpen} open, ${c.jsEventListeners} JS listeners`;
  const first = side.censuses[0];
  const last = side.censuses.at(-1);
  if (first) console.log(`    after call ${first.call}: ${row(first.census)}`);
  if (last && last !== first) console.log(`    after call ${last.call}, settled: ${row(last.census)}`);
  const trees = [...new Set(side.censuses.flatMap((c) => Object.keys(c.census.byTree)))].sort();
  console.log(`    elements per tree after calls ${side.censuses.map((c) => c.call).join(', ')}; listeners ${side.censuses.map((c) => c.census.jsEventListeners).join(', ')}:`);
  for (const tree of trees) {
    const counts = side.censuses.map((c) => c.census.byTree[tree] ?? 0);
    console.log(`      ${tree}: ${counts.join(', ')}${counts.some((n) => n !== counts[0]) ? '  <- changed' : ''}`);
  }
}

/** JIT code per script at each checkpoint: warm-up flattens, a leak keeps climbing. */
function printCodeCurve(name: string, side: SideReport): void {
  if (side.snapshots.length === 0) return;
  const per = side.snapshots.map((s) => ({ call: s.call, ...codeByScript(s.file) }));
  const scripts = new Map<string, number[]>();
  per.forEach((p, at) => {
    for (const [script, bytes] of p.byScript) {
      const key = scriptName(script);
      const row = scripts.get(key) ?? per.map(() => 0);
      row[at] = (row[at] ?? 0) + bytes;
      scripts.set(key, row);
    }
  });
  const kb = (bytes: number) => (bytes / 1024).toFixed(0);
  // The whole V8 heap by kind: which JIT tier grew, and whether data did (bench/heap-kinds.ts).
  console.log(`  ${name}: V8 heap (KB) by kind, settled, ${kindTable(side.snapshots, LATE_FROM_CALL).join('\n    ')}`);
  console.log(`  ${name}: V8 code (KB) per script, settled after calls ${per.map((p) => p.call).join(', ')}:`);
  console.log(`    all: ${per.map((p) => kb(p.total)).join(', ')}`);
  for (const [script, row] of [...scripts].sort((a, b) => (b[1].at(-1) ?? 0) - (a[1].at(-1) ?? 0)).slice(0, 14)) console.log(`    ${script}: ${row.map(kb).join(', ')}`);
  const [first, late, last] = [side.snapshots[0], side.snapshots.find((s) => s.call === LATE_FROM_CALL), side.snapshots.at(-1)];
  if (first && last && last !== first) {
    console.log(`  ${name}: heap snapshot diff ${first.file} → ${last.file}:`);
    for (const line of diffSnapshots(first.file, last.file, 20)) console.log(`    ${line}`);
  }
  // Which functions V8 compiled during the warm-up, and which only later.
  for (const [from, to] of [[first, late], [late, last]] as const) {
    if (!from || !to || from === to) continue;
    console.log(`  ${name}: code compiled between call ${from.call} and call ${to.call}, by function (source maps of dist/assets):`);
    for (const line of newCodeByFunction(from.file, to.file)) console.log(`    ${line}`);
  }
}

export function printSoakReport(report: SoakReport): void {
  const la = (v: number[]) => v.map((x) => x.toFixed(2)).join(' ');
  console.log(`JS heap over ${report.completed} calls on each side, Dialtone and the floor interleaved (${report.requested} asked, ${report.seconds.toFixed(0)} s; load average ${la(report.loadAverage.start)} at start, ${la(report.loadAverage.end)} at end):`);
  console.log(`  heaps: Dialtone = ${report.dialtone.heapScope}; floor = ${report.floor.heapScope}; V8 heap after two forced GCs, settled ${report.settleSeconds} s at each checkpoint`);
  const d = growthOf(report.dialtone, report.completed);
  const f = growthOf(report.floor, report.completed);
  const ratio = (a: number, b: number) => (Number.isFinite(a / b) && b > 0 ? `${(a / b).toFixed(1)}×` : '—');
  const scaled = report.completed < SOAK_BUDGET_CALLS;
  const scaledBudget = (SOAK_BUDGET_BYTES * Math.max(0, report.completed - 1)) / (SOAK_BUDGET_CALLS - 1);
  console.log(`  settled after call 1 → after call ${report.completed}: Dialtone ${signed(d.fromFirst)}, floor ${signed(f.fromFirst)} (${ratio(d.fromFirst, f.fromFirst)})`);
  console.log(`    ${verdict(d.fromFirst, scaledBudget)} the ${scaled ? `${mb(scaledBudget)} budget (1 MB for 500 calls scaled to ${report.completed - 1})` : `${mb(SOAK_BUDGET_BYTES)} budget`} (charges V8's one-off warm-up as growth)`);
  if (Number.isFinite(d.fromLate)) {
    const lateBudget = (LATE_BUDGET_BYTES * (report.completed - LATE_FROM_CALL)) / (SOAK_BUDGET_CALLS - LATE_FROM_CALL);
    console.log(`  settled after call ${LATE_FROM_CALL} → after call ${report.completed}: Dialtone ${signed(d.fromLate)}, floor ${signed(f.fromLate)} (${ratio(d.fromLate, f.fromLate)})`);
    console.log(`    ${verdict(d.fromLate, lateBudget)} the ${mb(lateBudget)} budget${report.completed < SOAK_BUDGET_CALLS ? ` (${mb(LATE_BUDGET_BYTES)} for calls 50 → 500, scaled)` : ''}`);
  }
  console.log(`  late slope (unsettled, second half): Dialtone ${(d.slope / 1024).toFixed(2)} KB/call, floor ${(f.slope / 1024).toFixed(2)} KB/call`);
  for (const [name, side] of [['Dialtone', report.dialtone], ['floor', report.floor]] as const) {
    console.log(`  ${name} settled (call:V8 heap): ${side.settled.map((p) => `${p.call}:${mb(p.usedBytes)}`).join(', ')}`);
    console.log(`  ${name} unsettled (call:V8 heap): ${side.points.map((p) => `${p.call}:${mb(p.usedBytes)}`).join(', ')}`);
    console.log(`  ${name} Blink heap (not budgeted), settled: ${side.settled.map((p) => mb(p.embedderBytes)).join(', ')}`);
    console.log(`  ${name} calls with inbound audio packets after ~300 ms: ${side.callsWithAudio}/${report.completed}${name === 'Dialtone' ? `; clicks that did nothing and were repeated: Answer ${side.missedClicks.answer} (the frame had moved for ${side.missedAnswerPlaces.frameMoved}, the console had something else on top for ${side.missedAnswerPlaces.covered}), Play ${side.missedClicks.play}` : ''}`);
    for (const [n, context] of side.missedAnswers.entries()) console.log(`    repeated Answer press ${n + 1}, the simulator's lines and SIP frames before it (s since the start):\n      ${context.replaceAll('\n', '\n      ')}`);
    printCensuses(side);
  }
  printCodeCurve('Dialtone', report.dialtone);
  printCodeCurve('floor', report.floor);
  if (report.stoppedEarly) console.log(`  note: ${report.stoppedEarly}`);
}
