/**
 * Where the time from page load to REGISTER 200 goes, in the real page (issue 18, item 1): the
 * adapter in the Lightning console as the comparison opens it (bench/floor-compare.ts), the login
 * form submitted by script the moment it is drawn, and an init script in the adapter frame that
 * timestamps, on the frame's clock, every call the boot makes to the browser — `fetch`, IndexedDB
 * opens, Web Locks requests and grants, `enumerateDevices` / `getUserMedia` / permission queries,
 * WebCrypto, the Open CTI library's calls and their answers, the SIP WebSocket, timers of 20 ms or
 * more (with the caller) — plus the app's own `dialtone:*` marks and long tasks.
 *
 * `node --import tsx bench/boot-timeline.ts` after `npm run build` runs inside the loopback
 * namespace by itself (as bench/run.ts). `BOOT_TIMELINE_LOADS` (default 5, 1 to 20) loads; the
 * first is printed in full, then each load's spans and their medians.
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';

import { AgentConsole } from '../e2e/agent/support/agent-console.ts';
import { untilStatus } from '../e2e/agent/support/agent-steps.ts';
import { percentile } from './stats.ts';
import { TRACE_CATEGORIES, printLongTasks, printProfile } from './boot-profile.ts';
import { traceOf } from './trace-summary.ts';
import { WIRE_SCRIPT, autoLoginScript, wireOf } from './wire-probe.ts';
import { LOGIN_FORM_SCRIPT } from './login-form-probe.ts';

/** One timed call, frame clock (ms); `end` NaN when it never answered. */
interface TimedCall {
  readonly what: string;
  readonly start: number;
  readonly end: number;
}

declare global {
  interface Window {
    __timeline?: TimedCall[];
  }
}

/** Runs before the adapter's scripts; only in the adapter frame (bench/reload-register.ts reads it too). */
export const TIMELINE_SCRIPT = `(() => {
  if (!location.pathname.includes('/softphone/') || location.pathname.includes('/bench-floor/')) return;
  const calls = [];
  window.__timeline = calls;
  const now = () => performance.now();
  const open = (what) => { const entry = { what, start: now(), end: NaN }; calls.push(entry); return entry; };
  const close = (entry) => { entry.end = now(); };
  const caller = () => {
    const lines = (new Error().stack || '').split('\\n').slice(3, 5).map((l) => l.trim().replace(/^at /, '').replace(/https?:\\/\\/[^/]+\\/softphone\\//, '').replace(/\\?[^:)]*/, ''));
    return lines.join(' < ');
  };
  const wrapAsync = (target, name, label) => {
    const native = target && target[name];
    if (typeof native !== 'function') return;
    target[name] = function (...args) {
      const entry = open(label(args));
      const result = native.apply(this, args);
      if (result && typeof result.then === 'function') result.then(() => close(entry), () => { close(entry); entry.what += ' (rejected)'; });
      else close(entry);
      return result;
    };
  };
  wrapAsync(window, 'fetch', (a) => 'fetch ' + String(a[0] && a[0].url || a[0]).replace(/^https?:\\/\\/[^/]+/, '').slice(0, 70));
  if (navigator.mediaDevices) {
    wrapAsync(navigator.mediaDevices, 'enumerateDevices', () => 'enumerateDevices');
    wrapAsync(navigator.mediaDevices, 'getUserMedia', () => 'getUserMedia');
  }
  if (navigator.permissions) wrapAsync(navigator.permissions, 'query', (a) => 'permissions.query ' + (a[0] && a[0].name));
  for (const name of ['decrypt', 'encrypt', 'importKey', 'deriveKey', 'generateKey']) wrapAsync(crypto.subtle, name, () => 'crypto.' + name);
  if (navigator.locks) {
    const request = navigator.locks.request.bind(navigator.locks);
    navigator.locks.request = (name, ...rest) => {
      const entry = open('locks.request ' + name + ' → granted');
      const callback = rest[rest.length - 1];
      rest[rest.length - 1] = (lock) => { close(entry); if (!lock) entry.what += ' (not available)'; return callback(lock); };
      return request(name, ...rest);
    };
  }
  const idbOpen = indexedDB.open.bind(indexedDB);
  indexedDB.open = (name, version) => {
    const entry = open('indexedDB.open ' + name);
    const req = version === undefined ? idbOpen(name) : idbOpen(name, version);
    req.addEventListener('success', () => close(entry));
    req.addEventListener('error', () => { close(entry); entry.what += ' (error)'; });
    return req;
  };
  const nativeTimeout = window.setTimeout.bind(window);
  window.setTimeout = (fn, ms, ...rest) => {
    if (typeof ms === 'number' && ms >= 20 && ms < 60000) {
      const entry = open('setTimeout ' + ms + ' ms ← ' + caller());
      return nativeTimeout((...a) => { close(entry); if (typeof fn === 'function') fn(...a); }, ms, ...rest);
    }
    return nativeTimeout(fn, ms, ...rest);
  };
  const NativeSocket = window.WebSocket;
  window.WebSocket = class extends NativeSocket {
    constructor(...args) {
      const entry = open('WebSocket ' + String(args[0]).replace(/^wss?:\\/\\/[^/]+/, '') + ' open');
      super(...args);
      this.addEventListener('open', () => close(entry));
      this.addEventListener('error', () => { close(entry); entry.what += ' (error)'; });
    }
  };
  // The Open CTI library installs window.sforce.opencti: time each method until its callback.
  let sforce;
  Object.defineProperty(window, 'sforce', {
    configurable: true,
    get: () => sforce,
    set: (value) => {
      sforce = value;
      let api;
      Object.defineProperty(value, 'opencti', {
        configurable: true,
        get: () => api,
        set: (raw) => {
          api = {};
          for (const [key, fn] of Object.entries(raw)) {
            if (typeof fn !== 'function' || key.startsWith('on') || key.startsWith('SOFTPHONE')) { api[key] = fn; continue; }
            api[key] = (arg = {}) => {
              const entry = open('opencti.' + key);
              const callback = arg.callback;
              return fn({ ...arg, callback: (r) => { close(entry); if (typeof callback === 'function') callback(r); } });
            };
          }
          for (const key of Object.keys(raw)) if (!(key in api)) api[key] = raw[key];
        },
      });
    },
  });
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) calls.push({ what: 'long task', start: e.startTime, end: e.startTime + e.duration }); }).observe({ type: 'longtask', buffered: true });
  } catch {}
})();`;

/** One load: every timed call, the marks and the SIP landmarks (frame clock). */
export interface BootLoad {
  readonly calls: readonly TimedCall[];
  readonly marks: Readonly<Record<string, number>>;
  readonly registerSentMs: number;
  readonly registerOkMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One build's loads (the A/B mode compares `before`, another dist/, with this one). */
export interface BootSide {
  readonly name: 'after' | 'before';
  readonly loads: BootLoad[];
}

export interface BootTimelineReport {
  readonly sides: readonly BootSide[];
  readonly loadAverage: { readonly start: number[]; readonly end: number[] };
}

interface Rig {
  readonly side: BootSide;
  readonly console: AgentConsole;
  readonly agent: ReturnType<AgentConsole['agent']>;
}

/**
 * `loads` loads of dist/ or `afterDir` (and, with `beforeDir`, as many of that build, interleaved one for one,
 * alternating which goes first, each build behind its own simulator and browser). `trace` or
 * `profile` apply to the first load of dist/ only.
 */
export async function measureBootTimeline(loads = 5, trace = false, profile: Profile = false, beforeDir?: string, afterDir?: string): Promise<BootTimelineReport> {
  const start = loadavg();
  const rigs: Rig[] = [];
  try {
    const builds: { name: BootSide['name']; dir: string | undefined }[] = [{ name: 'after', dir: afterDir }];
    if (beforeDir !== undefined) builds.push({ name: 'before', dir: beforeDir });
    for (const { name, dir } of builds) {
      const rig = await AgentConsole.start({}, dir === undefined ? {} : { softphoneDir: dir });
      const agent = rig.agent(0);
      rigs.push({ side: { name, loads: [] }, console: rig, agent });
      await rig.context.addInitScript({ content: `globalThis.__name ??= (target) => target;\n${WIRE_SCRIPT}\n${TIMELINE_SCRIPT}\n${LOGIN_FORM_SCRIPT}\n${autoLoginScript(agent)}` });
    }
    for (let i = 0; i < loads; i++) {
      for (const rig of i % 2 === 0 ? rigs : [...rigs].reverse()) rig.side.loads.push(await loadOnce(rig, i === 0 && rig.side.name === 'after' ? { trace, profile } : {}));
    }
  } finally {
    for (const rig of rigs) await rig.console.close();
  }
  return { sides: rigs.map((r) => r.side), loadAverage: { start, end: loadavg() } };
}

/** `true`: profile the frame up to the agent's Ready (login included); `'ready'`: up to `dialtone:ready`. */
type Profile = boolean | 'ready';

async function loadOnce({ console: rig, agent }: Rig, { trace = false, profile = false }: { trace?: boolean; profile?: Profile }): Promise<BootLoad> {
  const opened = async () => {
    const tab = await rig.openTab({ audioProbe: false });
    await untilStatus(tab.adapter, ['ready'], 30_000);
    return tab;
  };
  let tab: Awaited<ReturnType<typeof opened>> | undefined;
  if (profile) {
    // From the frame's attachment (its scripts may have begun) to Ready, login included.
    const attached = await rig.openTab({ audioProbe: false });
    const session = await rig.context.newCDPSession(attached.adapter);
    await session.send('Profiler.enable');
    await session.send('Profiler.setSamplingInterval', { interval: 200 });
    await session.send('Profiler.start');
    if (profile === 'ready') await attached.adapter.waitForFunction(() => performance.getEntriesByName('dialtone:ready').length > 0, undefined, { timeout: 30_000, polling: 20 });
    else await untilStatus(attached.adapter, ['ready'], 30_000);
    const { profile: cpu } = await session.send('Profiler.stop');
    printProfile(cpu, profile === 'ready' ? 'dialtone:ready' : 'Ready');
    if (profile === 'ready') await untilStatus(attached.adapter, ['ready'], 30_000);
    await session.detach();
    tab = attached;
  } else if (trace) {
    const blank = await rig.context.newPage();
    const session = await rig.context.newCDPSession(blank);
    printLongTasks(await traceOf(session, async () => void (tab = await opened()), TRACE_CATEGORIES));
    await blank.close();
  } else tab = await opened();
  if (!tab) throw new Error('no console tab');
  const { page, adapter } = tab;
  try {
    const wire = await wireOf(adapter);
    const registerSentMs = wire.find((e) => e.dir === 'out' && e.start === 'REGISTER')?.at ?? NaN;
    const registerOkMs = wire.find((e) => e.dir === 'in' && e.start === '200' && e.cseq === 'REGISTER')?.at ?? NaN;
    const { calls, marks, resources } = await adapter.evaluate(() => ({
      calls: window.__timeline ?? [],
      marks: Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])),
      resources: (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((e) => /\.(js|json)$/.test(new URL(e.name).pathname))
        .map((e) => ({ what: `load ${new URL(e.name).pathname.replace(/^.*\/softphone\//, '')}`, start: e.startTime, end: e.responseEnd })),
    }));
    const nav = await adapter.evaluate(() => {
      const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      const paints = performance.getEntriesByType('paint').map((p) => ({ what: p.name, start: p.startTime, end: p.startTime }));
      return [...paints, ...(n ? [{ what: 'document received', start: n.requestStart, end: n.responseEnd }, { what: 'DOMContentLoaded', start: n.domContentLoadedEventStart, end: n.domContentLoadedEventEnd }] : [])];
    });
    return { calls: [...calls, ...resources, ...nav], marks, registerSentMs, registerOkMs };
  } finally {
    await page.close();
    await fetch(`${rig.neotelServer.neoApiUrl}/Logout?USUARIO=${agent.user}`).catch(() => undefined);
    await sleep(300);
  }
}

/** End (frame clock) of the first call whose name starts with `what`; NaN when none. */
const endOf = (l: BootLoad, what: string): number => l.calls.find((c) => c.what.startsWith(what))?.end ?? NaN;
const startOf = (l: BootLoad, what: string): number => l.calls.find((c) => c.what.startsWith(what))?.start ?? NaN;

/**
 * The boot up to `ready`, phase by phase, each the time at which the phase ended (frame clock):
 * which of them lies on the critical path shows in which one grows.
 */
export const BOOT_PHASES: readonly [string, (l: BootLoad) => number][] = [
  ['start-up bundle fetched', (l) => endOf(l, 'load assets/index-')],
  ['trusted-origins.json read', (l) => endOf(l, 'fetch /softphone/trusted-origins.json')],
  ['Open CTI library fetched', (l) => endOf(l, 'load /support/api/')],
  ['DOMContentLoaded (bundle run)', (l) => endOf(l, 'DOMContentLoaded')],
  ['session chunk fetched', (l) => endOf(l, 'load assets/agent-session-')],
  // The texts the form is drawn in: `ready` waits for them (src/app/softphone-app.ts, `textsOf`).
  ['language catalogue fetched', (l) => l.calls.find((c) => /^load assets\/(es|pt|en)-/.test(c.what))?.end ?? NaN],
  ['getCallCenterSettings asked', (l) => startOf(l, 'opencti.getCallCenterSettings')],
  ['getCallCenterSettings answered', (l) => endOf(l, 'opencti.getCallCenterSettings')],
  ['dialtone:ready', (l) => l.marks['dialtone:ready'] ?? NaN],
  ['first paint of the frame', (l) => endOf(l, 'first-paint')],
  ['login form usable', (l) => l.marks['bench:login-form'] ?? NaN],
];

const span = (l: BootLoad, what: string): number => {
  const c = l.calls.find((call) => call.what.startsWith(what));
  return c ? c.end - c.start : NaN;
};
const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(0) : '—');

export function printBootTimeline(report: BootTimelineReport): void {
  const la = (v: readonly number[]) => v.map((x) => x.toFixed(2)).join(' ');
  const counts = report.sides.map((side) => `${side.loads.length} loads of ${side.name === 'after' ? 'dist/' : 'the before build'}`).join(', ');
  console.log(`boot timeline, ${counts} (frame clock, ms); load average ${la(report.loadAverage.start)} at start, ${la(report.loadAverage.end)} at end`);
  const first = report.sides[0]?.loads[0];
  if (!first) return;
  const rows = [
    ...first.calls.map((c) => ({ at: c.start, line: `${ms(c.start).padStart(6)} → ${ms(c.end).padStart(6)}  (${ms(c.end - c.start).padStart(5)})  ${c.what}` })),
    ...Object.entries(first.marks).map(([name, at]) => ({ at, line: `${ms(at).padStart(6)}                    mark ${name}` })),
    { at: first.registerSentMs, line: `${ms(first.registerSentMs).padStart(6)}                    REGISTER sent` },
    { at: first.registerOkMs, line: `${ms(first.registerOkMs).padStart(6)}                    REGISTER 200` },
  ].sort((a, b) => a.at - b.at);
  console.log('first load of dist/:');
  for (const row of rows) console.log(`  ${row.line}`);
  const spans: [string, (l: BootLoad) => number][] = [
    ['navigation → document received', (l) => l.calls.find((c) => c.what === 'document received')?.end ?? NaN],
    ...BOOT_PHASES.map(([name, pick]): [string, (l: BootLoad) => number] => [`  ${name}`, pick]),
    ['navigation → dialtone:ready', (l) => l.marks['dialtone:ready'] ?? NaN],
    ['getCallCenterSettings', (l) => span(l, 'opencti.getCallCenterSettings')],
    // 0 when the form was usable before the frame first painted (the first paint showed it), as bench/boot-time.ts.
    ['paint-to-interactive', (l) => Math.max(0, (l.marks['bench:login-form'] ?? NaN) - endOf(l, 'first-paint'))],
    ['ready → login submitted', (l) => (l.marks['bench:login-submitted'] ?? NaN) - (l.marks['dialtone:ready'] ?? NaN)],
    ['login submitted → REGISTER sent', (l) => l.registerSentMs - (l.marks['bench:login-submitted'] ?? NaN)],
    ['SIP WebSocket open', (l) => span(l, 'WebSocket /sip open')],
    ['REGISTER sent → 200', (l) => l.registerOkMs - l.registerSentMs],
    ['navigation → REGISTER 200', (l) => l.registerOkMs],
  ];
  for (const side of report.sides) {
    console.log(`spans of ${side.name === 'after' ? 'dist/' : 'the before build'} per load, then the median:`);
    for (const [name, pick] of spans) {
      const values = side.loads.map(pick);
      console.log(`  ${name.padEnd(34)} ${values.map(ms).join(', ').padEnd(48)} median ${ms(percentile(values.filter(Number.isFinite), 0.5))}`);
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.env.DIALTONE_LOOPBACK_NS !== '1') {
    const r = spawnSync('sh', ['scripts/in-loopback.sh', process.execPath, ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
    process.exit(r.status ?? 1);
  }
  const loads = Number(process.env.BOOT_TIMELINE_LOADS ?? 5);
  if (!Number.isInteger(loads) || loads < 1 || loads > 20) {
    console.error(`BOOT_TIMELINE_LOADS is ${process.env.BOOT_TIMELINE_LOADS}; expected a whole number of loads from 1 to 20`);
    process.exit(2);
  }
  printBootTimeline(await measureBootTimeline(loads, process.env.BOOT_TIMELINE_TRACE === '1', process.env.BOOT_TIMELINE_PROFILE === 'ready' ? 'ready' : process.env.BOOT_TIMELINE_PROFILE === '1', process.env.BOOT_TIMELINE_BEFORE, process.env.BOOT_TIMELINE_AFTER));
}
