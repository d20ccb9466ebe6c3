import { describe, expect, it } from 'vitest';
import { latestPerSku } from './alert-causes.js';

const at = (second: number) => new Date(Date.UTC(2026, 11, 3, 10, 0, second));

describe('latestPerSku', () => {
  it('keeps each SKU at its latest observation, whatever order they were delivered in', () => {
    expect(
      latestPerSku([
        { sku: 'A', totalAvailable: 50, observedAt: at(2) },
        { sku: 'B', totalAvailable: 3, observedAt: at(1) },
        { sku: 'A', totalAvailable: 2, observedAt: at(3) },
        { sku: 'A', totalAvailable: 40, observedAt: at(1) },
      ]),
    ).toEqual([
      { sku: 'A', totalAvailable: 2, observedAt: at(3) },
      { sku: 'B', totalAvailable: 3, observedAt: at(1) },
    ]);
  });

  it('lets the later delivery win a tie, as recording them one by one would', () => {
    expect(latestPerSku([{ sku: 'A', totalAvailable: 5, observedAt: at(1) }, { sku: 'A', totalAvailable: 20, observedAt: at(1) }])).toEqual([{ sku: 'A', totalAvailable: 20, observedAt: at(1) }]);
  });
});
