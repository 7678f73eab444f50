/** Latency summaries shared by the benchmark reports. */

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  max: number;
}

/**
 * Nearest-rank percentile (the smallest sample with at least `q` of the samples at or below it),
 * so a p95 over 30 samples is the 29th smallest, never an interpolated value nobody measured.
 */
export function percentile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1] ?? NaN;
}

/** Count, p50, p95 (nearest rank) and max of the samples; NaN for an empty list. */
export function summarize(samples: readonly number[]): LatencySummary {
  return { count: samples.length, p50: percentile(samples, 0.5), p95: percentile(samples, 0.95), max: samples.length === 0 ? NaN : Math.max(...samples) };
}

/** `p50 3.1 ms, p95 4.0 ms, max 5.2 ms` */
export function formatSummary(summary: LatencySummary, digits = 1): string {
  return `p50 ${summary.p50.toFixed(digits)} ms, p95 ${summary.p95.toFixed(digits)} ms, max ${summary.max.toFixed(digits)} ms`;
}

/** `within` or `OVER` for a measured value against an upper budget. */
export function verdict(value: number, budget: number): string {
  return value <= budget ? 'within' : 'OVER';
}
