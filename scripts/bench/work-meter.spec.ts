import { describe, expect, it } from 'vitest';
import { parseSqlCounts, transactions, workBetween } from './work-meter.js';

describe('SQL work from /metrics', () => {
  const scrape = (statements: number, commit: number, rollback: number, autocommit: number) =>
    [
      '# HELP db_statements_total SQL statements sent',
      '# TYPE db_statements_total counter',
      `db_statements_total{service="cart"} ${statements}`,
      `db_transactions_total{outcome="commit",service="cart"} ${commit}`,
      `db_transactions_total{outcome="rollback",service="cart"} ${rollback}`,
      `db_transactions_total{outcome="autocommit",service="cart"} ${autocommit}`,
      'outbox_relay_published_total{context="cart",service="cart"} 7',
    ].join('\n');

  it('reads the statement and transaction counters', () => {
    expect(parseSqlCounts(scrape(120, 9, 1, 30))).toEqual({ statements: 120, commits: 9, rollbacks: 1, autocommits: 30 });
  });

  it('reads the round trips when the process reports them, and leaves them out when it does not (an older build)', () => {
    expect(parseSqlCounts(`${scrape(120, 9, 1, 30)}\ndb_round_trips_total{service="cart"} 70`)).toEqual({ statements: 120, commits: 9, rollbacks: 1, autocommits: 30, roundTrips: 70 });
    expect(parseSqlCounts(scrape(120, 9, 1, 30)).roundTrips).toBeUndefined();
    const sample = (text: string) => ({ sql: new Map([['cart', parseSqlCounts(text)]]) });
    expect(workBetween(sample(`${scrape(100, 5, 0, 20)}\ndb_round_trips_total 60`), sample(`${scrape(160, 9, 1, 30)}\ndb_round_trips_total 95`)).sql.get('cart')).toMatchObject({ roundTrips: 35 });
    expect(workBetween(sample(scrape(100, 5, 0, 20)), sample(scrape(160, 9, 1, 30))).sql.get('cart')!.roundTrips).toBeUndefined();
  });

  it('counts transactions as PostgreSQL does: explicit ones and statements on their own', () => {
    expect(transactions({ statements: 120, commits: 9, rollbacks: 1, autocommits: 30 })).toBe(40);
  });

  it('gives the work between two samples per process', () => {
    const before = { sql: new Map([['cart', parseSqlCounts(scrape(100, 5, 0, 20))]]), serverTransactions: 1_000 };
    const after = { sql: new Map([['cart', parseSqlCounts(scrape(160, 9, 1, 30))]]), serverTransactions: 1_016 };
    expect(workBetween(before, after)).toMatchObject({ sql: new Map([['cart', { statements: 60, commits: 4, rollbacks: 1, autocommits: 10 }]]), serverTransactions: 16 });
  });
});
