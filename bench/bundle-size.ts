/**
 * Budgets (../shared/DESIGN.md): eager adapter JS ≤ 60 KB gzip; eager + what a registered phone
 * needs (the agent session and sip.js chunks) ≤ 110 KB gzip.
 *
 * Reads dist/ (run `npm run build` first): follows the entry script of index.html and its static
 * imports (modulepreload links and `import` statements), gzips each at level 9 the way a server
 * would, and reports the total. Lazily imported chunks are listed apart, with each dependency's
 * share of the eager and registering chunks (bench/bundle-share.ts).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { printShares } from './bundle-share.ts';

export const EAGER_BUDGET_BYTES = 60 * 1024;
export const REGISTERED_BUDGET_BYTES = 110 * 1024;
/** The lazy chunks a phone needs to register: the agent session (runtime, NeoApi, storage, tabs) and sip.js. */
const REGISTERING_CHUNKS = /^assets\/(agent-session|sip-phone)-[\w-]+\.js$/;

export interface BundleReport {
  eager: { file: string; raw: number; gzip: number }[];
  lazy: { file: string; raw: number; gzip: number }[];
  eagerGzip: number;
  /** Eager plus the chunks registering needs. */
  registeredGzip: number;
  budget: number;
  dist: string;
}

export function measureBundle(dist = 'dist'): BundleReport {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entries = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\.?\/?([^"]+\.js)"/g)].map((m) => m[1]!);
  const eager = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (eager.has(file)) continue;
    eager.add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    // Static imports only: `import … from "./x.js"` / `import "./x.js"`; not `import("./x.js")`.
    for (const m of code.matchAll(/(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.js)["']/g)) {
      queue.push(posix.normalize(posix.join(posix.dirname(file), m[1]!)));
    }
  }
  const size = (file: string) => {
    const buf = readFileSync(join(dist, file));
    return { file, raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
  };
  const all = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`);
  const eagerList = [...eager].map(size);
  const lazyList = all.filter((f) => !eager.has(f)).map(size);
  const eagerGzip = eagerList.reduce((s, f) => s + f.gzip, 0);
  const registeredGzip = eagerGzip + lazyList.filter((f) => REGISTERING_CHUNKS.test(f.file)).reduce((s, f) => s + f.gzip, 0);
  return { eager: eagerList, lazy: lazyList, eagerGzip, registeredGzip, budget: EAGER_BUDGET_BYTES, dist };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

export function printBundleReport(report: BundleReport): void {
  console.log('adapter bundle (gzip -9):');
  for (const f of report.eager) console.log(`  eager ${f.file.padEnd(40)} ${kb(f.raw).padStart(9)} raw ${kb(f.gzip).padStart(9)} gzip`);
  for (const f of report.lazy) console.log(`  lazy  ${f.file.padEnd(40)} ${kb(f.raw).padStart(9)} raw ${kb(f.gzip).padStart(9)} gzip`);
  const verdict = (value: number, budget: number) => (value <= budget ? 'within' : 'OVER');
  console.log(`  eager (start-up): ${kb(report.eagerGzip)} gzip — ${verdict(report.eagerGzip, report.budget)} the ${kb(report.budget)} budget`);
  console.log(`  up to a registered phone (eager + agent session + sip.js): ${kb(report.registeredGzip)} gzip — ${verdict(report.registeredGzip, REGISTERED_BUDGET_BYTES)} the ${kb(REGISTERED_BUDGET_BYTES)} budget`);
  for (const f of [...report.eager, ...report.lazy.filter((l) => REGISTERING_CHUNKS.test(l.file))]) printShares(report.dist, f.file, 400);
}
