import { table } from './table.js';
import type { WorkFigures } from './work-report.js';

/** One bench:checkout run of each build, run one after the other (a pair). */
export interface RunPair {
  base: WorkFigures;
  current: WorkFigures;
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const fixed = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '-');

/**
 * Base against current, from interleaved pairs of runs: per process the median CPU ms per order
 * of each build and their ratio, then the ratio of each pair's totals — neighbouring runs share
 * the machine's mood of the moment, so the pairs' spread says how far the median ratio can be
 * trusted — and the statements and transactions per order.
 */
export function formatComparison(pairs: readonly RunPair[], names: { base: string; current: string }): string {
  if (!pairs.length) return 'no pair of runs to compare';
  const withCpu = pairs.filter((p): p is { base: WorkFigures & { cpuMs: Record<string, number> }; current: WorkFigures & { cpuMs: Record<string, number> } } => !!p.base.cpuMs && !!p.current.cpuMs);
  const out: string[] = [];
  if (withCpu.length) {
    const processes = [...new Set(withCpu.flatMap((p) => [...Object.keys(p.base.cpuMs), ...Object.keys(p.current.cpuMs)]))]
      .filter((name) => name !== 'total')
      .sort((a, b) => median(withCpu.map((p) => p.base.cpuMs[b] ?? 0)) - median(withCpu.map((p) => p.base.cpuMs[a] ?? 0)));
    const rows = [...processes, 'total'].map((name) => {
      const base = median(withCpu.map((p) => p.base.cpuMs[name] ?? 0));
      const current = median(withCpu.map((p) => p.current.cpuMs[name] ?? 0));
      return [name, fixed(base), fixed(current), base > 0 ? `${fixed(current / base, 2)}×` : '-'];
    });
    const gauge = 'load generator';
    const gauged = withCpu.every((p) => p.base.cpuMs[gauge]! > 0 && p.current.cpuMs[gauge]! > 0);
    if (gauged) {
      // The driver's work per order is the same for both builds, so its CPU per order measures how
      // fast the machine was during each run; the total in units of it is steadier than the total.
      const base = median(withCpu.map((p) => p.base.cpuMs.total! / p.base.cpuMs[gauge]!));
      const current = median(withCpu.map((p) => p.current.cpuMs.total! / p.current.cpuMs[gauge]!));
      rows.push([`total ÷ ${gauge}`, fixed(base, 2), fixed(current, 2), `${fixed(current / base, 2)}×`]);
    }
    out.push(
      `CPU ms per confirmed order, median of ${withCpu.length} run(s) each\n${table(['process', names.base, names.current, 'ratio'], rows)}${
        gauged ? `\n(total ÷ ${gauge}: the total in units of the driver's own CPU per order — the same work for both builds, so a gauge of the machine's speed in each run)` : ''
      }`,
    );
    const ratios = withCpu.map((p) => p.current.cpuMs.total! / p.base.cpuMs.total!);
    out.push(
      `total, pair by pair (current ÷ base): ${ratios.map((r) => fixed(r, 2)).join(', ')}; median ${fixed(median(ratios), 2)}×, range ${fixed(Math.min(...ratios), 2)}–${fixed(Math.max(...ratios), 2)}`,
    );
  } else {
    out.push('CPU: not measured (no /proc on this system)');
  }
  const perOrder = (pick: (f: WorkFigures) => number) => [fixed(median(pairs.map((p) => pick(p.base))), 1), fixed(median(pairs.map((p) => pick(p.current))), 1)];
  out.push(
    `per confirmed order, median\n${table(
      ['', names.base, names.current],
      [
        ['SQL statements', ...perOrder((f) => f.statements)],
        ['round trips to PostgreSQL', ...[pairs.map((p) => p.base), pairs.map((p) => p.current)].map((runs) => (runs.every((f) => f.roundTrips !== undefined) ? fixed(median(runs.map((f) => f.roundTrips!)), 1) : '-'))],
        ['transactions', ...perOrder((f) => f.transactions)],
        ['confirmed orders', ...perOrder((f) => f.confirmed)],
      ],
    )}`,
  );
  return out.join('\n\n');
}
