import { formatMs, type LatencySummary } from './percentiles.js';

/** A plain-text table: the first column left-aligned, the others right-aligned. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export const LATENCY_COLUMNS = ['n', 'p50', 'p90', 'p98', 'p99', 'max'];

export const latencyRow = (label: string, s: LatencySummary): string[] => [label, String(s.count), formatMs(s.p50), formatMs(s.p90), formatMs(s.p98), formatMs(s.p99), formatMs(s.max)];
