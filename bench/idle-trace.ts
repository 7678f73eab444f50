/**
 * What the adapter's renderer does while an agent sits Ready (`node --import tsx
 * bench/idle-trace.ts`, after `npm run build`; it enters the loopback namespace itself): a
 * logged-in agent, Ready, the panel open; a Chromium trace (devtools.timeline) of 10 s, and the
 * adapter renderer's busy time per thread and its main thread's events by name (timer fired,
 * animation frame, style, layout, paint, fetch, message…). `bench/idle-profile.ts` names the JS
 * functions; this names what Blink does around them (the profile's "(program)"). Tracing slows
 * everything down: read the shares, not the absolute times.
 */
import { spawnSync } from 'node:child_process';
import { startBenchAgent } from './agent-bench.ts';
import { writeFileSync } from 'node:fs';
import { CATEGORIES, STACK_CATEGORIES, printAdapterWork, traceOf } from './trace-summary.ts';

if (process.env.DIALTONE_LOOPBACK_NS !== '1') {
  const r = spawnSync('sh', ['scripts/in-loopback.sh', process.execPath, ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}

const SECONDS = Number(process.env.IDLE_TRACE_SECONDS ?? 10);
const agent = await startBenchAgent();
try {
  await new Promise((r) => setTimeout(r, 2000));
  const session = await agent.rig.context.newCDPSession(agent.page);
  const events = await traceOf(session, () => new Promise((r) => setTimeout(r, SECONDS * 1000)), [...CATEGORIES, ...STACK_CATEGORIES]);
  if (process.env.IDLE_TRACE_JSON) writeFileSync(process.env.IDLE_TRACE_JSON, JSON.stringify(events));
  console.log(`adapter ${agent.adapter.url()}, ${SECONDS} s Ready:`);
  printAdapterWork(events, SECONDS);
} finally {
  await agent.close();
}
