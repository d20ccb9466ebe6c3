import { describe, expect, it } from 'vitest';
import { formatMs, summarize } from './percentiles.js';

describe('summarize', () => {
  it('gives nearest-rank percentiles over every sample, in any order', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i); // 100 … 1
    expect(summarize(samples)).toEqual({ count: 100, p50: 50, p90: 90, p98: 98, p99: 99, max: 100 });
  });

  it('takes the sample at or above the rank when the count does not divide evenly', () => {
    expect(summarize([10, 20, 30])).toMatchObject({ p50: 20, p90: 30, max: 30 });
    expect(summarize([7])).toMatchObject({ p50: 7, p99: 7, max: 7 });
  });

  it('has no percentiles without samples', () => {
    const empty = summarize([]);
    expect(empty.count).toBe(0);
    expect(Number.isNaN(empty.p90)).toBe(true);
    expect(formatMs(empty.p90)).toBe('-');
  });

  it('prints milliseconds below a second and seconds above', () => {
    expect(formatMs(412.4)).toBe('412 ms');
    expect(formatMs(5_250)).toBe('5.25 s');
  });
});
