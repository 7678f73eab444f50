/**
 * One cold boot of the adapter as bench/boot-time.ts loads it (`bootOnce`: the console, the panel
 * opened as it draws, nothing evaluated by Playwright until the form is usable), traced with Chromium's timeline: the adapter renderer's main-thread tasks from the
 * frame's navigation start to the login form usable, each with what it ran (HTML parse, script
 * compile and evaluation by file, function calls, microtasks, style, layout, paint), and every
 * request the frame made (sent → finished), all on the frame's clock. Not in `npm run bench`.
 *
 *     npm run build && node --import tsx bench/boot-trace.ts            # dist/
 *     BOOT_TRACE_DIR=/tmp/other/dist BOOT_TRACE_LOADS=3 node --import tsx bench/boot-trace.ts
 *
 * Tracing slows the page: read the order and the shares, not the totals. Enters the loopback
 * namespace itself.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { launchChromium } from '../e2e/support/browser.ts';
import { startConsoleWithAdapter } from '../e2e/boot/support.ts';
import { bootOnce } from './boot-time.ts';
import type { PanelMarks } from './login-form-probe.ts';
import { traceOf, type TraceEvent } from './trace-summary.ts';

if (process.env.DIALTONE_LOOPBACK_NS !== '1') {
  const r = spawnSync('sh', ['scripts/in-loopback.sh', process.execPath, ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'blink.user_timing', 'v8.execute', 'v8', 'loading', '__metadata'];
const dir = process.env.BOOT_TRACE_DIR ?? 'dist';
const loads = Number(process.env.BOOT_TRACE_LOADS ?? 1);
const isTask = (e: TraceEvent) => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask';
const INNER = new Set(['ParseHTML', 'EvaluateScript', 'v8.compile', 'v8.compileModule', 'v8.evaluateModule', 'FunctionCall', 'RunMicrotasks', 'TimerFire', 'EventDispatch', 'UpdateLayoutTree', 'Layout', 'Paint', 'PrePaint', 'ParseAuthorStyleSheet', 'MajorGC', 'MinorGC', 'V8.GC_SCAVENGER', 'CommitLoad', 'ResourceReceiveResponse', 'ResourceFinish', 'v8.produceModuleCache', 'v8.produceCache', 'v8.deserializeOnBackground', 'V8.DeserializeContext', 'LocalWindowProxy::Initialize', 'FireAnimationFrame', 'HTMLDocumentParser::MaybeFetchQueuedPreloads', 'Document::updateStyle']);

const la = (v: readonly number[]) => v.map((x) => x.toFixed(2)).join(' ');
const start = loadavg();
const browser = await launchChromium();
const { server } = await startConsoleWithAdapter({ serveAdapterDir: dir });
try {
  for (let i = 0; i < loads; i++) {
    // The console frames the adapter as it loads: trace the whole browser from before that.
    const session = await browser.newBrowserCDPSession();
    let marks: PanelMarks = { readyMs: NaN, firstPaintMs: NaN, loginFormMs: NaN };
    const events = await traceOf(session, async () => {
      // Chromium starts tracing in the renderers a moment after `Tracing.start` answers.
      await new Promise((resolve) => setTimeout(resolve, 500));
      marks = await bootOnce(browser, server.url);
    }, CATEGORIES);
    await session.detach();
    if (process.env.BOOT_TRACE_OUT) writeFileSync(`${process.env.BOOT_TRACE_OUT}.${i}.json`, JSON.stringify({ marks, events }));
    printBoot(events, marks);
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`load average ${la(start)} → ${la(loadavg())}`);

function printBoot(events: readonly TraceEvent[], marks: PanelMarks): void {
  const ready = events.find((e) => e.name === 'dialtone:ready');
  if (!ready) {
    console.log('no dialtone:ready in the trace');
    return;
  }
  // The frame's clock: the trace time of its navigation start.
  const origin = ready.ts - marks.readyMs * 1000;
  const at = (ts: number) => ((ts - origin) / 1000).toFixed(1).padStart(7);
  const end = origin + (marks.loginFormMs + 20) * 1000;
  const threadNames = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threadNames.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  const mainOf = (e: TraceEvent) => e.pid === ready.pid && threadNames.get(`${e.pid}:${e.tid}`) === 'CrRendererMain';
  const main = events.filter((e) => mainOf(e) && e.ph === 'X' && typeof e.dur === 'number' && e.ts >= origin - 200_000 && e.ts <= end).sort((a, b) => a.ts - b.ts);
  console.log(`boot of ${dir}: ready ${marks.readyMs.toFixed(0)} ms, first paint ${marks.firstPaintMs.toFixed(0)}, login form usable ${marks.loginFormMs.toFixed(0)} (frame clock; traced)`);
  console.log('requests of the adapter renderer (sent → finished):');
  const sent = new Map<string, { url: string; ts: number }>();
  for (const e of events.filter((x) => x.pid === ready.pid && (x.name === 'ResourceSendRequest' || x.name === 'ResourceFinish')).sort((a, b) => a.ts - b.ts)) {
    const requestId = textOf(e, 'requestId');
    if (requestId === undefined) continue;
    if (e.name === 'ResourceSendRequest') sent.set(requestId, { url: textOf(e, 'url') ?? '', ts: e.ts });
    else {
      const s = sent.get(requestId);
      if (s) console.log(`  ${at(s.ts)} → ${at(e.ts)}  ${s.url.replace(/^https?:\/\/[^/]+/, '')}`);
    }
  }
  console.log('main-thread tasks ≥ 1 ms (start, wall ms, CPU ms: what ran inside, ms):');
  const tasks: TraceEvent[] = [];
  let taskEnd = -Infinity;
  for (const t of main.filter(isTask)) {
    if (t.ts < taskEnd) continue;
    tasks.push(t);
    taskEnd = t.ts + (t.dur ?? 0);
  }
  let busy = 0;
  for (const task of tasks) {
    const tEnd = task.ts + (task.dur ?? 0);
    busy += (task.dur ?? 0) / 1000;
    if ((task.dur ?? 0) < 1000) continue;
    const inner = main.filter((e) => !isTask(e) && e.ts >= task.ts && e.ts < tEnd && INNER.has(e.name) && (e.dur ?? 0) >= 400);
    const what = inner.map((e) => {
      const where = [textOf(e, 'functionName'), (textOf(e, 'url') ?? textOf(e, 'fileName'))?.split('/').pop()].filter((x) => x !== undefined && x !== '').join(' ');
      return `${e.name}${where ? `(${where})` : ''} ${((e.dur ?? 0) / 1000).toFixed(1)}`;
    });
    console.log(`  ${at(task.ts)}  ${((task.dur ?? 0) / 1000).toFixed(1).padStart(6)}  ${((task.tdur ?? 0) / 1000).toFixed(1).padStart(6)}  ${what.slice(0, 10).join(', ')}`);
  }
  console.log(`  main thread busy ${busy.toFixed(0)} ms of the ${marks.loginFormMs.toFixed(0)} ms to the form (tasks of all sizes)`);
  // The start-up bundle's run: the first task that evaluates a module for ≥ 3 ms once index-*.js is compiled.
  const compiled = main.find((e) => e.name === 'v8.compileModule' && /\/assets\/index-[^/]*\.js$/.test(textOf(e, 'url') ?? ''));
  const run = compiled && tasks.find((task) => task.ts >= compiled.ts && main.some((e) => e.name === 'v8.evaluateModule' && (e.dur ?? 0) >= 3000 && e.ts >= task.ts && e.ts < task.ts + (task.dur ?? 0)));
  const requestsIn = run ? events.filter((e) => e.pid === ready.pid && e.name === 'ResourceSendRequest' && e.ts >= run.ts && e.ts <= run.ts + (run.dur ?? 0)).length : NaN;
  console.log(`  start-up bundle's run: ${run ? `at ${at(run.ts).trim()} ms, wall ${((run.dur ?? 0) / 1000).toFixed(1)} ms, CPU ${((run.tdur ?? 0) / 1000).toFixed(1)} ms, ${requestsIn} requests started in it` : 'not found'}`);
  for (const m of events.filter((e) => e.pid === ready.pid && /^(dialtone|bench):/.test(e.name) && e.ts <= end)) console.log(`  mark ${m.name} at ${at(m.ts)}`);
}

/** A string field of an event's `args.data` (the trace's shape varies by event). */
function textOf(e: TraceEvent, key: string): string | undefined {
  const data: unknown = e.args?.data;
  const value: unknown = typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' ? value : undefined;
}
