/**
 * Where dial → ACK and INVITE → 200 OK go, step by step, in Dialtone and in the floor
 * (`node --import tsx bench/call-timeline.ts`, after `npm run build`; it enters the loopback
 * namespace itself). One simulator, one browser, rounds alternating the two pages as
 * floor-compare.ts does. An init script timestamps, on each page's clock, the NeoApi `Dial`
 * fetch, `getUserMedia`, the peer connection's SDP calls and ICE gathering, and every SIP message
 * (wire-probe.ts); the report is the median of each step for both sides, so the extra time
 * Dialtone spends is named by step. `CALL_TIMELINE_PROFILE=1` also takes a CPU profile of
 * Dialtone's adapter over each dial and prints its heaviest functions (self time). Tracing and
 * profiling slow the page: read the steps, not the totals, of a profiled run.
 * `CALL_TIMELINE_BEFORE=<dir>` adds a third column: another build of the adapter (e.g. `main`'s
 * dist/ copied aside), behind its own simulator and browser, dialled in the same rounds, so a
 * change is read as before/after of one run at one load. `CALL_TIMELINE_PER_ROUND=1` also prints
 * each round's main steps for every side (a median hides which step made a slow round slow).
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Frame, Page } from 'playwright-core';
import { AgentConsole } from '../e2e/agent/support/agent-console.ts';
import { untilStatus } from '../e2e/agent/support/agent-steps.ts';
import { playAfterCall } from './agent-bench.ts';
import { clickDial } from './dial-latency.ts';
import { FLOOR_DIR, buildFloor, until } from './floor-compare.ts';
import { percentile } from './stats.ts';
import { WIRE_SCRIPT, autoLoginScript, wireOf, type WireEvent } from './wire-probe.ts';

if (process.env.DIALTONE_LOOPBACK_NS !== '1') {
  const r = spawnSync('sh', ['scripts/in-loopback.sh', process.execPath, ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}

const DIALLED = '1139990001';
const ROUNDS = Math.min(30, Math.max(1, Number(process.env.CALL_TIMELINE_ROUNDS ?? 6)));
/** `1`: Dialtone's adapter profiled from the click to the ACK; `click`: only over the click's own task (at 50 µs). */
const PROFILE = process.env.CALL_TIMELINE_PROFILE === '1' || process.env.CALL_TIMELINE_PROFILE === 'click';
const PROFILE_CLICK = process.env.CALL_TIMELINE_PROFILE === 'click';
const BEFORE_DIR = process.env.CALL_TIMELINE_BEFORE;
const PER_ROUND = process.env.CALL_TIMELINE_PER_ROUND === '1';
/** Also the median time from the click of each `__t` mark of an instrumented build (and of the Dial and INVITE). */
const MARKS = process.env.CALL_TIMELINE_MARKS === '1';
/** The steps the per-round view prints (they add up to click → ACK). */
const ROUND_STEPS = ['click → Dial fetch', 'Dial fetch → answered', 'Dial fetch → INVITE in', 'INVITE in → 200 OK out', '200 OK out → ACK in', 'click → ACK'] as const;

interface Step { name: string; at: number }
declare global {
  interface Window { __steps?: Step[] }
}

/** Timestamps the page's media and NeoApi `Dial` steps (page clock), before its scripts run. */
const STEP_SCRIPT = `(() => {
  const steps = [];
  window.__steps = steps;
  const mark = (name) => { steps.push({ name, at: performance.now() }); if (steps.length > 400) steps.shift(); };
  // A build instrumented by hand can call __t('where') along the dial's path (CALL_TIMELINE_MARKS).
  window.__t = (name) => mark('t:' + name);
  const media = navigator.mediaDevices;
  if (media && media.getUserMedia) {
    const native = media.getUserMedia.bind(media);
    media.getUserMedia = (c) => { mark('gum:start'); return native(c).then((s) => { mark('gum:end'); return s; }); };
  }
  const Peer = window.RTCPeerConnection;
  if (Peer) {
    for (const method of ['setRemoteDescription', 'createAnswer', 'setLocalDescription']) {
      const native = Peer.prototype[method];
      Peer.prototype[method] = function (...args) {
        mark(method + ':start');
        const r = native.apply(this, args);
        return r && typeof r.then === 'function' ? r.then((v) => { mark(method + ':end'); return v; }) : r;
      };
    }
    window.RTCPeerConnection = class extends Peer {
      constructor(configuration) {
        super(configuration);
        mark('pc:new');
        this.addEventListener('icegatheringstatechange', () => mark('ice:' + this.iceGatheringState));
      }
    };
  }
  const nativeFetch = window.fetch;
  window.fetch = function (input, init) {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const dial = /\\/Dial(?:\\?|$)/.test(url);
    if (dial) mark('dial:fetch');
    const r = nativeFetch.call(this, input, init);
    if (dial) mark('dial:fetch:returned');
    return dial ? r.then((v) => { mark('dial:answered'); return v; }) : r;
  };
})();`;

/** The steps of one dial, as spans in ms (NaN when a step was not seen). */
type Spans = Record<string, number>;

const SPAN_NAMES = [
  'click → Dial fetch',
  'fetch() call (its synchronous part)',
  'Dial fetch → request start (resource timing)',
  'Dial fetch → answered',
  'Dial fetch → INVITE in',
  'INVITE in → getUserMedia',
  'getUserMedia',
  'gUM → setRemoteDescription done',
  'createAnswer',
  'setLocalDescription → ICE complete',
  'ICE complete → 200 OK out',
  'INVITE in → 200 OK out',
  '200 OK out → ACK in',
  'Dial on the network (resource timing)',
  'click → ACK',
] as const;

function spansOf(wire: readonly WireEvent[], steps: readonly Step[], clickedAt: number): Spans | undefined {
  const invite = wire.find((e) => e.at >= clickedAt && e.dir === 'in' && e.start === 'INVITE');
  if (!invite) return undefined;
  const ok = wire.find((e) => e.at >= invite.at && e.dir === 'out' && e.start === '200' && e.cseq === 'INVITE');
  const ack = wire.find((e) => e.at >= invite.at && e.dir === 'in' && e.start === 'ACK');
  if (!ok || !ack) return undefined;
  const at = (name: string, from = clickedAt) => steps.find((s) => s.name === name && s.at >= from)?.at ?? NaN;
  const fetch = at('dial:fetch');
  const gumStart = at('gum:start', invite.at);
  const gumEnd = at('gum:end', invite.at);
  const remote = at('setRemoteDescription:end', invite.at);
  const answerStart = at('createAnswer:start', invite.at);
  const answerEnd = at('createAnswer:end', invite.at);
  const local = at('setLocalDescription:start', invite.at);
  const ice = at('ice:complete', invite.at);
  const marks: Spans = {};
  const seen = new Map<string, number>();
  for (const s of steps) {
    if (!s.name.startsWith('t:') || s.at < clickedAt || s.at > ack.at) continue;
    const k = (seen.get(s.name) ?? 0) + 1;
    seen.set(s.name, k);
    marks[`${s.name}#${k}`] = s.at - clickedAt;
  }
  marks['t:dial:fetch'] = fetch - clickedAt;
  marks['t:dial:answered'] = at('dial:answered') - clickedAt;
  marks['t:INVITE in'] = invite.at - clickedAt;
  return {
    ...(MARKS ? marks : {}),
    'click → Dial fetch': fetch - clickedAt,
    'fetch() call (its synchronous part)': at('dial:fetch:returned') - fetch,
    'Dial fetch → request start (resource timing)': at('dial:network:start') - fetch,
    'Dial fetch → answered': at('dial:answered') - fetch,
    'Dial fetch → INVITE in': invite.at - fetch,
    'INVITE in → getUserMedia': gumStart - invite.at,
    'getUserMedia': gumEnd - gumStart,
    'gUM → setRemoteDescription done': remote - gumEnd,
    'createAnswer': answerEnd - answerStart,
    'setLocalDescription → ICE complete': ice - local,
    'ICE complete → 200 OK out': ok.at - ice,
    'INVITE in → 200 OK out': ok.at - invite.at,
    '200 OK out → ACK in': ack.at - ok.at,
    'Dial on the network (resource timing)': at('dial:network') - at('dial:network:start'),
    'click → ACK': ack.at - clickedAt,
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The page's steps, with the Dial request's own network span (resource timing) added as two steps. */
const stepsOf = (target: Frame | Page) =>
  target.evaluate(() => {
    const dial = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => /\/Dial(?:\?|$)/.test(e.name)).pop();
    const network = dial ? [{ name: 'dial:network:start', at: dial.startTime }, { name: 'dial:network', at: dial.responseEnd }] : [];
    // Every request the page made (CALL_TIMELINE_MARKS lists those within click → ACK).
    const requests = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => ({ name: `t:request ${new URL(e.name).pathname.split('/').pop() ?? ''}`, at: e.startTime }));
    return [...(window.__steps ?? []), ...network, ...requests];
  });

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] }

/**
 * Self time per function (ms) of a CPU profile, heaviest first. `firstTask`: only the samples of
 * the first busy stretch (from the first sample that is not idle to the next idle one: the
 * click's task, when the profiler started just before the click).
 */
function selfTimes(profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] }, into: Map<string, number>, byFile: Map<string, number>, firstTask = false): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let busy = false;
  for (let i = 0; i < samples.length; i++) {
    const node = byId.get(samples[i] ?? -1);
    if (!node) continue;
    if (firstTask) {
      const idle = node.callFrame.functionName === '(idle)';
      if (idle && busy) break;
      if (idle) continue;
      busy = true;
    }
    const file = node.callFrame.url.split('/').pop() ?? '';
    const key = `${node.callFrame.functionName || '(anonymous)'} ${file}${file ? `:${node.callFrame.lineNumber + 1}` : ''}`;
    const ms = (deltas[i + 1] ?? 0) / 1000;
    into.set(key, (into.get(key) ?? 0) + ms);
    const chunk = file.replace(/-[\w-]{8}\.js$/, '') || node.callFrame.functionName;
    byFile.set(chunk, (byFile.get(chunk) ?? 0) + ms);
  }
}

async function dialtoneDial(rig: AgentConsole, profile: Map<string, number>): Promise<Spans> {
  const { page, adapter } = await rig.openTab({ audioProbe: false });
  try {
    await untilStatus(adapter, ['ready'], 20_000);
    await sleep(1500);
    await adapter.getByTestId('dial-input').fill(DIALLED);
    let session: CDPSession | undefined;
    if (PROFILE) {
      session = await rig.context.newCDPSession(adapter);
      await session.send('Profiler.enable');
      await session.send('Profiler.setSamplingInterval', { interval: PROFILE_CLICK ? 50 : 100 });
      await session.send('Profiler.start');
    }
    const clicked = await clickDial(adapter);
    // The click's task (the handler and its microtasks) is over when the evaluate returns.
    const clickProfile = session && PROFILE_CLICK ? await session.send('Profiler.stop') : undefined;
    const spans = await until('the ACK of the platform leg', async () => spansOf(await wireOf(adapter), await stepsOf(adapter), clicked.perfMs));
    if (clickProfile) {
      selfTimes(clickProfile.profile, profile, byFile, true);
      if (process.env.CALL_TIMELINE_PROFILE_SAVE) writeFileSync(`${process.env.CALL_TIMELINE_PROFILE_SAVE}-${Date.now()}.cpuprofile`, JSON.stringify(clickProfile.profile));
      await session?.detach().catch(() => undefined);
    } else if (session) {
      const { profile: cpu } = await session.send('Profiler.stop');
      selfTimes(cpu, profile, byFile);
      await session.detach().catch(() => undefined);
    }
    await untilStatus(adapter, ['dialing', 'inCall']);
    await adapter.getByTestId('hang-up').click();
    await playAfterCall(adapter);
    return spans;
  } finally {
    await page.close();
  }
}

async function floorDial(rig: AgentConsole, url: string): Promise<Spans> {
  const page = await rig.context.newPage();
  try {
    await page.goto(url);
    await page.locator('#state', { hasText: 'ready' }).waitFor({ timeout: 20_000 });
    await sleep(1500);
    const clickedAt = await page.evaluate((number) => {
      const at = performance.now();
      void window.floorDial(number);
      return at;
    }, DIALLED);
    const spans = await until('the ACK of the platform leg', async () => spansOf(await wireOf(page), await stepsOf(page), clickedAt));
    await page.evaluate(() => window.floorHangUp());
    return spans;
  } finally {
    await page.close();
  }
}

await buildFloor();
const start = loadavg();
const rig = await AgentConsole.start();
const beforeRig = BEFORE_DIR === undefined ? undefined : await AgentConsole.start({}, { softphoneDir: BEFORE_DIR });
const dialtone: Spans[] = [];
const before: Spans[] = [];
const floor: Spans[] = [];
const profile = new Map<string, number>();
const byFile = new Map<string, number>();
try {
  const dialtoneAgent = rig.agent(0);
  const floorAgent = rig.agent(1);
  for (const each of beforeRig === undefined ? [rig] : [rig, beforeRig]) {
    await each.neotel.setDialer(false);
    await each.neotel.setNumber({ number: DIALLED, neverAnswer: true });
    await each.context.addInitScript({ content: `globalThis.__name ??= (target) => target;\n${WIRE_SCRIPT}\n${STEP_SCRIPT}\n${autoLoginScript(dialtoneAgent)}` });
  }
  const served = rig.neotelServer;
  const query = new URLSearchParams({ ws: served.sipUrl, domain: new URL(served.url).hostname, user: floorAgent.user, sipPassword: floorAgent.devicePassword, neoApi: served.neoApiUrl, password: floorAgent.password });
  const floorUrl = `${served.url}/softphone/${FLOOR_DIR}/index.html?${query.toString()}`;
  const logout = (user: string) => fetch(`${served.neoApiUrl}/Logout?USUARIO=${user}`).catch(() => undefined);
  const deadline = Date.now() + 600_000;
  for (let i = 0; i < ROUNDS && Date.now() < deadline; i++) {
    const runDialtone = async () => {
      dialtone.push(await dialtoneDial(rig, profile));
      await logout(dialtoneAgent.user);
    };
    const runFloor = async () => {
      floor.push(await floorDial(rig, floorUrl));
      await logout(floorAgent.user);
    };
    const sides = [runDialtone, runFloor];
    if (beforeRig) {
      const beforeLogout = (user: string) => fetch(`${beforeRig.neotelServer.neoApiUrl}/Logout?USUARIO=${user}`).catch(() => undefined);
      sides.push(async () => {
        before.push(await dialtoneDial(beforeRig, new Map()));
        await beforeLogout(dialtoneAgent.user);
      });
    }
    // Each side goes first in turn.
    for (let k = 0; k < sides.length; k++) {
      const side = sides[(i + k) % sides.length];
      if (side) await side();
    }
    await sleep(500);
  }
} finally {
  await rig.close();
  await beforeRig?.close();
  rmSync(join('dist', FLOOR_DIR), { recursive: true, force: true });
}

const median = (rows: Spans[], name: string) => percentile(rows.map((r) => r[name] ?? NaN).filter((v) => Number.isFinite(v)), 0.5);
const la = (l: number[]) => l.map((v) => v.toFixed(2)).join(' ');
console.log(`call timeline: ${Math.min(dialtone.length, floor.length)} interleaved rounds, medians (ms, page clock); load average ${la(start)} → ${la(loadavg())}${PROFILE ? ' (Dialtone CPU-profiled)' : ''}`);
if (beforeRig) {
  console.log(`before: ${BEFORE_DIR ?? ''}, ${before.length} rounds\n| step | floor | Dialtone before | Dialtone after | after − floor |\n|---|---|---|---|---|`);
  for (const name of SPAN_NAMES) {
    const f = median(floor, name);
    const d = median(dialtone, name);
    console.log(`| ${name} | ${f.toFixed(1)} | ${median(before, name).toFixed(1)} | ${d.toFixed(1)} | ${(d - f).toFixed(1)} |`);
  }
} else {
  console.log(`| step | floor | Dialtone | extra |\n|---|---|---|---|`);
  for (const name of SPAN_NAMES) {
    const f = median(floor, name);
    const d = median(dialtone, name);
    console.log(`| ${name} | ${f.toFixed(1)} | ${d.toFixed(1)} | ${(d - f).toFixed(1)} |`);
  }
}
if (MARKS) {
  for (const [side, rows] of [['Dialtone', dialtone], ['before', before]] as const) {
    const names = [...new Set(rows.flatMap((r) => Object.keys(r).filter((k) => k.startsWith('t:'))))];
    const medians = names.map((name) => [name, median(rows, name), rows.filter((r) => Number.isFinite(r[name] ?? NaN)).length] as const).sort((a, b) => a[1] - b[1]);
    if (medians.length) console.log(`\n${side}: marks, median ms after the click (rounds seen)\n${medians.map(([n, m, c]) => `  ${m.toFixed(2).padStart(7)}  ${n} (${c})`).join('\n')}`);
  }
}
if (PER_ROUND) {
  const sides: [string, Spans[]][] = [['floor', floor], ...(beforeRig ? [['before', before] as [string, Spans[]]] : []), [beforeRig ? 'after' : 'Dialtone', dialtone]];
  console.log(`\nper round (ms): ${ROUND_STEPS.join(' | ')}\n| round | side | ${ROUND_STEPS.join(' | ')} |\n|---|---|${ROUND_STEPS.map(() => '---').join('|')}|`);
  for (let i = 0; i < dialtone.length; i++) {
    for (const [side, rows] of sides) {
      const row = rows[i];
      if (row) console.log(`| ${i + 1} | ${side} | ${ROUND_STEPS.map((name) => (row[name] ?? NaN).toFixed(1)).join(' | ')} |`);
    }
  }
}
if (PROFILE) {
  const total = [...profile.values()].reduce((a, b) => a + b, 0);
  console.log(`\nDialtone adapter CPU profile, ${PROFILE_CLICK ? "the click's task" : 'click → ACK'}, ${dialtone.length} dials, ${total.toFixed(0)} ms sampled; heaviest self time:`);
  for (const [key, ms] of [...profile].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`  ${(ms / dialtone.length).toFixed(2).padStart(7)} ms/dial  ${key}`);
  console.log('self time by chunk (native calls by name):');
  for (const [key, ms] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${(ms / dialtone.length).toFixed(2).padStart(7)} ms/dial  ${key}`);
}
