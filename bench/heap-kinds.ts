/**
 * A heap snapshot's V8 heap by what it is made of, to tell V8's code for the call path from data
 * the app keeps (docs/benchmarks.md, "Twelfth pass (c)"). The JIT tiers are told apart by what a
 * `Code` object points at: Sparkplug's baseline code keeps its function's bytecode
 * (`interpreter_data`) and a bytecode offset table; Maglev's and Turbofan's optimised code keeps
 * deoptimisation data; a `Code` with neither is a builtin, a stub or a regexp's code. Each part
 * counts the `Code` object, its machine code (`InstructionStream`, with its relocation info) and
 * those tables.
 *
 * Blink's objects (`native` nodes that are not V8's `system / …`, and the off-heap sources of
 * external strings) are left out: they are not in `Runtime.getHeapUsage().usedSize`.
 *
 * Run alone: `node --import tsx bench/heap-kinds.ts a.heapsnapshot [b.heapsnapshot …]`.
 */
import { readFileSync } from 'node:fs';

export const HEAP_KINDS = [
  'baseline code (Sparkplug)',
  'optimised code (Maglev, Turbofan)',
  'other code (builtins, stubs, regexps)',
  'bytecode',
  'feedback (vectors, cells, IC handlers, allocation sites)',
  'functions (shared infos, scope infos, constant pools, boilerplates)',
  'strings',
  'objects, arrays, closures',
  'hidden classes',
  'V8 internals (templates, property cells, caches, the dependency lists of optimised code)',
] as const;
export type HeapKind = (typeof HEAP_KINDS)[number];

export interface KindTotals {
  bytes: Map<HeapKind, number>;
  /** Functions with baseline code, with optimised code. */
  baselineFunctions: number;
  optimisedFunctions: number;
}

interface RawSnapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]]; edge_fields: string[]; edge_types: [string[], ...unknown[]] } };
  nodes: number[];
  edges: number[];
  strings: string[];
}

const FEEDBACK = /^system \/ (FeedbackVector|FeedbackCell|ClosureFeedbackCellArray|LoadHandler|StoreHandler|AllocationSite)$/;
/** What a `Code` object holds that is part of it: machine code, tables, deoptimisation data, its wrapper. */
const CODE_PARTS = /^system \/ (InstructionStream|TrustedByteArray|ProtectedFixedArray|TrustedFixedArray|TrustedWeakFixedArray|CodeWrapper|DeoptimizationData|DeoptimizationLiteralArray)$/;
const STRINGS = new Set(['string', 'concatenated string', 'sliced string']);
const OBJECTS = new Set(['object', 'array', 'closure', 'number', 'regexp', 'symbol', 'bigint', 'hidden']);

/** The V8 heap of `file`, by kind. */
export function heapKinds(file: string): KindTotals {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as RawSnapshot;
  const meta = raw.snapshot.meta;
  const nf = meta.node_fields.length;
  const ef = meta.edge_fields.length;
  const [typeAt, nameAt, sizeAt, edgeCountAt] = ['type', 'name', 'self_size', 'edge_count'].map((f) => meta.node_fields.indexOf(f)) as [number, number, number, number];
  const [edgeTypeAt, edgeNameAt, toAt] = ['type', 'name_or_index', 'to_node'].map((f) => meta.edge_fields.indexOf(f)) as [number, number, number];
  const nodeTypes = meta.node_types[0];
  const edgeTypes = meta.edge_types[0];
  const count = raw.nodes.length / nf;
  const firstEdge = new Uint32Array(count + 1);
  for (let n = 0, e = 0; n < count; n++) {
    firstEdge[n] = e;
    e += raw.nodes[n * nf + edgeCountAt] ?? 0;
    firstEdge[n + 1] = e;
  }
  const type = (n: number) => nodeTypes[raw.nodes[n * nf + typeAt] ?? 0] ?? '?';
  const name = (n: number) => raw.strings[raw.nodes[n * nf + nameAt] ?? 0] ?? '?';
  const size = (n: number) => raw.nodes[n * nf + sizeAt] ?? 0;
  const edgesOf = function* (n: number): Generator<[string, number]> {
    for (let e = firstEdge[n] ?? 0; e < (firstEdge[n + 1] ?? 0); e++) {
      const kind = edgeTypes[raw.edges[e * ef + edgeTypeAt] ?? 0];
      const value = raw.edges[e * ef + edgeNameAt] ?? 0;
      yield [kind === 'element' || kind === 'hidden' ? String(value) : (raw.strings[value] ?? '?'), (raw.edges[e * ef + toAt] ?? 0) / nf];
    }
  };
  const kindOf = new Map<number, HeapKind>();
  let baselineFunctions = 0;
  let optimisedFunctions = 0;
  // JIT code first: each Code object with its machine code and tables, by tier.
  for (let n = 0; n < count; n++) {
    if (name(n) !== 'system / Code') continue;
    const edges = [...edgesOf(n)];
    const has = (field: string) => edges.some(([f]) => f === field);
    const tier: HeapKind = has('interpreter_data') || has('bytecode_offset_table') ? HEAP_KINDS[0] : has('deoptimization_data') ? HEAP_KINDS[1] : HEAP_KINDS[2];
    if (tier === HEAP_KINDS[0]) baselineFunctions += 1;
    if (tier === HEAP_KINDS[1]) optimisedFunctions += 1;
    kindOf.set(n, tier);
    // Its machine code, the tables and wrappers that only it holds, and what those hold in turn
    // (relocation info, deoptimisation literals); not the bytecode, shared infos or maps.
    let level = edges.filter(([field]) => field !== 'interpreter_data' && field !== 'map').map(([, to]) => to);
    for (let hop = 0; hop < 2 && level.length > 0; hop++) {
      const next: number[] = [];
      for (const to of level) {
        if (kindOf.has(to) || !CODE_PARTS.test(name(to))) continue;
        kindOf.set(to, tier);
        for (const [, child] of edgesOf(to)) next.push(child);
      }
      level = next;
    }
  }
  const bytes = new Map<HeapKind, number>(HEAP_KINDS.map((k) => [k, 0]));
  for (let n = 0; n < count; n++) {
    const t = type(n);
    const label = name(n);
    let kind = kindOf.get(n);
    if (kind === undefined) {
      if (t === 'code') kind = label === 'system / BytecodeArray' ? HEAP_KINDS[3] : FEEDBACK.test(label) ? HEAP_KINDS[4] : label === 'system / InstructionStream' ? HEAP_KINDS[2] : HEAP_KINDS[5];
      else if (STRINGS.has(t)) kind = HEAP_KINDS[6];
      else if (OBJECTS.has(t)) kind = HEAP_KINDS[7];
      else if (t === 'object shape') kind = HEAP_KINDS[8];
      else if (t === 'native' && label.startsWith('system / ') && label !== 'system / ExternalStringData') kind = HEAP_KINDS[9];
      else continue;
    }
    bytes.set(kind, (bytes.get(kind) ?? 0) + size(n));
  }
  return { bytes, baselineFunctions, optimisedFunctions };
}

/** A table of `heapKinds` over several snapshots (KB), with the growth from the first and, when given, from `fromCall`. */
export function kindTable(snapshots: readonly { call: number; file: string }[], fromCall?: number): string[] {
  const per = snapshots.map((s) => ({ call: s.call, ...heapKinds(s.file) }));
  const kb = (b: number) => (b / 1024).toFixed(0);
  const signed = (b: number) => `${b >= 0 ? '+' : ''}${kb(b)}`;
  const first = per[0];
  const last = per.at(-1);
  const late = per.find((p) => p.call === fromCall);
  if (!first || !last) return [];
  const head = `calls ${per.map((p) => p.call).join(', ')}; ${first.call} → ${last.call}${late && late !== last ? `; ${late.call} → ${last.call}` : ''}`;
  const lines = [head];
  const total = (p: KindTotals) => [...p.bytes.values()].reduce((s, b) => s + b, 0);
  for (const kind of HEAP_KINDS) {
    const of = (p: KindTotals) => p.bytes.get(kind) ?? 0;
    lines.push(`${kind}: ${per.map((p) => kb(of(p))).join(', ')}; ${signed(of(last) - of(first))}${late && late !== last ? `; ${signed(of(last) - of(late))}` : ''}`);
  }
  lines.push(`all of the above: ${per.map((p) => kb(total(p))).join(', ')}; ${signed(total(last) - total(first))}${late && late !== last ? `; ${signed(total(last) - total(late))}` : ''}`);
  lines.push(`functions with baseline code: ${per.map((p) => p.baselineFunctions).join(', ')}; with optimised code: ${per.map((p) => p.optimisedFunctions).join(', ')}`);
  return lines;
}

if (process.argv[1]?.endsWith('heap-kinds.ts')) {
  const files = process.argv.slice(2);
  if (files.length === 0) {
    console.error('usage: node --import tsx bench/heap-kinds.ts <a.heapsnapshot> [b.heapsnapshot …]');
    process.exit(2);
  }
  const calls = files.map((file, at) => ({ call: Number(/call-(\d+)\./.exec(file)?.[1] ?? at + 1), file }));
  for (const line of kindTable(calls, 50)) console.log(line);
}
