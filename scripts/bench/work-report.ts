import type { SqlCounts } from '../../platform/sql-counter.js';
import { table } from './table.js';
import { explicitTransactions, transactions, type Work } from './work-meter.js';

/** One row of the work tables: a stage, or the shoppers profile's measured window. */
export interface WorkRow {
  label: string;
  confirmed: number;
  seconds: number;
  work: Work;
}

/** A row's figures per confirmed order, for machines (`bench:checkout --json`, bench:compare). */
export interface WorkFigures {
  label: string;
  confirmed: number;
  /** CPU ms per confirmed order by process, and `total`; absent without /proc. */
  cpuMs?: Record<string, number>;
  statements: number;
  transactions: number;
  /** Round trips to PostgreSQL; absent when a process did not report them (a build from before they were counted). */
  roundTrips?: number;
}

export function workFigures(rows: WorkRow[]): WorkFigures[] {
  return rows.map((r) => {
    const confirmed = Math.max(1, r.confirmed);
    const perOrder = (n: number) => n / confirmed;
    const cpu = r.work.cpu;
    const cpuMs = cpu && Object.fromEntries([...Object.entries(cpu).map(([name, s]) => [name, perOrder(s * 1000)] as const), ['total', perOrder(Object.values(cpu).reduce((a, b) => a + b, 0) * 1000)]]);
    const counts = [...r.work.sql.values()];
    return {
      label: r.label,
      confirmed: r.confirmed,
      cpuMs,
      statements: perOrder(counts.reduce((n, c) => n + c.statements, 0)),
      transactions: perOrder(counts.reduce((n, c) => n + transactions(c), 0)),
      ...(counts.length && counts.every((c) => c.roundTrips !== undefined) ? { roundTrips: perOrder(counts.reduce((n, c) => n + c.roundTrips!, 0)) } : {}),
    };
  });
}

/** CPU milliseconds per confirmed order by process, and how busy the system and the machine were. */
export function cpuReport(rows: WorkRow[], labelTitle: string): string {
  const withCpu = rows.filter((r): r is WorkRow & { work: { cpu: Record<string, number> } } => r.work.cpu !== undefined);
  if (!withCpu.length) return '';
  const last = withCpu.at(-1)!.work.cpu;
  const processes = [...new Set(withCpu.flatMap((r) => Object.keys(r.work.cpu)))].sort((a, b) => (last[b] ?? 0) - (last[a] ?? 0));
  return `CPU ms per confirmed order, by process (where the time goes)\n${table(
    [labelTitle, ...processes, 'total', 'cores busy: system / machine'],
    withCpu.map((r) => {
      const confirmed = Math.max(1, r.confirmed);
      const cpu = r.work.cpu;
      const total = Object.values(cpu).reduce((a, b) => a + b, 0);
      return [r.label, ...processes.map((p) => (((cpu[p] ?? 0) * 1000) / confirmed).toFixed(0)), ((total * 1000) / confirmed).toFixed(0), `${(total / r.seconds).toFixed(2)} / ${r.work.machineBusy === undefined ? '-' : (r.work.machineBusy / r.seconds).toFixed(2)}`];
    }),
  )}\n(from /proc over the window; postgres = the backends serving the benchmark database; nats-server = the whole server the system uses, when it runs on this machine)\n`;
}

/**
 * SQL statements and transactions per confirmed order, by process, counted by each process's pg
 * driver; beside the total, PostgreSQL's own transaction count for the database.
 */
export function sqlReport(rows: WorkRow[], labelTitle: string): string {
  const processes = [...new Set(rows.flatMap((r) => [...r.work.sql].filter(([, c]) => c.statements > 0).map(([name]) => name)))].sort(
    (a, b) => (rows.at(-1)!.work.sql.get(b)?.statements ?? 0) - (rows.at(-1)!.work.sql.get(a)?.statements ?? 0),
  );
  const perOrder = (n: number, r: WorkRow) => (n / Math.max(1, r.confirmed)).toFixed(1);
  const sum = (r: WorkRow, pick: (c: SqlCounts) => number) => [...r.work.sql.values()].reduce((n, c) => n + pick(c), 0);
  const statements = table(
    [labelTitle, ...processes, 'total'],
    rows.map((r) => [r.label, ...processes.map((p) => perOrder(r.work.sql.get(p)?.statements ?? 0, r)), perOrder(sum(r, (c) => c.statements), r)]),
  );
  const counted = rows.every((r) => r.work.sql.size > 0 && [...r.work.sql.values()].every((c) => c.roundTrips !== undefined));
  const roundTrips = counted
    ? table(
        [labelTitle, ...processes, 'total'],
        rows.map((r) => [r.label, ...processes.map((p) => perOrder(r.work.sql.get(p)?.roundTrips ?? 0, r)), perOrder(sum(r, (c) => c.roundTrips ?? 0), r)]),
      )
    : null;
  const transactionTable = table(
    [labelTitle, ...processes, 'total', 'explicit (BEGIN…)', 'autocommit', 'PostgreSQL says', 'of which connects'],
    rows.map((r) => {
      const total = sum(r, transactions);
      return [
        r.label,
        ...processes.map((p) => {
          const c = r.work.sql.get(p);
          return c ? `${perOrder(transactions(c), r)} (${perOrder(explicitTransactions(c), r)}+${perOrder(c.autocommits, r)})` : perOrder(0, r);
        }),
        perOrder(total, r),
        perOrder(sum(r, explicitTransactions), r),
        perOrder(sum(r, (c) => c.autocommits), r),
        r.work.serverTransactions === undefined ? '-' : perOrder(r.work.serverTransactions, r),
        r.work.serverSessions === undefined ? '-' : perOrder(r.work.serverSessions, r),
      ];
    }),
  );
  return [
    `SQL statements per confirmed order, by process (every statement sent, BEGIN/COMMIT included)\n${statements}\n`,
    ...(roundTrips ? [`round trips to PostgreSQL per confirmed order, by process (messages sent, each answered once: statements merged into one message count once)\n${roundTrips}\n`] : []),
    `transactions per confirmed order, by process: total (explicit BEGIN … COMMIT/ROLLBACK + statements sent outside one, each its own transaction)\n${transactionTable}`,
    '(counted in each process\'s pg driver: db_statements_total, db_round_trips_total, db_transactions_total on /metrics. "PostgreSQL says" = pg_stat_database',
    ' xact_commit + xact_rollback over the same window, which also counts each new connection\'s start-up ("of which connects") and',
    ' a transaction each time a NOTIFY on any channel wakes one of the LISTENing connections (the arrivals listeners of orders); it trails the',
    ' clients\' counts, since a busy backend publishes its counts about once a second and an idle one later)\n',
  ].join('\n');
}
