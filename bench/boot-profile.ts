/**
 * The two deep views of bench/boot-timeline.ts: a Chromium trace of one load summed per long
 * task of the adapter's main thread, and a CDP CPU profile of the adapter frame from the login
 * to Ready, by self and total time.
 */
import type { TraceEvent } from './trace-summary.ts';

export const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'blink.user_timing', 'v8.execute', 'v8', '__metadata'];

/**
 * The adapter main thread's tasks over 30 ms in a traced load, each with its largest inner events
 * (script evaluation by URL, function calls by name, compile, style, layout), on the frame's clock
 * through the `dialtone:ready` mark.
 */
export function printLongTasks(events: readonly TraceEvent[]): void {
  const threadNames = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threadNames.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  const ready = events.find((e) => e.name === 'dialtone:ready');
  if (!ready) {
    console.log('traced load: no dialtone:ready mark in the trace');
    return;
  }
  const main = events.filter((e) => e.pid === ready.pid && threadNames.get(`${e.pid}:${e.tid}`) === 'CrRendererMain' && e.ph === 'X' && typeof e.dur === 'number');
  const marks = events.filter((e) => e.pid === ready.pid && /^(dialtone|tmp|bench):/.test(e.name) && (e.ph === 'R' || e.ph === 'I' || e.ph === 'n' || e.ph === 'b'));
  const rel = (ts: number) => `${((ts - ready.ts) / 1000).toFixed(0)} ms`;
  console.log('traced load (times relative to dialtone:ready; tracing slows everything):');
  for (const m of marks) console.log(`  mark ${m.name} at ${rel(m.ts)}`);
  const isTask = (e: TraceEvent) => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask';
  for (const task of main.filter((e) => isTask(e) && (e.dur ?? 0) > 30_000)) {
    const end = task.ts + (task.dur ?? 0);
    const inner = main.filter((e) => !isTask(e) && e.ts >= task.ts && e.ts < end);
    const byName = new Map<string, number>();
    for (const e of inner) {
      const data = e.args?.data;
      const key = `${e.name}${data?.functionName ? ` ${data.functionName}` : ''}${data?.url ? ` ${data.url.replace(/^.*\/softphone\//, '')}` : ''}`;
      byName.set(key, (byName.get(key) ?? 0) + (e.dur ?? 0) / 1000);
    }
    const top = [...byName].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, v]) => `${v.toFixed(0)} ${k}`);
    console.log(`  task at ${rel(task.ts)}, ${((task.dur ?? 0) / 1000).toFixed(0)} ms: ${top.join(' | ')}`);
  }
}

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[]; hitCount?: number }

/** Self time by function over the login (CDP CPU profile of the adapter frame), largest first. */
export function printProfile(cpu: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] }, until = 'Ready'): void {
  const self = new Map<number, number>();
  const samples = cpu.samples ?? [];
  const deltas = cpu.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) self.set(samples[i] ?? 0, (self.get(samples[i] ?? 0) ?? 0) + (deltas[i] ?? 0) / 1000);
  const byNode = new Map(cpu.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of cpu.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*\/softphone\//, '')}:${n.callFrame.lineNumber + 1}:${n.callFrame.columnNumber + 1}`;
  const byFunction = new Map<string, number>();
  // Total (inclusive) time per function, counted once per sample.
  const total = new Map<string, number>();
  for (const [id, ms] of self) {
    const node = byNode.get(id);
    if (!node) continue;
    byFunction.set(label(node), (byFunction.get(label(node)) ?? 0) + ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const n = byNode.get(at);
      if (!n) break;
      const key = label(n);
      if (seen.has(key)) continue;
      seen.add(key);
      total.set(key, (total.get(key) ?? 0) + ms);
    }
  }
  console.log(`CPU profile of the adapter frame, frame attached → ${until}: self time, then total time, largest first (ms):`);
  for (const [key, ms] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  self ${ms.toFixed(1).padStart(7)}  ${key}`);
  for (const [key, ms] of [...total].sort((a, b) => b[1] - a[1]).slice(0, 45)) console.log(`  total ${ms.toFixed(1).padStart(7)}  ${key}`);
}

