import { describe, expect, it } from 'vitest';
import type { SqlCounts } from '../../platform/sql-counter.js';
import { sqlReport, type WorkRow } from './work-report.js';

const counts = (c: Partial<SqlCounts>): SqlCounts => ({ statements: 0, commits: 0, rollbacks: 0, autocommits: 0, roundTrips: 0, ...c });
const row = (sql: Record<string, Partial<SqlCounts>>): WorkRow => ({
  label: '100',
  confirmed: 10,
  seconds: 5,
  work: { sql: new Map(Object.entries(sql).map(([name, c]) => [name, counts(c)])) },
});

describe('sqlReport', () => {
  it("splits each process's transactions per order into explicit (BEGIN … COMMIT/ROLLBACK) and autocommit", () => {
    const text = sqlReport([row({ orders: { statements: 90, commits: 25, rollbacks: 5, autocommits: 40 }, cart: { statements: 50, autocommits: 50 } })], 'stage');
    const line = text.split('\n').find((l) => l.startsWith('100') && l.includes('('))!;
    // orders: 70 of them over 10 orders = 7.0, of which 3.0 explicit (25 commits + 5 rollbacks) and 4.0 autocommit
    expect(line).toContain('7.0 (3.0+4.0)');
    expect(line).toContain('5.0 (0.0+5.0)');
    // the row's totals: 12.0 in all, 3.0 explicit, 9.0 autocommit
    expect(line).toMatch(/12\.0\s+3\.0\s+9\.0/);
  });
});
