/**
 * Chromium traces for the bench scripts (idle-trace.ts, call-trace.ts): record one through a CDP
 * session, and sum a renderer's work by thread and by Blink event name.
 */
import type { CDPSession } from 'playwright-core';

export interface TraceEvent { name: string; ph: string; pid: number; tid: number; ts: number; dur?: number; args?: { name?: string; data?: { type?: string; functionName?: string; url?: string } } }

const CATEGORIES = ['devtools.timeline', 'toplevel', 'blink', 'loading', 'v8.execute', '__metadata'];
const isTask = (e: TraceEvent) => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask';

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
  const pids = new Set(events.filter((e) => JSON.stringify(e.args ?? {}).includes('/softphone/')).map((e) => e.pid));
  for (const pid of pids) {
    const tasks = events.filter((e) => e.pid === pid && e.ph === 'X' && isTask(e));
    if (tasks.length === 0) continue;
    // Every thread of the process, so work moved off the main thread (the Position worker) shows too.
    const perThread = new Map<string, number>();
    for (const e of tasks) {
      const thread = threadNames.get(`${e.pid}:${e.tid}`) ?? `tid ${e.tid}`;
      perThread.set(thread, (perThread.get(thread) ?? 0) + (e.dur ?? 0) / 1000);
    }
    console.log(`renderer ${pid}:`);
    for (const [thread, ms] of [...perThread].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`  thread ${thread}: ${ms.toFixed(1)} ms (${(ms / seconds).toFixed(2)} ms/s)`);
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
