import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import type { Money } from '../domain/money.js';
import { CustomerAddressEntity, ProductPriceEntity, type CustomerAddressRecord, type ProductPriceRecord } from './projection.entities.js';

/** Orders' projections of catalog prices and customers' saved addresses. */
export class ProjectionRepository {
  constructor(private readonly em: EntityManager) {}

  private table(name: string): string {
    return `"${this.em.config.get('schema')}".${name}`;
  }

  /** Current catalog prices of the SKUs the projection knows. */
  async currentPrices(skus: readonly string[]): Promise<Map<string, Money>> {
    const rows = skus.length ? await this.em.find(ProductPriceEntity, { sku: { $in: [...skus] } }, { refresh: true }) : [];
    return new Map(rows.map((row) => [row.sku, { cents: row.priceCents, currency: row.currency }]));
  }

  /** Inside a transaction: the SKU's price row (created with the oldest version when missing), locked. */
  async lockPrice(sku: string): Promise<ProductPriceRecord> {
    await this.em.execute(
      `insert into ${this.table('product_price')} (sku, price_cents, currency, version) values (?, 0, 'USD', '') on conflict do nothing`,
      [sku],
      'run',
    );
    return this.em.findOneOrFail(ProductPriceEntity, { sku }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  }

  findAddress(id: string): Promise<CustomerAddressRecord | null> {
    return this.em.findOne(CustomerAddressEntity, { id }, { refresh: true });
  }

  /** Inside a transaction: the address row (created empty with the oldest version when missing), locked. */
  async lockAddress(id: string, customerId: string): Promise<CustomerAddressRecord> {
    await this.em.execute(
      `insert into ${this.table('customer_address')} (id, customer_id, version) values (?, ?, '') on conflict do nothing`,
      [id, customerId],
      'run',
    );
    return this.em.findOneOrFail(CustomerAddressEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  }
}
