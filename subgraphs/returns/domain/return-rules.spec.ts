import { describe, expect, it } from 'vitest';
import { checkInspection, checkReturnRequest, needsReview, type EarlierReturn, type OrderFacts, type ReturnLine } from './return-rules.js';
import { move } from './return-lifecycle.js';

const DAY = 24 * 3600_000;
const policy = { windowMs: 30 * DAY, restockingFeePercent: 15 };
const deliveredAt = new Date('2026-11-01T10:00:00Z');
const order: OrderFacts = {
  orderId: 'o1',
  customerId: 'c1',
  currency: 'USD',
  lines: [
    { sku: 'BOWL', name: 'Bowl', quantity: 3, unitPriceCents: 1_299 },
    { sku: 'LEASH', name: 'Leash', quantity: 1, unitPriceCents: 2_500 },
  ],
  subtotalCents: 6_397,
  discountCents: 0,
  deliveredAt,
};
const at = (days: number) => new Date(deliveredAt.getTime() + days * DAY);
const rule = (result: ReturnType<typeof checkReturnRequest>) => (result.ok ? 'ok' : result.refusal.rule);

describe('return request rules', () => {
  it('accepts units of a delivered order within the window, at the prices paid', () => {
    const result = checkReturnRequest(order, [], [{ sku: 'BOWL', quantity: 2, reason: 'DEFECTIVE' }], at(3), policy);
    expect(result).toEqual({ ok: true, value: [{ sku: 'BOWL', quantity: 2, reason: 'DEFECTIVE', name: 'Bowl', unitPriceCents: 1_299, acceptedQuantity: null }] });
  });

  it('accepts a request on the last moment of the window and refuses one a millisecond later', () => {
    const lines = [{ sku: 'LEASH', quantity: 1, reason: 'NO_LONGER_NEEDED' as const }];
    expect(rule(checkReturnRequest(order, [], lines, at(30), policy))).toBe('ok');
    expect(rule(checkReturnRequest(order, [], lines, new Date(at(30).getTime() + 1), policy))).toBe('RETURN_WINDOW_CLOSED');
  });

  it('refuses an order that was not delivered', () => {
    expect(rule(checkReturnRequest({ ...order, deliveredAt: null }, [], [{ sku: 'BOWL', quantity: 1, reason: 'DEFECTIVE' }], at(1), policy))).toBe('ORDER_NOT_DELIVERED');
  });

  it('counts what earlier returns cover, except rejected ones', () => {
    const earlier: EarlierReturn[] = [
      { status: 'RECEIVED', lines: [{ sku: 'BOWL', quantity: 2 }] },
      { status: 'REJECTED', lines: [{ sku: 'BOWL', quantity: 1 }] },
    ];
    expect(rule(checkReturnRequest(order, earlier, [{ sku: 'BOWL', quantity: 1, reason: 'OTHER' }], at(5), policy))).toBe('ok');
    const refused = checkReturnRequest(order, earlier, [{ sku: 'BOWL', quantity: 2, reason: 'OTHER' }], at(5), policy);
    expect(refused).toMatchObject({ ok: false, refusal: { rule: 'TOO_MANY_UNITS', message: 'At most 1 of BOWL can be returned (3 delivered, 2 in earlier returns)' } });
  });

  it.each([
    ['no items', [], 'NO_ITEMS'],
    ['a zero quantity', [{ sku: 'BOWL', quantity: 0, reason: 'DEFECTIVE' }], 'INVALID_QUANTITY'],
    ['a fractional quantity', [{ sku: 'BOWL', quantity: 1.5, reason: 'DEFECTIVE' }], 'INVALID_QUANTITY'],
    ['the same item twice', [{ sku: 'BOWL', quantity: 1, reason: 'DEFECTIVE' }, { sku: 'BOWL', quantity: 1, reason: 'OTHER' }], 'DUPLICATE_ITEM'],
    ['an item not in the order', [{ sku: 'CAT-TREE', quantity: 1, reason: 'DEFECTIVE' }], 'NOT_IN_ORDER'],
    ['more units than delivered', [{ sku: 'LEASH', quantity: 2, reason: 'DEFECTIVE' }], 'TOO_MANY_UNITS'],
  ] as const)('refuses %s', (_what, lines, expected) => {
    expect(rule(checkReturnRequest(order, [], lines, at(1), policy))).toBe(expected);
  });

  it('sends a return to customer service only when a reason is OTHER', () => {
    expect(needsReview([{ sku: 'BOWL', quantity: 1, reason: 'NO_LONGER_NEEDED' }, { sku: 'LEASH', quantity: 1, reason: 'DEFECTIVE' }])).toBe(false);
    expect(needsReview([{ sku: 'BOWL', quantity: 1, reason: 'NO_LONGER_NEEDED' }, { sku: 'LEASH', quantity: 1, reason: 'OTHER' }])).toBe(true);
  });
});

describe('inspection rules', () => {
  const lines: ReturnLine[] = [
    { sku: 'BOWL', name: 'Bowl', quantity: 2, reason: 'NO_LONGER_NEEDED', unitPriceCents: 1_299, acceptedQuantity: null },
    { sku: 'LEASH', name: 'Leash', quantity: 1, reason: 'DEFECTIVE', unitPriceCents: 2_500, acceptedQuantity: null },
  ];

  it('records the accepted units of every line', () => {
    const result = checkInspection(lines, [{ sku: 'LEASH', acceptedQuantity: 0 }, { sku: 'BOWL', acceptedQuantity: 1 }]);
    expect(result.ok && result.value.map((l) => [l.sku, l.acceptedQuantity])).toEqual([['BOWL', 1], ['LEASH', 0]]);
  });

  it.each([
    ['a missing line', [{ sku: 'BOWL', acceptedQuantity: 1 }], 'INSPECTION_INCOMPLETE'],
    ['more accepted than returned', [{ sku: 'BOWL', acceptedQuantity: 3 }, { sku: 'LEASH', acceptedQuantity: 1 }], 'INVALID_QUANTITY'],
    ['a negative quantity', [{ sku: 'BOWL', acceptedQuantity: -1 }, { sku: 'LEASH', acceptedQuantity: 1 }], 'INVALID_QUANTITY'],
    ['an item not returned', [{ sku: 'BOWL', acceptedQuantity: 1 }, { sku: 'LEASH', acceptedQuantity: 1 }, { sku: 'X', acceptedQuantity: 0 }], 'NOT_IN_RETURN'],
    ['a line twice', [{ sku: 'BOWL', acceptedQuantity: 1 }, { sku: 'BOWL', acceptedQuantity: 1 }], 'DUPLICATE_ITEM'],
  ] as const)('refuses %s', (_what, inspected, expected) => {
    const result = checkInspection(lines, inspected);
    expect(result.ok ? 'ok' : result.refusal.rule).toBe(expected);
  });
});

describe('return lifecycle', () => {
  it.each([
    ['REQUESTED', 'APPROVE', 'APPROVED'],
    ['REQUESTED', 'REJECT', 'REJECTED'],
    ['APPROVED', 'RECEIVE', 'RECEIVED'],
    ['RECEIVED', 'COMPLETE_REFUND', 'REFUNDED'],
  ] as const)('%s --%s--> %s', (from, command, to) => {
    expect(move(from, command)).toEqual({ kind: 'move', to });
  });

  it.each([
    ['APPROVED', 'APPROVE'],
    ['APPROVED', 'REJECT'],
    ['REJECTED', 'APPROVE'],
    ['REQUESTED', 'RECEIVE'],
    ['RECEIVED', 'RECEIVE'],
    ['REFUNDED', 'COMPLETE_REFUND'],
  ] as const)('refuses %s --%s-->', (from, command) => {
    expect(move(from, command).kind).toBe('reject');
  });
});
