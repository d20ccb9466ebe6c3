import { summarize } from './percentiles.js';
import { table } from './table.js';

/** One request that succeeded: its operation, when it was sent (ms since the stage's start) and how long it took. */
export interface TimedRequest {
  name: string;
  sentAt: number;
  ms: number;
}

const WINDOW_MS = 5_000;

/**
 * Latency by operation and by when the request was sent, in 5 s windows: "n p50/max" per cell.
 * The stage's latency table says how long the requests took; this says when — which step of the
 * journeys waited, at which moment of the burst (the admission order's doing, or a stall of the
 * whole system: docs/performance.md, the twenty-second round).
 */
export function timelineReport(requests: readonly TimedRequest[], names: readonly string[]): string {
  const windows = new Map<number, Map<string, number[]>>();
  for (const { name, sentAt, ms } of requests) {
    const start = Math.floor(sentAt / WINDOW_MS) * WINDOW_MS;
    let byName = windows.get(start);
    if (!byName) windows.set(start, (byName = new Map()));
    let latencies = byName.get(name);
    if (!latencies) byName.set(name, (latencies = []));
    latencies.push(ms);
  }
  const seconds = (ms: number) => (ms / 1_000).toFixed(1);
  const rows = [...windows.keys()]
    .sort((a, b) => a - b)
    .map((start) => [
      `${start / 1_000}–${(start + WINDOW_MS) / 1_000}`,
      ...names.map((name) => {
        const latencies = windows.get(start)!.get(name);
        if (!latencies) return '';
        const s = summarize(latencies);
        return `${s.count} ${seconds(s.p50)}/${seconds(s.max)}`;
      }),
    ]);
  return table(['sent (s into the stage)', ...names], rows);
}
