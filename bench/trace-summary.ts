/**
 * Chromium traces for the bench scripts (idle-trace.ts, call-trace.ts): record one through a CDP
 * session, and sum a renderer's work by thread and by Blink event name.
 */
import type { CDPSession } from 'playwright-core';

export interface StackFrame { functionName: string; url: string; lineNumber: number; columnNumber: number }
export interface TraceEvent { name: string; ph: string; pid: number; tid: number; ts: number; dur?: number; tdur?: number; args?: { name?: string; src_func?: string; src_file?: string; data?: { type?: string; functionName?: string; url?: string; stackTrace?: StackFrame[]; frames?: { url: string; processId: number }[] }; beginData?: { stackTrace?: StackFrame[] } } }

/** Adds the JS stacks of forced style and layout work (Chromium records them only in this category). */
export const STACK_CATEGORIES = ['disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.stack'] as const;

export const CATEGORIES = ['devtools.timeline', 'toplevel', 'blink', 'loading', 'v8.execute', '__metadata'];
const isTask = (e: TraceEvent) => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask';

/**
 * The tasks of `events` that no other task encloses on their thread: Chromium records a task
 * twice, `ThreadControllerImpl::RunTask` around `RunTask`, so summing every task event counts
 * its time twice. `dur` is wall time (a task waiting for a core counts), `tdur` the thread's CPU time.
 */
export function topLevelTasks(events: readonly TraceEvent[]): TraceEvent[] {
  const tasks = events.filter((e) => e.ph === 'X' && isTask(e)).sort((a, b) => a.pid - b.pid || a.tid - b.tid || a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const kept: TraceEvent[] = [];
  let thread = '';
  let end = -Infinity;
  for (const e of tasks) {
    const key = `${e.pid}:${e.tid}`;
    if (key !== thread) [thread, end] = [key, -Infinity];
    if (e.ts < end) continue;
    kept.push(e);
    end = e.ts + (e.dur ?? 0);
  }
  return kept;
}

/** The inner `RunTask` of a task names where it was posted from (`OnTimer anchor_element_interaction_tracker.cc`). */
function postedFrom(task: TraceEvent, events: readonly TraceEvent[]): string {
  const end = task.ts + (task.dur ?? 0);
  const named = [task, ...events.filter((e) => e.tid === task.tid && e.pid === task.pid && e.ts >= task.ts && e.ts <= end && isTask(e))].find((e) => e.args?.src_func !== undefined);
  return named?.args?.src_func === undefined ? '(unnamed)' : `${named.args.src_func} ${named.args.src_file?.split('/').pop() ?? ''}`;
}

/** Traces everything `during` does (the whole browser: every process and thread). */
export async function traceOf(session: CDPSession, during: () => Promise<void>, categories: readonly string[] = CATEGORIES): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  session.on('Tracing.dataCollected', (e) => {
    events.push(...(e.value as unknown as TraceEvent[]));
  });
  const done = new Promise<void>((resolve) => session.once('Tracing.tracingComplete', () => resolve()));
  await session.send('Tracing.start', { traceConfig: { includedCategories: [...categories] }, transferMode: 'ReportEvents' });
  await during();
  await session.send('Tracing.end');
  await done;
  return events;
}

/** Prints, for each renderer that ran adapter code, its threads' busy time and its main thread's events by name. */
export function printAdapterWork(events: readonly TraceEvent[], seconds: number, rows = 40): void {
  const threadNames = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threadNames.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  for (const pid of adapterPids(events)) {
    const tasks = topLevelTasks(events.filter((e) => e.pid === pid));
    if (tasks.length === 0) continue;
    // Every thread of the process, so work moved off the main thread (the Position worker) shows too.
    const perThread = new Map<string, { n: number; ms: number; cpu: number }>();
    for (const e of tasks) {
      const thread = threadNames.get(`${e.pid}:${e.tid}`) ?? `tid ${e.tid}`;
      const row = perThread.get(thread) ?? { n: 0, ms: 0, cpu: 0 };
      perThread.set(thread, { n: row.n + 1, ms: row.ms + (e.dur ?? 0) / 1000, cpu: row.cpu + (e.tdur ?? 0) / 1000 });
    }
    console.log(`renderer ${pid} (top-level tasks; wall time, CPU time):`);
    for (const [thread, row] of [...perThread].sort((a, b) => b[1].ms - a[1].ms).slice(0, 8)) console.log(`  thread ${thread}: ${row.n} tasks, ${row.ms.toFixed(1)} ms (${(row.ms / seconds).toFixed(2)} ms/s), CPU ${row.cpu.toFixed(1)} ms (${(row.cpu / seconds).toFixed(2)} ms/s)`);
    const mainTasks = tasks.filter((e) => threadNames.get(`${e.pid}:${e.tid}`) === 'CrRendererMain');
    const bySite = new Map<string, { n: number; ms: number; cpu: number }>();
    for (const task of mainTasks) {
      const site = postedFrom(task, events);
      const row = bySite.get(site) ?? { n: 0, ms: 0, cpu: 0 };
      bySite.set(site, { n: row.n + 1, ms: row.ms + (task.dur ?? 0) / 1000, cpu: row.cpu + (task.tdur ?? 0) / 1000 });
    }
    console.log('  main-thread tasks by where Chromium posted them (n, wall ms, CPU ms):');
    for (const [site, row] of [...bySite].sort((a, b) => b[1].cpu - a[1].cpu).slice(0, 12)) console.log(`    ${String(row.n).padStart(5)}×  ${row.ms.toFixed(1).padStart(7)}  ${row.cpu.toFixed(1).padStart(7)}  ${site}`);
    const main = events.filter((e) => e.pid === pid && threadNames.get(`${e.pid}:${e.tid}`) === 'CrRendererMain' && e.ph === 'X' && typeof e.dur === 'number');
    const long = main.filter((e) => isTask(e) && (e.dur ?? 0) > 5000).map((e) => ((e.dur ?? 0) / 1000).toFixed(1));
    console.log(`  main-thread tasks over 5 ms: ${long.join(', ') || 'none'}`);
    const byName = new Map<string, { n: number; ms: number }>();
    for (const e of main) {
      if (isTask(e)) continue;
      const key = e.name + (e.args?.data?.type ? `(${e.args.data.type})` : '') + (e.args?.data?.functionName ? ` ${e.args.data.functionName}` : '');
      const row = byName.get(key) ?? { n: 0, ms: 0 };
      row.n += 1;
      row.ms += (e.dur ?? 0) / 1000;
      byName.set(key, row);
    }
    for (const [key, row] of [...byName].sort((a, b) => b[1].ms - a[1].ms).slice(0, rows)) console.log(`    ${row.ms.toFixed(1).padStart(8)} ms  ${String(row.n).padStart(5)}×  ${key}`);
  }
}

/** A style recalculation or layout that JS asked for (a read of layout, a focus() …), with its JS stack. */
export interface ForcedWork { name: 'Layout' | 'UpdateLayoutTree'; ms: number; stack: readonly StackFrame[]; event: TraceEvent }

/** The renderers that ran adapter code (`/softphone/` scripts). */
export function adapterPids(events: readonly TraceEvent[]): Set<number> {
  const pids = new Set(events.filter((e) => JSON.stringify(e.args ?? {}).includes('/softphone/')).map((e) => e.pid));
  // The browser names each frame's renderer when the trace starts: a window in which the adapter
  // ran no script and fetched nothing from /softphone/ still finds it.
  for (const e of events) {
    if (e.name !== 'TracingStartedInBrowser') continue;
    for (const frame of e.args?.data?.frames ?? []) if (frame.url.includes('/softphone/')) pids.add(frame.processId);
  }
  for (const e of events) if (e.ph === 'M' && e.name === 'process_name' && e.args?.name !== 'Renderer') pids.delete(e.pid);
  return pids;
}

/**
 * The style recalculations and layouts of the adapter's renderers, split into those JS forced (the
 * event has a JS stack: Chromium computed them on the spot for the script) and those of the
 * frame's own lifecycle (no JS stack). Needs `STACK_CATEGORIES` in the trace.
 */
export function styleAndLayoutOf(events: readonly TraceEvent[]): { forced: ForcedWork[]; lifecycle: { n: number; ms: number } } {
  const pids = adapterPids(events);
  const forced: ForcedWork[] = [];
  const lifecycle = { n: 0, ms: 0 };
  for (const e of events) {
    if (!pids.has(e.pid) || e.ph !== 'X' || (e.name !== 'Layout' && e.name !== 'UpdateLayoutTree')) continue;
    const stack = e.args?.beginData?.stackTrace ?? e.args?.data?.stackTrace ?? [];
    const ms = (e.dur ?? 0) / 1000;
    if (stack.length > 0) forced.push({ name: e.name, ms, stack, event: e });
    else {
      lifecycle.n += 1;
      lifecycle.ms += ms;
    }
  }
  return { forced, lifecycle };
}

/** One line per JS frame, `frames` deep: `function file:line:column`. */
export function stackLine(stack: readonly StackFrame[], frames = 4): string {
  return stack.slice(0, frames).map((f) => `${f.functionName || '(anonymous)'} ${f.url.split('/').pop() ?? ''}:${f.lineNumber + 1}:${f.columnNumber + 1}`).join(' ← ');
}

/**
 * Prints the style recalculations and layouts that JS forced on the adapter's main thread, by the
 * JS frames that asked for them (`frames` deep); a lifecycle update in an animation frame has no
 * JS stack and is counted apart.
 */
export function printForcedLayouts(events: readonly TraceEvent[], frames = Number(process.env.TRACE_STACK_FRAMES ?? 4)): void {
  const { forced, lifecycle } = styleAndLayoutOf(events);
  const byCaller = new Map<string, { n: number; ms: number }>();
  for (const work of forced) {
    const key = `${work.name} ← ${stackLine(work.stack, frames)}`;
    const row = byCaller.get(key) ?? { n: 0, ms: 0 };
    byCaller.set(key, { n: row.n + 1, ms: row.ms + work.ms });
  }
  const total = forced.reduce((sum, work) => sum + work.ms, 0);
  console.log(`  forced by JS: ${forced.length} (${total.toFixed(1)} ms); in frames (no JS stack): ${lifecycle.n} (${lifecycle.ms.toFixed(1)} ms)`);
  for (const [key, row] of [...byCaller].sort((a, b) => b[1].n - a[1].n)) console.log(`    ${String(row.n).padStart(4)}×  ${row.ms.toFixed(1).padStart(6)} ms  ${key}`);
}

/**
 * The adapter renderer's main-thread tasks over `minMs`, in order, each named by what it ran
 * (timers, animation frames, event dispatches, function calls with their script): what a network
 * event arriving at that moment waited for.
 */
export function printMainTasks(events: readonly TraceEvent[], minMs = 2): void {
  const threadNames = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threadNames.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  const pids = adapterPids(events);
  const main = events.filter((e) => pids.has(e.pid) && threadNames.get(`${e.pid}:${e.tid}`) === 'CrRendererMain' && e.ph === 'X' && typeof e.dur === 'number').sort((a, b) => a.ts - b.ts);
  const tasks = main.filter(isTask);
  const first = tasks[0]?.ts ?? 0;
  const named = new Set(['FunctionCall', 'EventDispatch', 'TimerFire', 'FireAnimationFrame', 'RunMicrotasks', 'UpdateLayoutTree', 'Layout', 'Paint', 'ParseAuthorStyleSheet', 'v8.compile', 'EvaluateScript', 'GCEvent', 'MinorGC', 'MajorGC']);
  for (const task of tasks) {
    if ((task.dur ?? 0) < minMs * 1000) continue;
    const end = task.ts + (task.dur ?? 0);
    const inside = main.filter((e) => e !== task && e.tid === task.tid && e.ts >= task.ts && e.ts < end && named.has(e.name) && (e.dur ?? 0) >= 300);
    const what = inside.map((e) => {
      const d = e.args?.data;
      // The first of these that says something (an empty function name says nothing).
      const where = [d?.functionName, d?.type, d?.url?.split('/').pop()].find((text) => text !== undefined && text !== '') ?? '';
      return `${e.name}${where ? `(${where})` : ''} ${((e.dur ?? 0) / 1000).toFixed(1)}`;
    });
    console.log(`    +${((task.ts - first) / 1000).toFixed(0).padStart(5)} ms  ${((task.dur ?? 0) / 1000).toFixed(1).padStart(6)} ms  ${what.slice(0, 8).join(', ')}`);
  }
}
