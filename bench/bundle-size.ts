/**
 * Budget: adapter JS loaded before the phone is usable ≤ 95 KB gzip (docs/architecture.md).
 *
 * Reads dist/ (run `npm run build` first): follows the entry script of index.html and its static
 * imports (modulepreload links and `import` statements), gzips each at level 9 the way a server
 * would, and reports the total. Lazily imported chunks are listed apart: they are not loaded
 * before the phone is usable.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

export const BUDGET_BYTES = 95 * 1024;

export interface BundleReport {
  eager: { file: string; raw: number; gzip: number }[];
  lazy: { file: string; raw: number; gzip: number }[];
  eagerGzip: number;
  budget: number;
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
  return { eager: eagerList, lazy: lazyList, eagerGzip: eagerList.reduce((s, f) => s + f.gzip, 0), budget: BUDGET_BYTES };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

export function printBundleReport(report: BundleReport): void {
  console.log('adapter bundle (gzip -9):');
  for (const f of report.eager) console.log(`  eager ${f.file.padEnd(40)} ${kb(f.raw).padStart(9)} raw ${kb(f.gzip).padStart(9)} gzip`);
  for (const f of report.lazy) console.log(`  lazy  ${f.file.padEnd(40)} ${kb(f.raw).padStart(9)} raw ${kb(f.gzip).padStart(9)} gzip`);
  const verdict = report.eagerGzip <= report.budget ? 'within' : 'OVER';
  console.log(`  loaded before the phone is usable: ${kb(report.eagerGzip)} gzip — ${verdict} the ${kb(report.budget)} budget`);
}
