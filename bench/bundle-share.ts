/**
 * Who is in each chunk of dist/: the built code attributed to its sources through the source
 * map, grouped by npm package (`sip.js`, `zod`…) or by `src/<folder>`. Each group's gzip size is
 * its code gzipped alone, so the groups do not add up exactly to the chunk's gzip (gzip shares
 * a window across groups); it says which part is heavy, which is what a cut needs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SourceMapConsumer, type RawSourceMap } from 'source-map-js';

export interface ShareRow {
  readonly group: string;
  readonly raw: number;
  readonly gzip: number;
}

/** `node_modules/.pnpm/x/node_modules/@scope/pkg/…` → `@scope/pkg`; `src/app/x.ts` → `src/app`. */
export function groupOf(source: string): string {
  const modules = source.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const [first = '?', second = ''] = source.slice(modules + 'node_modules/'.length).split('/');
    return first.startsWith('@') ? `${first}/${second}` : first;
  }
  const src = /(?:^|\/)src\/([^/]+)\//.exec(source);
  if (src) return `src/${src[1]}`;
  return source.replace(/^(\.\.\/)+/, '');
}

/** The groups of one built chunk (`assets/x.js`), largest first. */
export function chunkShares(dist: string, file: string): ShareRow[] {
  const code = readFileSync(join(dist, file), 'utf8');
  const map = JSON.parse(readFileSync(join(dist, `${file}.map`), 'utf8')) as RawSourceMap;
  const consumer = new SourceMapConsumer(map);
  const lines = code.split('\n');
  const parts = new Map<string, string[]>();
  let last: { line: number; column: number; group: string } | undefined;
  const flush = (line: number, column: number): void => {
    if (!last) return;
    const text = last.line === line ? (lines[line - 1] ?? '').slice(last.column, column) : (lines[last.line - 1] ?? '').slice(last.column);
    const list = parts.get(last.group) ?? [];
    list.push(text);
    parts.set(last.group, list);
  };
  consumer.eachMapping((m) => {
    flush(m.generatedLine, m.generatedColumn);
    last = { line: m.generatedLine, column: m.generatedColumn, group: m.source === null ? '(bundler)' : groupOf(m.source) };
  });
  flush(Number.MAX_SAFE_INTEGER, 0);
  return [...parts].map(([group, texts]) => {
    const joined = Buffer.from(texts.join(''));
    return { group, raw: joined.length, gzip: gzipSync(joined, { level: 9 }).length };
  }).sort((a, b) => b.gzip - a.gzip);
}

const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;

/** Prints the groups of `file` above `minBytes` gzip. */
export function printShares(dist: string, file: string, minBytes = 512): void {
  const rows = chunkShares(dist, file);
  console.log(`  ${file}, by source (each group gzipped alone):`);
  for (const row of rows.filter((r) => r.gzip >= minBytes)) console.log(`    ${row.group.padEnd(28)} ${kb(row.raw).padStart(9)} raw ${kb(row.gzip).padStart(8)} gzip`);
  const rest = rows.filter((r) => r.gzip < minBytes);
  if (rest.length > 0) console.log(`    ${`${rest.length} smaller groups`.padEnd(28)} ${kb(rest.reduce((s, r) => s + r.raw, 0)).padStart(9)} raw`);
}
