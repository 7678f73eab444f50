/**
 * Where the adapter's main thread spends a dial (`node --import tsx bench/call-trace.ts`, after
 * `npm run build`; it enters the loopback namespace itself): a logged-in agent dials a number
 * that never answers; a Chromium trace from the click to the ACK of the platform leg the adapter
 * auto-answers, summed as in idle-trace.ts, with the main thread's long tasks. The first round
 * loads the dial plan chunk. Tracing slows everything down: read the shares, not the times.
 * Then the style recalculations and layouts JS forced, by caller (build with `--minify false` to
 * read the names). `CALL_TRACE_SAVE=/tmp/dial` writes each round's trace to /tmp/dial-<round>.json.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { untilStatus } from '../e2e/agent/support/agent-steps.ts';
import { playAfterCall, startBenchAgent } from './agent-bench.ts';
import { clickDial } from './dial-latency.ts';
import { CATEGORIES, STACK_CATEGORIES, printAdapterWork, printForcedLayouts, printMainTasks, traceOf } from './trace-summary.ts';
import { WIRE_SCRIPT, dialSpans, wireOf } from './wire-probe.ts';

if (process.env.DIALTONE_LOOPBACK_NS !== '1') {
  const r = spawnSync('sh', ['scripts/in-loopback.sh', process.execPath, ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}

const DIALLED = '1139990001';
const ROUNDS = Number(process.env.CALL_TRACE_ROUNDS ?? 2);

const agent = await startBenchAgent([`globalThis.__name ??= (target) => target;\n${WIRE_SCRIPT}`]);
try {
  await agent.rig.neotel.setNumber({ number: DIALLED, neverAnswer: true });
  for (let round = 0; round < ROUNDS; round++) {
    await new Promise((r) => setTimeout(r, 1500));
    const session = await agent.rig.context.newCDPSession(agent.page);
    await agent.adapter.getByTestId('dial-input').fill(DIALLED);
    let spans: ReturnType<typeof dialSpans>;
    const started = Date.now();
    const events = await traceOf(session, async () => {
      const clicked = await clickDial(agent.adapter);
      for (let i = 0; i < 200 && spans === undefined; i++) {
        spans = dialSpans(await wireOf(agent.adapter), clicked.perfMs);
        if (spans === undefined) await new Promise((r) => setTimeout(r, 50));
      }
    }, [...CATEGORIES, ...STACK_CATEGORIES]);
    console.log(`round ${round + 1}: dial → ACK ${spans?.toAck.toFixed(0)} ms, INVITE → 200 ${spans?.inviteToOk.toFixed(0)} ms (traced)`);
    printAdapterWork(events, (Date.now() - started) / 1000, 30);
    printForcedLayouts(events);
    if (process.env.CALL_TRACE_TASKS === '1') printMainTasks(events);
    // The whole trace, for chrome://tracing or Perfetto: CALL_TRACE_SAVE=/tmp/dial (one file per round).
    if (process.env.CALL_TRACE_SAVE) writeFileSync(`${process.env.CALL_TRACE_SAVE}-${round + 1}.json`, JSON.stringify({ traceEvents: events }));
    await untilStatus(agent.adapter, ['dialing', 'inCall']);
    await agent.adapter.getByTestId('hang-up').click();
    await playAfterCall(agent.adapter);
    await session.detach().catch(() => undefined);
  }
} finally {
  await agent.close();
}
