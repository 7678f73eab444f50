/**
 * The adapter's main thread from a dial's click to the ACK of the leg it auto-answers, with the
 * SIP messages placed among the tasks (`node --import tsx bench/call-window.ts`, after a build;
 * build with `--minify false` to read the names; it enters the loopback namespace itself). Each
 * SIP message the page sends or receives is a `performance.mark` (`wire in INVITE`), so the trace
 * puts it on the same clock as the tasks: what ran between the INVITE's arrival and the 200 OK
 * leaving, and between the click and the INVITE, task by task (where Chromium posted it, what ran
 * in it, how many elements a style recalculation touched). Each round dials once from a fresh
 * page that has fetched nothing for 2 s, as bench/floor-compare.ts does (a first dial: cold code,
 * templates never drawn). Tracing slows the page: read the order and the shares, not the times.
 *
 * `CALL_WINDOW_ROUNDS` (3); `CALL_WINDOW_PROFILE=1` adds the JS functions of each task (CPU
 * profile samples, self time; the profiler inflates the click's task); `CALL_WINDOW_SAVE=/tmp/w`
 * writes each round's trace to /tmp/w-<round>.json, and `CALL_WINDOW_READ=/tmp/w-1.json,…` prints
 * saved traces again without a browser.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { AgentConsole } from '../e2e/agent/support/agent-console.ts';
import { untilStatus } from '../e2e/agent/support/agent-steps.ts';
import { playAfterCall } from './agent-bench.ts';
import { untilNetworkQuiet } from './floor-compare.ts';
import { clickDial } from './dial-latency.ts';
import { CATEGORIES, STACK_CATEGORIES, adapterPids, traceOf, type TraceEvent } from './trace-summary.ts';
import { WIRE_SCRIPT, autoLoginScript, dialSpans, wireOf } from './wire-probe.ts';

if (process.env.CALL_WINDOW_READ) {
  // Saved traces (CALL_WINDOW_SAVE) printed again: CALL_WINDOW_READ=/tmp/w-1.json,/tmp/w-2.json
  for (const file of process.env.CALL_WINDOW_READ.split(',')) {
    console.log(file);
    printWindow((JSON.parse(readFileSync(file, 'utf8')) as { traceEvents: TraceEvent[] }).traceEvents);
  }
  process.exit(0);
}
if (process.env.DIALTONE_LOOPBACK_NS !== '1') {
  const r = spawnSync('sh', ['scripts/in-loopback.sh', process.execPath, ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}

const DIALLED = '1139990001';
const ROUNDS = Number(process.env.CALL_WINDOW_ROUNDS ?? 3);
const PROFILE = process.env.CALL_WINDOW_PROFILE === '1';

/** Each SIP message recorded by WIRE_SCRIPT also becomes a user-timing mark. */
const MARKS = `(() => {
  const wire = window.__wire;
  if (!wire) return;
  const push = wire.push.bind(wire);
  wire.push = (e) => { performance.mark('wire ' + e.dir + ' ' + e.start + ' ' + e.cseq); return push(e); };
  // The NeoApi Dial on the same clock: its fetch, and its answer read.
  const nativeFetch = window.fetch;
  window.fetch = function (input, init) {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const dial = /\\/Dial(?:\\?|$)/.test(url);
    if (dial) performance.mark('wire out Dial fetch');
    const r = nativeFetch.call(this, input, init);
    if (dial) performance.mark('wire out Dial fetch returned');
    return dial ? r.then((v) => { performance.mark('wire in Dial answer'); return v; }) : r;
  };
})();`;

interface ProfileNode { id: number; callFrame: { functionName: string; url?: string; lineNumber?: number }; parent?: number }
interface Sample { ts: number; node: ProfileNode | undefined }
interface Chunk { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] }

/** The CPU profile's samples on the trace clock (`ProfileChunk` events of the adapter's renderer). */
function samplesOf(events: readonly TraceEvent[], pid: number): Sample[] {
  const nodes = new Map<number, ProfileNode>();
  const samples: Sample[] = [];
  const starts = new Map<string, number>();
  for (const e of events) {
    if (e.pid !== pid) continue;
    const data = (e.args as { data?: { startTime?: number } & Chunk } | undefined)?.data;
    const id = (e as unknown as { id?: string }).id ?? '';
    if (e.name === 'Profile') starts.set(id, data?.startTime ?? e.ts);
    if (e.name !== 'ProfileChunk' || data === undefined) continue;
    for (const node of data.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
    let ts = starts.get(id) ?? e.ts;
    const ids = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    for (let i = 0; i < ids.length; i++) {
      ts += deltas[i] ?? 0;
      samples.push({ ts, node: nodes.get(ids[i] ?? -1) });
    }
    starts.set(id, ts);
  }
  return samples;
}

function printWindow(events: readonly TraceEvent[]): void {
  const pids = adapterPids(events);
  const threadNames = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threadNames.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  const marks = events.filter((e) => pids.has(e.pid) && e.name.startsWith('wire ') && (e.ph === 'R' || e.ph === 'I' || e.ph === 'n' || e.ph === 'b')).sort((a, b) => a.ts - b.ts);
  const pid = marks[0]?.pid ?? [...pids][0];
  if (pid === undefined) return;
  const main = events.filter((e) => e.pid === pid && threadNames.get(`${e.pid}:${e.tid}`) === 'CrRendererMain' && e.ph === 'X' && typeof e.dur === 'number');
  const tasks = main.filter((e) => e.name === 'ThreadControllerImpl::RunTask').sort((a, b) => a.ts - b.ts);
  const samples = samplesOf(events, pid);
  const invite = marks.find((m) => m.name === 'wire in INVITE INVITE');
  const first = tasks.find((t) => (t.dur ?? 0) > 1000)?.ts ?? marks[0]?.ts ?? 0;
  const rel = (ts: number) => ((ts - first) / 1000).toFixed(1).padStart(7);
  const items: { ts: number; line: string }[] = marks.map((m) => ({ ts: m.ts, line: `${rel(m.ts)}  ---- ${m.name}` }));
  const named = new Set(['FunctionCall', 'EventDispatch', 'TimerFire', 'FireAnimationFrame', 'FireIdleCallback', 'RunMicrotasks', 'UpdateLayoutTree', 'Layout', 'Paint', 'PrePaint', 'MinorGC', 'MajorGC', 'v8.compile']);
  for (const task of tasks) {
    if ((task.dur ?? 0) < 300) continue;
    const end = task.ts + (task.dur ?? 0);
    const inside = main.filter((e) => e !== task && e.ts >= task.ts && e.ts < end && named.has(e.name) && (e.dur ?? 0) >= 200);
    const elements = (e: TraceEvent) => {
      const n = (e.args as { elementCount?: number } | undefined)?.elementCount;
      return n === undefined ? '' : ` (${n} el)`;
    };
    const what = inside.map((e) => `${e.name}${e.args?.data?.functionName ? `(${e.args.data.functionName})` : ''} ${((e.dur ?? 0) / 1000).toFixed(1)}${elements(e)}`).slice(0, 10);
    // JS self time in the task, by function (profile samples).
    const self = new Map<string, number>();
    const inTask = samples.filter((s) => s.ts >= task.ts && s.ts < end);
    for (let i = 0; i < inTask.length; i++) {
      const s = inTask[i]!;
      const next = inTask[i + 1]?.ts ?? end;
      const f = s.node?.callFrame;
      if (!f || f.functionName === '(idle)' || f.functionName === '(program)') continue;
      const key = `${f.functionName || '(anon)'}@${(f.url ?? '').split('/').pop() ?? ''}:${(f.lineNumber ?? -1) + 1}`;
      self.set(key, (self.get(key) ?? 0) + Math.min(next - s.ts, 1000) / 1000);
    }
    const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, ms]) => `${k} ${ms.toFixed(1)}`);
    const posted = events.find((e) => e.pid === task.pid && e.tid === task.tid && e.ts >= task.ts && e.ts <= end && e.args?.src_func !== undefined);
    const site = posted ? `[${posted.args?.src_func} ${posted.args?.src_file?.split('/').pop() ?? ''}] ` : '';
    items.push({ ts: task.ts, line: `${rel(task.ts)}  ${((task.dur ?? 0) / 1000).toFixed(1).padStart(5)} ms  ${site}${what.join(', ')}${top.length ? `\n                   js: ${top.join(', ')}` : ''}` });
  }
  items.sort((a, b) => a.ts - b.ts);
  const last = marks.find((m) => m.name === 'wire in ACK ACK' && (invite === undefined || m.ts > invite.ts));
  for (const item of items) if (last === undefined || item.ts <= last.ts + 20_000) console.log(item.line);
}

const rig = await AgentConsole.start();
try {
  const who = rig.agent(0);
  await rig.neotel.setDialer(false);
  await rig.neotel.setNumber({ number: DIALLED, neverAnswer: true });
  await rig.context.addInitScript({ content: `globalThis.__name ??= (target) => target;\n${WIRE_SCRIPT}\n${MARKS}\n${autoLoginScript(who)}` });
  for (let round = 0; round < ROUNDS; round++) {
    // As floor-compare dials: the first dial of a fresh page, once it has fetched nothing for 2 s.
    const { page, adapter } = await rig.openTab({ audioProbe: false });
    await untilStatus(adapter, ['ready'], 20_000);
    await untilNetworkQuiet(adapter);
    await new Promise((r) => setTimeout(r, 1000));
    await adapter.getByTestId('dial-input').fill(DIALLED);
    const session = await rig.context.newCDPSession(page);
    let spans: ReturnType<typeof dialSpans>;
    const events = await traceOf(session, async () => {
      const clicked = await clickDial(adapter);
      for (let i = 0; i < 200 && spans === undefined; i++) {
        await new Promise((r) => setTimeout(r, 50));
        spans = dialSpans(await wireOf(adapter), clicked.perfMs);
      }
      await new Promise((r) => setTimeout(r, 100));
    }, [...CATEGORIES, ...STACK_CATEGORIES, 'blink.user_timing', ...(PROFILE ? ['disabled-by-default-v8.cpu_profiler'] : [])]);
    console.log(`round ${round + 1}: dial → ACK ${spans?.toAck.toFixed(0)} ms, INVITE → 200 ${spans?.inviteToOk.toFixed(0)} ms (traced)`);
    printWindow(events);
    if (process.env.CALL_WINDOW_SAVE) writeFileSync(`${process.env.CALL_WINDOW_SAVE}-${round + 1}.json`, JSON.stringify({ traceEvents: events }));
    await session.detach().catch(() => undefined);
    await untilStatus(adapter, ['dialing', 'inCall']);
    await adapter.getByTestId('hang-up').click();
    await playAfterCall(adapter);
    await page.close();
    await fetch(`${rig.neotelServer.neoApiUrl}/Logout?USUARIO=${who.user}`).catch(() => undefined);
  }
} finally {
  await rig.close();
}
