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
import { readFileSync, writeFileSync } from 'node:fs';
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
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]]; edge_fields: string[]; edge_types: [string[], ...unknown[]] } };
  nodes: number[];
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
  // A code object's owner: the nearest function (closure or SharedFunctionInfo) among its
  // retainers, a few hops up (Code ← FeedbackVector ← FeedbackCell ← closure, and the like).
  const scriptOf = (node: number): string | null => {
    const seen = new Set<number>();
    let level = [node];
    for (let hop = 0; hop < 5 && level.length > 0; hop++) {
      const next: number[] = [];
      for (const n of level) {
        if (seen.has(n)) continue;
        seen.add(n);
        const shared = type(n) === 'closure' ? child(n, 'shared') : name(n).includes('SharedFunctionInfo') ? n : undefined;
        const script = shared === undefined ? undefined : child(shared, 'script');
        const file = script === undefined ? undefined : child(script, 'name');
        const url = file === undefined ? undefined : name(file);
        if (url !== undefined) return url === '' ? "(no URL: the test driver's injected script)" : url.slice(url.lastIndexOf('/') + 1);
        next.push(...retainersOf(n).map(({ from }) => from));
      }
      level = next;
    }
    return null;
  };
  return { ids, label, type, scriptOf, retainer, selfSize: (n) => raw.nodes[n * nodeFields + sizeAt] ?? 0 };
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

if (process.argv[1]?.endsWith('heap-snapshot.ts')) {
  const [beforeFile, afterFile] = process.argv.slice(2);
  if (!beforeFile || !afterFile) {
    console.error('usage: node --import tsx bench/heap-snapshot.ts <before.heapsnapshot> <after.heapsnapshot>');
    process.exit(2);
  }
  for (const line of diffSnapshots(beforeFile, afterFile)) console.log(line);
}
