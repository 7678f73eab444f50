/**
 * Idle only, interleaved: the floor page and one or more builds of Dialtone, each Ready and idle
 * the way `bench/floor-compare.ts` measures it (the adapter frame's renderer, out of process; the
 * window starts once the page has fetched nothing for 2 s), round after round in a rotating
 * order, so a before/after pair shares one run and one load.
 *
 *     npm run build && cp -r dist /tmp/dist-before   # the build to compare against
 *     … change, npm run build …
 *     IDLE_AB_DIRS=/tmp/dist-before,dist node --import tsx bench/idle-ab.ts
 *
 * `IDLE_AB_DIRS` (default `dist`): comma list of built adapters; `IDLE_AB_ROUNDS` (5);
 * `IDLE_AB_SECONDS` (10); `IDLE_AB_MOUSE=panel` rests the mouse over the panel's header during the
 * window (an agent's pointer on the panel: Chromium then hit-tests after every layout);
 * `IDLE_AB_TRACE=1` traces each side's first window (tracing inflates its readings) and prints
 * its renderer's threads and main-thread tasks (bench/trace-summary.ts; CPU time as well as wall
 * time), `IDLE_AB_TRACE_DIR=<dir>` keeps the traces there. It enters the loopback namespace itself.
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { AgentConsole } from '../e2e/agent/support/agent-console.ts';
import { untilStatus } from '../e2e/agent/support/agent-steps.ts';
import { FLOOR_DIR, buildFloor, idleOver, untilNetworkQuiet, type IdleReading } from './floor-compare.ts';
import { percentile } from './stats.ts';
import { CATEGORIES, printAdapterWork, traceOf } from './trace-summary.ts';
import { WIRE_SCRIPT, autoLoginScript } from './wire-probe.ts';

if (process.env.DIALTONE_LOOPBACK_NS !== '1') {
  const r = spawnSync('sh', ['scripts/in-loopback.sh', process.execPath, ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}

const dirs = (process.env.IDLE_AB_DIRS ?? 'dist').split(',').map((d) => d.trim()).filter((d) => d !== '');
const rounds = Number(process.env.IDLE_AB_ROUNDS ?? 5);
const seconds = Number(process.env.IDLE_AB_SECONDS ?? 10);
const mouseOnPanel = process.env.IDLE_AB_MOUSE === 'panel';
const traceFirst = process.env.IDLE_AB_TRACE === '1';

interface Side {
  name: string;
  measure: (round: number) => Promise<IdleReading>;
}

/**
 * Runs `measure` (the idle window), traced when asked: the page's session traces the page's
 * renderers, the adapter frame's included; prints the measured renderer's work.
 */
async function measured(context: BrowserContext, page: Page, name: string, trace: boolean, measure: () => Promise<IdleReading>): Promise<IdleReading> {
  if (!trace) return measure();
  const session = await context.newCDPSession(page);
  let reading: IdleReading | undefined;
  // The disabled-by-default category carries TracingStartedInBrowser: which renderer runs which frame.
  const events = await traceOf(session, async () => void (reading = await measure()), [...CATEGORIES, 'disabled-by-default-devtools.timeline']);
  await session.detach().catch(() => undefined);
  if (reading === undefined) throw new Error(`the traced idle window of ${name} gave no reading`);
  if (process.env.IDLE_AB_TRACE_DIR) writeFileSync(join(process.env.IDLE_AB_TRACE_DIR, `${name.replace(/\W+/g, '_')}.json`), JSON.stringify(events));
  console.log(`trace of ${name}, ${seconds} s:`);
  printAdapterWork(events, seconds, 25);
  return reading;
}

const logout = (neoApiUrl: string, user: string) => fetch(`${neoApiUrl}/Logout?USUARIO=${user}`).catch(() => undefined);

await buildFloor();
// The floor is served by the first build's simulator, from its directory.
const floorCopy = dirs[0] === undefined || resolve(dirs[0]) === resolve('dist') ? undefined : join(resolve(dirs[0]), FLOOR_DIR);
if (floorCopy) cpSync(join('dist', FLOOR_DIR), floorCopy, { recursive: true });
const rigs: AgentConsole[] = [];
const start = loadavg();
try {
  const sides: Side[] = [];
  for (const dir of dirs) {
    const rig = await AgentConsole.start({}, resolve(dir) === resolve('dist') ? {} : { softphoneDir: resolve(dir) });
    rigs.push(rig);
    await rig.neotel.setDialer(false);
    const agent = rig.agent(0);
    await rig.context.addInitScript({ content: `globalThis.__name ??= (target) => target;\n${WIRE_SCRIPT}\n${autoLoginScript(agent)}` });
    sides.push({
      name: dir,
      measure: async (round) => {
        const { page, adapter } = await rig.openTab({ audioProbe: false });
        try {
          await untilStatus(adapter, ['ready'], 20_000);
          await untilNetworkQuiet(adapter);
          if (mouseOnPanel) {
            const box = await adapter.getByTestId('status-menu').boundingBox();
            if (box) await page.mouse.move(box.x + box.width - 4, box.y + box.height / 2);
          }
          const session = await rig.context.newCDPSession(adapter);
          const reading = await measured(rig.context, page, dir, traceFirst && round === 0, () => idleOver(session, seconds));
          await session.detach().catch(() => undefined);
          return reading;
        } finally {
          await page.close();
          await logout(rig.neotelServer.neoApiUrl, agent.user);
        }
      },
    });
  }
  const first = rigs[0];
  if (!first) throw new Error('IDLE_AB_DIRS names no build');
  const floorAgent = first.agent(1);
  const served = first.neotelServer;
  const query = new URLSearchParams({ ws: served.sipUrl, domain: new URL(served.url).hostname, user: floorAgent.user, sipPassword: floorAgent.devicePassword, neoApi: served.neoApiUrl, password: floorAgent.password });
  const floorUrl = `${served.url}/softphone/${FLOOR_DIR}/index.html?${query.toString()}`;
  sides.unshift({
    name: 'floor',
    measure: async (round) => {
      const page = await first.context.newPage();
      try {
        await page.goto(floorUrl);
        await page.locator('#state', { hasText: 'ready' }).waitFor({ timeout: 20_000 });
        await untilNetworkQuiet(page);
        const session = await first.context.newCDPSession(page);
        const reading = await measured(first.context, page, 'floor', traceFirst && round === 0, () => idleOver(session, seconds));
        await session.detach().catch(() => undefined);
        return reading;
      } finally {
        await page.close();
        await logout(served.neoApiUrl, floorAgent.user);
      }
    },
  });
  const readings = new Map<string, IdleReading[]>(sides.map((s) => [s.name, []]));
  for (let i = 0; i < rounds; i++) {
    for (let k = 0; k < sides.length; k++) {
      const side = sides[(i + k) % sides.length];
      if (!side) continue;
      const reading = await side.measure(i);
      readings.get(side.name)?.push(reading);
      console.log(`round ${i + 1} ${side.name}: task ${reading.taskMsPerS.toFixed(2)}, main CPU ${reading.threadCpuMsPerS.toFixed(2)}, process CPU ${reading.processCpuMsPerS.toFixed(2)} ms/s, garbage ${reading.garbageKbPerMin.toFixed(0)} KB/min (load ${loadavg()[0]?.toFixed(2)})`);
    }
  }
  const la = (v: number[]) => v.map((x) => x.toFixed(2)).join(' ');
  console.log(`\nidle, ${rounds} interleaved rounds of ${seconds} s (medians)${mouseOnPanel ? ', mouse resting on the panel' : ''}; load average ${la(start)} at start, ${la(loadavg())} at end:`);
  console.log('| | main-thread task time | main-thread CPU | renderer process CPU | garbage |');
  console.log('|---|---|---|---|---|');
  const median = (values: number[]) => percentile(values.filter((v) => Number.isFinite(v)), 0.5);
  const floor = readings.get('floor') ?? [];
  const floorTask = median(floor.map((r) => r.taskMsPerS));
  const floorCpu = median(floor.map((r) => r.threadCpuMsPerS));
  for (const [name, list] of readings) {
    const task = median(list.map((r) => r.taskMsPerS));
    const cpu = median(list.map((r) => r.threadCpuMsPerS));
    const ratio = (value: number, base: number) => (name === 'floor' || !(base > 0) ? '' : ` (${(value / base).toFixed(1)}×)`);
    console.log(`| ${name} | ${task.toFixed(2)} ms/s${ratio(task, floorTask)} | ${cpu.toFixed(2)} ms/s${ratio(cpu, floorCpu)} | ${median(list.map((r) => r.processCpuMsPerS)).toFixed(2)} ms/s | ${median(list.map((r) => r.garbageKbPerMin)).toFixed(0)} KB/min |`);
  }
} finally {
  for (const rig of rigs) await rig.close();
  rmSync(join('dist', FLOOR_DIR), { recursive: true, force: true });
  if (floorCopy) rmSync(floorCopy, { recursive: true, force: true });
}
