/**
 * Where the adapter's main thread spends a dial (`node --import tsx bench/call-trace.ts`, after
 * `npm run build`; it enters the loopback namespace itself): a logged-in agent dials a number
 * that never answers; a Chromium trace (devtools.timeline) from the click to the ACK of the
 * platform leg the adapter auto-answers, and the adapter renderer's main-thread events summed
 * by name, plus the forced layouts (style/layout run inside script) and the long tasks.
 * Tracing slows everything down: read the shares, not the absolute times.
 */
import { spawnSync } from 'node:child_process';
import { untilStatus } from '../e2e/agent/support/agent-steps.ts';
import { playAfterCall, startBenchAgent } from './agent-bench.ts';
import { WIRE_SCRIPT, dialSpans, wireOf } from './wire-probe.ts';

if (process.env.DIALTONE_LOOPBACK_NS !== '1') {
  const r = spawnSync('sh', ['scripts/in-loopback.sh', process.execPath, ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}

interface TraceEvent { name: string; ph: string; pid: number; tid: number; ts: number; dur?: number; args?: { name?: string; data?: { type?: string; functionName?: string; url?: string } } }
const DIALLED = '1139990001';
const ROUNDS = Number(process.env.CALL_TRACE_ROUNDS ?? 2);

const agent = await startBenchAgent([`globalThis.__name ??= (target) => target;\n${WIRE_SCRIPT}`]);
try {
  await agent.rig.neotel.setNumber({ number: DIALLED, neverAnswer: true });
  for (let round = 0; round < ROUNDS; round++) {
    await new Promise((r) => setTimeout(r, 1500));
    const session = await agent.rig.context.newCDPSession(agent.page);
    const events: TraceEvent[] = [];
    session.on('Tracing.dataCollected', (e) => {
      events.push(...(e.value as unknown as TraceEvent[]));
    });
    const done = new Promise<void>((resolve) => session.once('Tracing.tracingComplete', () => resolve()));
    await agent.adapter.getByTestId('dial-input').fill(DIALLED);
    await session.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'toplevel', 'blink', 'v8.execute', '__metadata'] }, transferMode: 'ReportEvents' });
    const clickedAt = await agent.adapter.evaluate(() => {
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
    let spans: ReturnType<typeof dialSpans>;
    for (let i = 0; i < 200 && spans === undefined; i++) {
      spans = dialSpans(await wireOf(agent.adapter), clickedAt);
      if (spans === undefined) await new Promise((r) => setTimeout(r, 50));
    }
    await session.send('Tracing.end');
    await done;
    console.log(`round ${round + 1}: dial → ACK ${spans?.toAck.toFixed(0)} ms, INVITE → 200 ${spans?.inviteToOk.toFixed(0)} ms (traced)`);
    const threadNames = new Map<string, string>();
    for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threadNames.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
    const pids = new Set(events.filter((e) => JSON.stringify(e.args ?? {}).includes('/softphone/')).map((e) => e.pid));
    for (const pid of pids) {
      const main = events.filter((e) => e.pid === pid && threadNames.get(`${e.pid}:${e.tid}`) === 'CrRendererMain' && e.ph === 'X' && typeof e.dur === 'number');
      const top = main.filter((e) => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask');
      if (top.length === 0) continue;
      const busy = top.reduce((s, e) => s + (e.dur ?? 0), 0) / 1000;
      const long = top.filter((e) => (e.dur ?? 0) > 5000).map((e) => `${((e.dur ?? 0) / 1000).toFixed(1)}`);
      console.log(`  pid ${pid}: ${top.length} tasks, ${busy.toFixed(1)} ms busy; tasks over 5 ms: ${long.join(', ') || 'none'}`);
      const byName = new Map<string, { n: number; ms: number }>();
      for (const e of main) {
        if (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask') continue;
        const key = e.name + (e.args?.data?.type ? `(${e.args.data.type})` : '') + (e.args?.data?.functionName ? ` ${e.args.data.functionName}` : '');
        const row = byName.get(key) ?? { n: 0, ms: 0 };
        row.n += 1;
        row.ms += (e.dur ?? 0) / 1000;
        byName.set(key, row);
      }
      for (const [key, row] of [...byName].sort((a, b) => b[1].ms - a[1].ms).slice(0, 30)) console.log(`    ${row.ms.toFixed(1).padStart(8)} ms  ${String(row.n).padStart(5)}×  ${key}`);
    }
    await untilStatus(agent.adapter, ['dialing', 'inCall']);
    await agent.adapter.getByTestId('hang-up').click();
    await playAfterCall(agent.adapter);
    await session.detach().catch(() => undefined);
  }
} finally {
  await agent.close();
}
