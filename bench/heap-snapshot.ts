/**
 * Heap snapshots for the soak (`BENCH_SOAK_SNAPSHOTS=<dir>`) and their diff, to see what a growing
 * heap is made of instead of guessing (docs/benchmarks.md, "Heap after many calls").
 *
 * `takeSnapshot` writes the V8 heap of a CDP session's target as a `.heapsnapshot` file (DevTools
 * opens it). `diffSnapshots` compares two snapshots of the same page: V8 keeps an object's id
 * across snapshots of one session, so the objects of the later one whose id the earlier one lacks
 * are the ones created since and still alive. They are grouped by type and constructor (strings by
 * their first characters), with each group's most common retainer; plus the totals per node type
 * in both snapshots, which show what grew even where objects were replaced (code, for one).
 *
 * Run the diff alone: `node --import tsx bench/heap-snapshot.ts before.heapsnapshot after.heapsnapshot`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { SourceMapConsumer, type RawSourceMap } from 'source-map-js';
import type { CDPSession } from 'playwright-core';

/** Writes the target's heap (after the caller's GC) to `file`. Enabling HeapProfiler keeps ids stable across snapshots. */
export async function takeSnapshot(session: CDPSession, file: string): Promise<void> {
  const chunks: string[] = [];
  const onChunk = ({ chunk }: { chunk: string }) => void chunks.push(chunk);
  session.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await session.send('HeapProfiler.enable');
    await session.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    session.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  }
  writeFileSync(file, chunks.join(''));
}

interface RawSnapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]]; edge_fields: string[]; edge_types: [string[], ...unknown[]]; location_fields?: string[] } };
  nodes: number[];
  /** Per closure: node offset, script id, line, column (0-based), as `location_fields` says. */
  locations?: number[];
  edges: number[];
  strings: string[];
}

interface Parsed {
  ids: Map<number, number>;
  /** Node index (not offset) → type:name label. */
  label: (node: number) => string;
  selfSize: (node: number) => number;
  type: (node: number) => string;
  /** Node index → first retainer's label and edge name. */
  retainer: (node: number) => string;
  /** Node index → the file of the script whose function holds it (code objects), else `null`. */
  scriptOf: (node: number) => string | null;
  /** The same, with the script's full URL and, when the function is a closure, where it starts in the script (0-based). */
  functionOf: (node: number) => FunctionSite | null;
}

/** Where a code object's function is. */
export interface FunctionSite {
  /** The script's file name (last path part), or a note when it has no URL. */
  file: string;
  url: string;
  line?: number;
  column?: number;
}

function parse(file: string): Parsed {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as RawSnapshot;
  const meta = raw.snapshot.meta;
  const nodeFields = meta.node_fields.length;
  const edgeFields = meta.edge_fields.length;
  const [typeAt, nameAt, idAt, sizeAt, edgeCountAt] = ['type', 'name', 'id', 'self_size', 'edge_count'].map((f) => meta.node_fields.indexOf(f)) as [number, number, number, number, number];
  const [edgeTypeAt, edgeNameAt, toAt] = ['type', 'name_or_index', 'to_node'].map((f) => meta.edge_fields.indexOf(f)) as [number, number, number];
  const nodeTypes = meta.node_types[0];
  const edgeTypes = meta.edge_types[0];
  const count = raw.nodes.length / nodeFields;
  const type = (n: number) => nodeTypes[raw.nodes[n * nodeFields + typeAt] ?? 0] ?? '?';
  const name = (n: number) => raw.strings[raw.nodes[n * nodeFields + nameAt] ?? 0] ?? '?';
  const label = (n: number) => {
    const t = type(n);
    const text = name(n).replace(/\s+/g, ' ');
    return t === 'string' || t === 'concatenated string' || t === 'sliced string' ? `${t}:${JSON.stringify(text.slice(0, 48))}` : `${t}:${text.slice(0, 80)}`;
  };
  // Edges are stored per node in node order; index where each node's start, and who retains whom.
  const edgeStart = new Uint32Array(count + 1);
  const retainerCount = new Uint32Array(count + 1);
  for (let n = 0, edge = 0; n < count; n++) {
    edgeStart[n] = edge;
    const edges = raw.nodes[n * nodeFields + edgeCountAt] ?? 0;
    for (let e = 0; e < edges; e++, edge++) { const at = (raw.edges[edge * edgeFields + toAt] ?? 0) / nodeFields + 1; retainerCount[at] = (retainerCount[at] ?? 0) + 1; }
    edgeStart[n + 1] = edge + edges;
  }
  for (let n = 1; n <= count; n++) retainerCount[n] = (retainerCount[n] ?? 0) + (retainerCount[n - 1] ?? 0);
  const retainerStart = retainerCount.slice();
  const retainerEdges = new Uint32Array(retainerStart[count] ?? 0);
  const fill = retainerStart.slice();
  for (let n = 0; n < count; n++) {
    for (let edge = edgeStart[n] ?? 0; edge < (edgeStart[n + 1] ?? 0); edge++) {
      const to = (raw.edges[edge * edgeFields + toAt] ?? 0) / nodeFields;
      retainerEdges[fill[to] ?? 0] = edge;
      fill[to] = (fill[to] ?? 0) + 1;
    }
  }
  const edgeKind = (edge: number) => edgeTypes[raw.edges[edge * edgeFields + edgeTypeAt] ?? 0] ?? '?';
  const edgeName = (edge: number) => {
    const kind = edgeKind(edge);
    const value = raw.edges[edge * edgeFields + edgeNameAt] ?? 0;
    return kind === 'element' || kind === 'hidden' ? `[${value}]` : (raw.strings[value] ?? '?');
  };
  // Owners of edges, found once per edge by binary search over edgeStart.
  const ownerOf = (edge: number) => {
    let lo = 0;
    let hi = count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((edgeStart[mid] ?? 0) <= edge) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const retainersOf = (n: number) => {
    const result: { from: number; edge: number }[] = [];
    for (let i = retainerStart[n] ?? 0; i < (retainerStart[n + 1] ?? 0); i++) {
      const edge = retainerEdges[i] ?? 0;
      result.push({ from: ownerOf(edge), edge });
    }
    return result;
  };
  const child = (n: number, field: string): number | undefined => {
    for (let edge = edgeStart[n] ?? 0; edge < (edgeStart[n + 1] ?? 0); edge++) {
      if (edgeName(edge) === field) return (raw.edges[edge * edgeFields + toAt] ?? 0) / nodeFields;
    }
    return undefined;
  };
  const ids = new Map<number, number>();
  for (let n = 0; n < count; n++) ids.set(raw.nodes[n * nodeFields + idAt] ?? -1, n);
  const retainer = (n: number) => {
    const strong = retainersOf(n).find(({ edge }) => edgeKind(edge) !== 'weak' && edgeKind(edge) !== 'shortcut');
    return strong === undefined ? '(none)' : `${label(strong.from)} .${edgeName(strong.edge)}`;
  };
  const locationOf = new Map<number, [number, number]>();
  const locationFields = meta.location_fields ?? [];
  const [locNodeAt, locLineAt, locColumnAt] = ['object_index', 'line', 'column'].map((f) => locationFields.indexOf(f)) as [number, number, number];
  const locations = raw.locations ?? [];
  for (let at = 0; locationFields.length > 0 && at < locations.length; at += locationFields.length) {
    locationOf.set((locations[at + locNodeAt] ?? 0) / nodeFields, [locations[at + locLineAt] ?? 0, locations[at + locColumnAt] ?? 0]);
  }
  // A code object's owner: the nearest function (closure or SharedFunctionInfo) among its
  // retainers, a few hops up (Code ← FeedbackVector ← FeedbackCell ← closure, and the like).
  const functionOf = (node: number): FunctionSite | null => {
    const seen = new Set<number>();
    let level = [node];
    for (let hop = 0; hop < 5 && level.length > 0; hop++) {
      const next: number[] = [];
      for (const n of level) {
        if (seen.has(n)) continue;
        seen.add(n);
        const shared = type(n) === 'closure' ? child(n, 'shared') : name(n).includes('SharedFunctionInfo') ? n : undefined;
        const script = shared === undefined ? undefined : child(shared, 'script');
        const fileNode = script === undefined ? undefined : child(script, 'name');
        const url = fileNode === undefined ? undefined : name(fileNode);
        if (url !== undefined) {
          const file = url === '' ? "(no URL: the test driver's injected script)" : url.slice(url.lastIndexOf('/') + 1);
          // A SharedFunctionInfo has no location of its own; a closure made from it has.
          const closure = locationOf.has(n) ? n : retainersOf(n).map(({ from }) => from).find((from) => type(from) === 'closure' && locationOf.has(from));
          const at = closure === undefined ? undefined : locationOf.get(closure);
          return at === undefined ? { file, url } : { file, url, line: at[0], column: at[1] };
        }
        next.push(...retainersOf(n).map(({ from }) => from));
      }
      level = next;
    }
    return null;
  };
  const scriptOf = (node: number): string | null => functionOf(node)?.file ?? null;
  return { ids, label, type, scriptOf, functionOf, retainer, selfSize: (n) => raw.nodes[n * nodeFields + sizeAt] ?? 0 };
}

interface Group {
  count: number;
  bytes: number;
  retainers: Map<string, number>;
}

/** The diff as printable lines: totals per type, then the largest groups of objects new in `after`. */
export function diffSnapshots(beforeFile: string, afterFile: string, top = 40): string[] {
  const before = parse(beforeFile);
  const after = parse(afterFile);
  const totals = new Map<string, [number, number]>();
  for (const [which, snap] of [[0, before], [1, after]] as const) {
    for (const n of snap.ids.values()) {
      const entry = totals.get(snap.type(n)) ?? [0, 0];
      entry[which] += snap.selfSize(n);
      totals.set(snap.type(n), entry);
    }
  }
  const groups = new Map<string, Group>();
  let newBytes = 0;
  for (const [id, n] of after.ids) {
    if (before.ids.has(id)) continue;
    const key = after.label(n);
    const group = groups.get(key) ?? { count: 0, bytes: 0, retainers: new Map<string, number>() };
    group.count += 1;
    group.bytes += after.selfSize(n);
    newBytes += after.selfSize(n);
    const retainer = after.retainer(n);
    group.retainers.set(retainer, (group.retainers.get(retainer) ?? 0) + 1);
    groups.set(key, group);
  }
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  // New code objects (JIT code, its relocation info and deopt data, feedback vectors) by the script of their function.
  const codeByScript = new Map<string, [number, number]>();
  for (const [id, n] of after.ids) {
    if (before.ids.has(id) || after.type(n) !== 'code') continue;
    const script = after.scriptOf(n) ?? '(no function found within 5 retainers: relocation info, handlers, shared tables)';
    const entry = codeByScript.get(script) ?? [0, 0];
    entry[0] += 1;
    entry[1] += after.selfSize(n);
    codeByScript.set(script, entry);
  }
  const lines = ['self size per node type (before → after):'];
  for (const [type, [b, a]] of [...totals].sort((x, y) => Math.abs(y[1][1] - y[1][0]) - Math.abs(x[1][1] - x[1][0]))) {
    lines.push(`  ${type}: ${kb(b)} → ${kb(a)} (${a - b >= 0 ? '+' : ''}${kb(a - b)})`);
  }
  lines.push('new code objects by the script of their function:');
  for (const [script, [objects, bytes]] of [...codeByScript].sort((x, y) => y[1][1] - x[1][1]).slice(0, 15)) lines.push(`  ${kb(bytes)} ×${objects} ${script}`);
  lines.push(`objects in the later snapshot that the earlier lacks: ${kb(newBytes)}; largest groups:`);
  for (const [key, group] of [...groups].sort((x, y) => y[1].bytes - x[1].bytes).slice(0, top)) {
    const [retainer, times] = [...group.retainers].sort((x, y) => y[1] - x[1])[0] ?? ['?', 0];
    lines.push(`  ${kb(group.bytes)} ×${group.count} ${key}  ← ${retainer} (${times})`);
  }
  return lines;
}

/** Every code object of a snapshot (JIT code, relocation info, deoptimisation data, feedback vectors) summed by the script of its function. */
export function codeByScript(file: string): { total: number; byScript: Map<string, number> } {
  const snap = parse(file);
  const byScript = new Map<string, number>();
  let total = 0;
  for (const n of snap.ids.values()) {
    if (snap.type(n) !== 'code') continue;
    const script = snap.scriptOf(n) ?? '(no function within 5 retainers)';
    byScript.set(script, (byScript.get(script) ?? 0) + snap.selfSize(n));
    total += snap.selfSize(n);
  }
  return { total, byScript };
}

/**
 * The code objects of `afterFile` that `beforeFile` lacks (compiled since, still alive), by the
 * function that holds them: its source position through the build's source maps in `distDir`
 * (`src/…:line`), else the script's file and the function's line and column.
 */
export function newCodeByFunction(beforeFile: string, afterFile: string, distDir = 'dist/assets', top = 25): string[] {
  const before = parse(beforeFile);
  const after = parse(afterFile);
  const maps = new Map<string, SourceMapConsumer | null>();
  const mapOf = (file: string) => {
    if (!maps.has(file)) {
      const path = `${distDir}/${file}.map`;
      maps.set(file, existsSync(path) ? new SourceMapConsumer(JSON.parse(readFileSync(path, 'utf8')) as RawSourceMap) : null);
    }
    return maps.get(file) ?? null;
  };
  const groups = new Map<string, [number, number]>();
  for (const [id, n] of after.ids) {
    if (before.ids.has(id) || after.type(n) !== 'code') continue;
    const site = after.functionOf(n);
    let key = site === null ? '(no function within 5 retainers)' : site.line === undefined ? `${site.file} (a function without a location)` : `${site.file}:${site.line + 1}:${site.column ?? 0}`;
    if (site?.line !== undefined) {
      const original = mapOf(site.file)?.originalPositionFor({ line: site.line + 1, column: site.column ?? 0 });
      if (original?.source) key = `${original.source.replace(/^(\.\.\/)+/, '')}:${original.line}${original.name ? ` ${original.name}` : ''}`;
    }
    const entry = groups.get(key) ?? [0, 0];
    entry[0] += 1;
    entry[1] += after.selfSize(n);
    groups.set(key, entry);
  }
  const total = [...groups.values()].reduce((sum, [, bytes]) => sum + bytes, 0);
  const lines = [`new code objects: ${(total / 1024).toFixed(1)} KB in ${groups.size} functions; largest:`];
  for (const [key, [objects, bytes]] of [...groups].sort((x, y) => y[1][1] - x[1][1]).slice(0, top)) lines.push(`  ${(bytes / 1024).toFixed(1)} KB ×${objects} ${key}`);
  return lines;
}

if (process.argv[1]?.endsWith('heap-snapshot.ts')) {
  const args = process.argv.slice(2);
  const byFunction = args[0] === '--functions';
  const [beforeFile, afterFile] = byFunction ? args.slice(1) : args;
  if (!beforeFile || !afterFile) {
    console.error('usage: node --import tsx bench/heap-snapshot.ts [--functions] <before.heapsnapshot> <after.heapsnapshot>');
    process.exit(2);
  }
  for (const line of byFunction ? newCodeByFunction(beforeFile, afterFile) : diffSnapshots(beforeFile, afterFile)) console.log(line);
}
