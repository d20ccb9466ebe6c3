import type { SqlCounts } from '../../platform/sql-counter.js';
import type { Cluster } from '../cluster/cluster.js';
import { clusterCpuSeconds, machineBusySeconds, processCpuSeconds } from '../cluster/cpu.js';
import { queryAboutDatabase } from '../cluster/postgres.js';

/**
 * The work the system did between two moments, per process: CPU seconds (from /proc), and the SQL
 * each process sent (its `db_statements_total` / `db_transactions_total` / `db_round_trips_total` on /metrics, counted in
 * its pg driver: platform/sql-counter.ts), with PostgreSQL's own count of the benchmark database's
 * transactions beside it as a cross-check (pg_stat_database.xact_commit + xact_rollback).
 */
export interface WorkSample {
  /** CPU seconds so far per process (PostgreSQL backends summed as "postgres", the benchmark as "load generator"). */
  cpu?: Record<string, number>;
  machineBusy?: number;
  /** Per process (the gateway and every subgraph). */
  sql: Map<string, SqlCounts>;
  /** PostgreSQL's committed + rolled-back transactions in the benchmark database so far. */
  serverTransactions?: number;
  /** Connections PostgreSQL has accepted to the benchmark database so far (each start-up is a transaction too). */
  serverSessions?: number;
}

/** The difference of two samples: the same figures, over a window. */
export type Work = WorkSample;

export async function sampleWork(cluster: Cluster): Promise<WorkSample> {
  const [cpu, sql, server] = await Promise.all([cpuByProcess(cluster), sqlByProcess(cluster), databaseStatistics(cluster.databaseUrl)]);
  return { cpu, machineBusy: machineBusySeconds(), sql, serverTransactions: server?.transactions, serverSessions: server?.sessions };
}

/** What happened between two samples. */
export function workBetween(before: WorkSample, after: WorkSample): Work {
  const minus = (a?: number, b?: number) => (a === undefined || b === undefined ? undefined : a - b);
  return {
    cpu: before.cpu && after.cpu ? Object.fromEntries(Object.entries(after.cpu).map(([name, seconds]) => [name, seconds - (before.cpu![name] ?? 0)])) : undefined,
    machineBusy: minus(after.machineBusy, before.machineBusy),
    sql: new Map(
      [...after.sql].flatMap(([name, now]) => {
        const then = before.sql.get(name);
        // a process not read at both ends (its /metrics did not answer) is left out rather than counted from zero
        if (!then) return [];
        const roundTrips = now.roundTrips === undefined || then.roundTrips === undefined ? {} : { roundTrips: now.roundTrips - then.roundTrips };
        return [[name, { statements: now.statements - then.statements, commits: now.commits - then.commits, rollbacks: now.rollbacks - then.rollbacks, autocommits: now.autocommits - then.autocommits, ...roundTrips }] as const];
      }),
    ),
    serverTransactions: minus(after.serverTransactions, before.serverTransactions),
    serverSessions: minus(after.serverSessions, before.serverSessions),
  };
}

/** Transactions as PostgreSQL counts them: an explicit BEGIN … COMMIT/ROLLBACK, or one statement on its own. */
/** Transactions opened with BEGIN (each ends in COMMIT or ROLLBACK). */
export const explicitTransactions = (c: SqlCounts): number => c.commits + c.rollbacks;
export const transactions = (c: SqlCounts): number => explicitTransactions(c) + c.autocommits;

/** CPU seconds so far per process, the PostgreSQL backends summed, plus this process (the load generator). */
async function cpuByProcess(cluster: Cluster): Promise<Record<string, number> | undefined> {
  const perProcess = await clusterCpuSeconds(cluster);
  const self = processCpuSeconds(process.pid);
  if (!perProcess || self === undefined) return undefined;
  const result: Record<string, number> = { 'load generator': self };
  for (const [name, seconds] of Object.entries(perProcess)) {
    const key = name.startsWith('postgres:') ? 'postgres' : name;
    result[key] = (result[key] ?? 0) + seconds;
  }
  return result;
}

/** The SQL counters of every process that answers /metrics in time (a busy one may not: it is then left out). */
async function sqlByProcess(cluster: Cluster): Promise<Map<string, SqlCounts>> {
  const entries = await Promise.all(
    cluster.names.map(async (name) => {
      try {
        const response = await fetch(cluster.endpoint(name, '/metrics'), { signal: AbortSignal.timeout(10_000) });
        return response.ok ? [[name, parseSqlCounts(await response.text())] as const] : [];
      } catch {
        return [];
      }
    }),
  );
  return new Map(entries.flat());
}

/** The SQL counters out of Prometheus' text format (platform/metrics.ts). */
export function parseSqlCounts(text: string): SqlCounts {
  const counts: SqlCounts = { statements: 0, commits: 0, rollbacks: 0, autocommits: 0 };
  const fields = { commit: 'commits', rollback: 'rollbacks', autocommit: 'autocommits' } as const;
  for (const line of text.split('\n')) {
    const match = /^(db_statements_total|db_transactions_total|db_round_trips_total)(\{[^}]*\})? ([0-9.e+-]+)$/.exec(line.trim());
    if (!match) continue;
    const [, name, labels = '', value] = match;
    if (name === 'db_statements_total') counts.statements += Number(value);
    else if (name === 'db_round_trips_total') counts.roundTrips = (counts.roundTrips ?? 0) + Number(value);
    else {
      const outcome = /outcome="([a-z]+)"/.exec(labels)?.[1] as keyof typeof fields | undefined;
      if (outcome && fields[outcome]) counts[fields[outcome]] += Number(value);
    }
  }
  return counts;
}

/**
 * pg_stat_database for the benchmark database, read over a connection to another database (so the
 * reading is not itself counted) and a fresh backend each time (no cached statistics snapshot).
 * PostgreSQL publishes a busy backend's counts about once a second and an idle one's later, so it
 * trails the processes' own counters by up to a few seconds of work. It counts more than the
 * clients send: each connection's start-up, and each time a LISTENing connection is woken by a
 * NOTIFY on any channel of the database (it reads the queue in a transaction of its own).
 */
async function databaseStatistics(databaseUrl: string): Promise<{ transactions: number; sessions: number } | undefined> {
  // `sessions`: PostgreSQL 14 and later; an older server leaves the figure out
  return queryAboutDatabase(databaseUrl, async (client, name) => {
    const { rows } = await client.query<{ transactions: string; sessions: string }>('select xact_commit + xact_rollback as transactions, sessions from pg_stat_database where datname = $1', [name]);
    return rows[0] ? { transactions: Number(rows[0].transactions), sessions: Number(rows[0].sessions) } : undefined;
  });
}
