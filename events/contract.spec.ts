import { describe, expect, it } from 'vitest';
import { subjectFor } from './contract.js';
import { ProductPriceChanged } from './contracts/catalog/index.js';
import { OrderStatusChanged } from './contracts/orders/index.js';

describe('subjectFor', () => {
  it('names an event by namespace, context, kebab-cased type and version, the same each time', () => {
    expect(subjectFor('cs', ProductPriceChanged)).toBe('cs.catalog.product-price-changed.v1');
    expect(subjectFor('bench', ProductPriceChanged)).toBe('bench.catalog.product-price-changed.v1');
    expect(subjectFor('cs', OrderStatusChanged)).toBe('cs.orders.order-status-changed.v1');
    expect(subjectFor('cs', { context: 'orders', type: 'OrderStatusChanged', version: 2 })).toBe('cs.orders.order-status-changed.v2');
  });
});
