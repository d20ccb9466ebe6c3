/** Latency summary of a set of samples (milliseconds), nearest-rank percentiles over all of them. */
export interface LatencySummary {
  count: number;
  p50: number;
  p90: number;
  p98: number;
  p99: number;
  max: number;
}

export function summarize(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : Number.NaN);
  return { count: sorted.length, p50: rank(50), p90: rank(90), p98: rank(98), p99: rank(99), max: sorted.length ? sorted[sorted.length - 1]! : Number.NaN };
}

/** Milliseconds as a table cell: seconds with two decimals from one second on. */
export function formatMs(ms: number): string {
  if (Number.isNaN(ms)) return '-';
  return ms >= 1_000 ? `${(ms / 1_000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
}
