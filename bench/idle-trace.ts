/**
 * What the adapter's renderer main thread does while an agent sits Ready (`node --import tsx
 * bench/idle-trace.ts`, after `npm run build`; it enters the loopback namespace itself): a
 * logged-in agent, Ready, the panel open; a Chromium trace (devtools.timeline) of 10 s, and the
 * adapter renderer's main-thread time summed by top-level task and by the trace events inside
 * them (timer fired, animation frame, style, layout, paint, fetch, message...). `bench/idle-profile.ts`
 * names the JS functions; this names what Blink does around them (the profile's "(program)").
 */
import { spawnSync } from 'node:child_process';
import { startBenchAgent } from './agent-bench.ts';

if (process.env.DIALTONE_LOOPBACK_NS !== '1') {
  const r = spawnSync('sh', ['scripts/in-loopback.sh', process.execPath, ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}

interface TraceEvent { name: string; cat: string; ph: string; pid: number; tid: number; ts: number; dur?: number; args?: { name?: string; data?: { url?: string; frame?: string; type?: string; functionName?: string } } }

const SECONDS = Number(process.env.IDLE_TRACE_SECONDS ?? 10);
const agent = await startBenchAgent();
try {
  await new Promise((r) => setTimeout(r, 2000));
  const session = await agent.rig.context.newCDPSession(agent.page);
  const events: TraceEvent[] = [];
  session.on('Tracing.dataCollected', (e) => {
    events.push(...(e.value as unknown as TraceEvent[]));
  });
  const done = new Promise<void>((resolve) => session.once('Tracing.tracingComplete', () => resolve()));
  await session.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'blink', 'loading', 'v8.execute', '__metadata'] }, transferMode: 'ReportEvents' });
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  await session.send('Tracing.end');
  await done;
  // The adapter's renderer: the process whose main thread ran a task for the adapter's URL.
  const threadNames = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threadNames.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  const adapterUrl = agent.adapter.url();
  const adapterPids = new Set(events.filter((e) => JSON.stringify(e.args ?? {}).includes('/softphone/')).map((e) => e.pid));
  console.log(`adapter ${adapterUrl}; renderer pids with adapter events: ${[...adapterPids].join(', ')}`);
  for (const pid of adapterPids) {
    // Every thread of the process, so work moved off the main thread (the Position worker) shows too.
    const perThread = new Map<string, number>();
    for (const e of events) {
      if (e.pid !== pid || e.ph !== 'X' || (e.name !== 'ThreadControllerImpl::RunTask' && e.name !== 'RunTask')) continue;
      const thread = threadNames.get(`${e.pid}:${e.tid}`) ?? `tid ${e.tid}`;
      perThread.set(thread, (perThread.get(thread) ?? 0) + (e.dur ?? 0) / 1000);
    }
    for (const [thread, ms] of [...perThread].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`  thread ${thread}: ${(ms / SECONDS).toFixed(2)} ms/s`);
    const main = events.filter((e) => e.pid === pid && threadNames.get(`${e.pid}:${e.tid}`) === 'CrRendererMain' && e.ph === 'X' && typeof e.dur === 'number');
    const top = main.filter((e) => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask');
    const busy = top.reduce((s, e) => s + (e.dur ?? 0), 0) / 1000;
    console.log(`pid ${pid}: ${top.length} top-level tasks, ${busy.toFixed(1)} ms over ${SECONDS} s (${(busy / SECONDS).toFixed(2)} ms/s)`);
    const byName = new Map<string, { n: number; ms: number }>();
    for (const e of main) {
      if (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask') continue;
      const key = e.name + (e.args?.data?.type ? `(${e.args.data.type})` : '') + (e.args?.data?.functionName ? ` ${e.args.data.functionName}` : '');
      const row = byName.get(key) ?? { n: 0, ms: 0 };
      row.n += 1;
      row.ms += (e.dur ?? 0) / 1000;
      byName.set(key, row);
    }
    for (const [key, row] of [...byName].sort((a, b) => b[1].ms - a[1].ms).slice(0, 40)) console.log(`  ${row.ms.toFixed(1).padStart(8)} ms  ${String(row.n).padStart(5)}×  ${key}`);
  }
} finally {
  await agent.close();
}
