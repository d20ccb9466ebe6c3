import { describe, expect, it } from 'vitest';
import { formatComparison, median, type RunPair } from './comparison.js';
import type { WorkFigures } from './work-report.js';

const run = (total: number, orders: number, statements = 120, loadGenerator = 30): WorkFigures => ({
  label: '100',
  confirmed: 100,
  cpuMs: { orders, 'load generator': loadGenerator, postgres: total - orders - loadGenerator, total },
  statements,
  transactions: 40,
});

describe('median', () => {
  it('is the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});

describe('formatComparison', () => {
  const pairs: RunPair[] = [
    { base: run(300, 50), current: run(240, 40, 110, 24) },
    { base: run(330, 55), current: run(300, 45, 112, 30) },
    { base: run(310, 52), current: run(250, 42, 111, 25) },
  ];
  const text = formatComparison(pairs, { base: 'base (abc)', current: 'current (def)' });

  it('puts each process median beside the other build and their ratio', () => {
    expect(text).toMatch(/orders\s+52\s+42\s+0\.81×/);
    expect(text).toMatch(/total\s+310\s+250\s+0\.81×/);
  });

  it('gives the total in units of the load generator, whose work is the same for both builds', () => {
    // base: 300/30, 330/30, 310/30 → median 10.33; current: 240/24, 300/30, 250/25 → 10
    expect(text).toMatch(/total ÷ load generator\s+10\.33\s+10\.00\s+0\.97×/);
  });

  it('gives the pairs one by one, so the spread shows', () => {
    expect(text).toContain('total, pair by pair (current ÷ base): 0.80, 0.91, 0.81; median 0.81×, range 0.80–0.91');
  });

  it('gives statements per order of both', () => {
    expect(text).toMatch(/SQL statements\s+120\.0\s+111\.0/);
  });

  it('gives round trips per order where both builds counted them, and a dash for a build that did not', () => {
    const counted = pairs.map(({ base, current }, i) => ({ base: { ...base, roundTrips: 60 + i }, current: { ...current, roundTrips: 50 + i } }));
    expect(formatComparison(counted, { base: 'b', current: 'c' })).toMatch(/round trips to PostgreSQL\s+61\.0\s+51\.0/);
    const older = pairs.map(({ base, current }) => ({ base, current: { ...current, roundTrips: 50 } }));
    expect(formatComparison(older, { base: 'b', current: 'c' })).toMatch(/round trips to PostgreSQL\s+-\s+50\.0/);
  });

  it('says so when CPU was not measured', () => {
    const noCpu = { ...run(1, 1), cpuMs: undefined };
    expect(formatComparison([{ base: noCpu, current: noCpu }], { base: 'a', current: 'b' })).toContain('CPU: not measured');
  });
});
