import { describe, expect, it } from 'vitest';
import { timelineReport } from './timeline.js';

describe('timelineReport', () => {
  it('puts each request in the 5 s window it was sent in, per operation: count, p50/max', () => {
    const report = timelineReport(
      [
        { name: 'AddItem', sentAt: 100, ms: 400 },
        { name: 'AddItem', sentAt: 4_900, ms: 2_000 },
        { name: 'PlaceOrder', sentAt: 12_000, ms: 9_500 },
        { name: 'AddItem', sentAt: 5_000, ms: 50 },
      ],
      ['AddItem', 'PlaceOrder'],
    );
    expect(report.split('\n')).toEqual([
      'sent (s into the stage)    AddItem  PlaceOrder',
      '-----------------------  ---------  ----------',
      '0–5                      2 0.4/2.0            ',
      '5–10                     1 0.1/0.1            ',
      '10–15                                1 9.5/9.5',
    ]);
  });
});
