import type { Measurement } from './load.js';

export interface Row {
  scenario: string;
  target: string;
  m: Measurement;
  /** CPU seconds each process used during the measured window. */
  cpu?: Record<string, number>;
  /** CPU seconds the whole machine was busy in the window. */
  machineBusy?: number;
  /** The direct measurement this row is compared with (gateway rows). */
  baseline?: Measurement;
  secondBaseline?: { label: string; m: Measurement };
}

const COLUMNS = ['scenario', 'target', 'requests', 'req/s', 'p50 ms', 'p90 ms', 'p99 ms', 'errors / non-2xx / GraphQL errors'] as const;

const ms = (n: number) => (Number.isNaN(n) ? '-' : n >= 10 ? n.toFixed(0) : n.toFixed(1));
const times = (n: number) => `${n.toFixed(2)}×`;

/** "gateway ÷ direct" for throughput and latency: below 1× is fewer req/s, above 1× is slower. */
function ratio(label: string, gateway: Measurement, base: Measurement): string {
  return `gateway ÷ ${label}: req/s ${times(gateway.requestsPerSecond / base.requestsPerSecond)}, p50 ${times(gateway.p50 / base.p50)}, p90 ${times(gateway.p90 / base.p90)}, p99 ${times(gateway.p99 / base.p99)}`;
}

export function formatTable(rows: Row[]): string {
  const cells = rows.map((row) => [
    row.scenario,
    row.target,
    String(row.m.requests),
    row.m.requestsPerSecond.toFixed(0),
    ms(row.m.p50),
    ms(row.m.p90),
    ms(row.m.p99),
    `${row.m.errors} / ${row.m.non2xx} / ${row.m.graphqlErrors}`,
  ]);
  const widths = COLUMNS.map((title, i) => Math.max(title.length, ...cells.map((c) => c[i].length)));
  const line = (values: readonly string[]) =>
    values.map((v, i) => (i >= 2 && i <= 6 ? v.padStart(widths[i]) : v.padEnd(widths[i]))).join('  ').trimEnd();
  const out = [line(COLUMNS), widths.map((w) => '-'.repeat(w)).join('  ')];
  rows.forEach((row, i) => {
    out.push(line(cells[i]));
    if (row.baseline) out.push(`    ${ratio('direct', row.m, row.baseline)}`);
    if (row.secondBaseline) out.push(`    ${ratio(row.secondBaseline.label, row.m, row.secondBaseline.m)}`);
  });
  return out.join('\n');
}

const CPU_PROCESSES = ['gateway', 'cart', 'catalog', 'inventory', 'customers', 'postgres', 'load generator'];

/**
 * Where the time goes: CPU milliseconds each process spent per completed request, and how many of
 * the machine's cores the benchmark's processes kept busy (NATS not counted: no request uses it).
 */
export function formatCpuTable(rows: Row[], cores: number): string {
  const measured = rows.filter((row): row is Row & { cpu: Record<string, number> } => row.cpu !== undefined && row.m.requests > 0);
  if (!measured.length) return 'CPU per request: not available (no /proc on this system)';
  const header = ['CPU ms per request', ...CPU_PROCESSES, `cores busy: bench / machine (of ${cores})`];
  const cells = measured.map((row) => [
    row.target,
    ...CPU_PROCESSES.map((name) => ((row.cpu[name] ?? 0) * 1000 / row.m.requests).toFixed(2)),
    `${(Object.values(row.cpu).reduce((a, b) => a + b, 0) / row.m.seconds).toFixed(2)} / ${row.machineBusy === undefined ? '-' : (row.machineBusy / row.m.seconds).toFixed(2)}`,
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...cells.map((c) => c[i].length)));
  const line = (values: string[]) => values.map((v, i) => (i ? v.padStart(widths[i]) : v.padEnd(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line), '(postgres: the backends serving the benchmark database; CPU from /proc, 10 ms clock ticks. machine: everything running, other work included.)'].join('\n');
}
