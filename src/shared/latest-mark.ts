/**
 * A `performance` mark that keeps only its latest instance. The benchmarks read the last mark of
 * a name per call (bench/incoming-call.ts); a plain `performance.mark` once per call would keep
 * every earlier one in the page's performance timeline, which nothing clears: ~128 KB of Blink
 * heap after 500 calls (docs/benchmarks.md, "Tenth pass (c)").
 */
export function markLatest(name: string): void {
  if (typeof performance === 'undefined') return;
  performance.clearMarks(name);
  performance.mark(name);
}
