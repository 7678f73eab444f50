/**
 * Budget: JS up to a registered phone ≤ 110 KB gzip (issue 18), read from the real page: the
 * adapter in the Lightning console, its login form submitted by script the moment it is drawn
 * (bench/wire-probe.ts), and every script of dist/ the adapter frame had fully received (resource
 * timing `responseEnd`) before the 200 OK of REGISTER arrived on its SIP WebSocket. Each file is
 * gzipped at level 9 from dist/, as a server would send it. Scripts requested before the 200 but
 * still arriving are listed apart: they competed with registering but are not counted.
 *
 * `runs` loads, each in a fresh console tab of one profile (logged out between loads); the files
 * of the first load are listed, and the totals of every load. Must run inside the loopback-only
 * namespace (bench/run.ts).
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { AgentConsole } from '../e2e/agent/support/agent-console.ts';
import { untilStatus } from '../e2e/agent/support/agent-steps.ts';
import { REGISTERED_BUDGET_BYTES } from './bundle-size.ts';
import { WIRE_SCRIPT, autoLoginScript, registeredAt, wireOf } from './wire-probe.ts';

export interface RegisteredFile {
  /** `assets/x.js` in dist/. */
  readonly file: string;
  readonly gzip: number;
  /** Received before REGISTER 200 (counted), or requested before it and still arriving. */
  readonly before: boolean;
  /** Request start and response end, frame clock (ms). */
  readonly startMs: number;
  readonly endMs: number;
}

export interface RegisteredRun {
  /** Frame navigation start → REGISTER 200, frame clock. */
  readonly registerMs: number;
  /** `dialtone:ready`, the login form submitted by script, the first REGISTER sent (frame clock). */
  readonly readyMs: number;
  readonly submittedMs: number;
  readonly registerSentMs: number;
  readonly totalGzip: number;
  readonly files: readonly RegisteredFile[];
}

export interface RegisteredReport {
  readonly runs: readonly RegisteredRun[];
  readonly loadAverage: { readonly start: number[]; readonly end: number[] };
}

const gzipOf = (file: string): number | undefined => {
  try {
    return gzipSync(readFileSync(join('dist', file)), { level: 9 }).length;
  } catch {
    return undefined; // not one of dist/'s files
  }
};

export async function measureRegisteredJs(runs = 3): Promise<RegisteredReport> {
  const start = loadavg();
  const rig = await AgentConsole.start();
  const agent = rig.agent(0);
  const results: RegisteredRun[] = [];
  try {
    await rig.context.addInitScript({ content: `globalThis.__name ??= (target) => target;\n${WIRE_SCRIPT}\n${autoLoginScript(agent)}` });
    for (let i = 0; i < runs; i++) {
      const { page, adapter } = await rig.openTab({ audioProbe: false });
      try {
        await untilStatus(adapter, ['ready'], 30_000);
        const wire = await wireOf(adapter);
        const registerMs = registeredAt(wire);
        const registerSentMs = wire.find((e) => e.dir === 'out' && e.start === 'REGISTER')?.at ?? NaN;
        const [readyMs, submittedMs] = await adapter.evaluate(() => ['dialtone:ready', 'bench:login-submitted'].map((name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN));
        if (registerMs === undefined) throw new Error('the agent is Ready but no REGISTER 200 was seen on the SIP WebSocket');
        const entries = await adapter.evaluate(() =>
          (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
            .filter((e) => new URL(e.name).pathname.endsWith('.js'))
            .map((e) => ({ path: new URL(e.name).pathname, startTime: e.startTime, responseEnd: e.responseEnd })),
        );
        const files: RegisteredFile[] = [];
        for (const entry of entries) {
          if (entry.startTime > registerMs) continue;
          const file = entry.path.replace(/^.*\/softphone\//, '');
          const gzip = gzipOf(file);
          if (gzip !== undefined) files.push({ file, gzip, before: entry.responseEnd <= registerMs, startMs: entry.startTime, endMs: entry.responseEnd });
        }
        results.push({ registerMs, readyMs: readyMs ?? NaN, submittedMs: submittedMs ?? NaN, registerSentMs, totalGzip: files.filter((f) => f.before).reduce((s, f) => s + f.gzip, 0), files });
      } finally {
        await page.close();
        await fetch(`${rig.neotelServer.neoApiUrl}/Logout?USUARIO=${agent.user}`).catch(() => undefined);
      }
    }
  } finally {
    await rig.close();
  }
  return { runs: results, loadAverage: { start, end: loadavg() } };
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

export function printRegisteredReport(report: RegisteredReport): void {
  const la = (v: number[]) => v.map((x) => x.toFixed(2)).join(' ');
  console.log(`JS up to a registered phone, from the real page (adapter frame, scripts received before REGISTER 200, gzip -9 from dist/); load average ${la(report.loadAverage.start)} at start, ${la(report.loadAverage.end)} at end:`);
  const first = report.runs[0];
  if (!first) {
    console.log('  no load completed');
    return;
  }
  console.log(`  first load: REGISTER 200 at ${first.registerMs.toFixed(0)} ms; each file's request start → response end:`);
  for (const f of [...first.files].sort((a, b) => a.startMs - b.startMs)) console.log(`  ${f.before ? 'counted ' : 'arriving'} ${f.file.padEnd(44)} ${kb(f.gzip).padStart(9)}  ${f.startMs.toFixed(0).padStart(5)} → ${f.endMs.toFixed(0).padStart(5)} ms`);
  const totals = report.runs.map((r) => r.totalGzip);
  const worst = Math.max(...totals);
  const verdict = worst <= REGISTERED_BUDGET_BYTES ? 'within' : 'OVER';
  console.log(`  total per load: ${totals.map(kb).join(', ')} — ${verdict} the ${kb(REGISTERED_BUDGET_BYTES)} budget`);
  console.log('  navigation start → ready / login submitted / REGISTER sent / REGISTER 200, per load (frame clock):');
  for (const r of report.runs) console.log(`    ${[r.readyMs, r.submittedMs, r.registerSentMs, r.registerMs].map((ms) => `${ms.toFixed(0)} ms`).join(' / ')}`);
}
