import { EntitySchema, type Opt } from '@mikro-orm/postgresql';

/** A row of `orders.product_price`: catalog's current price of a SKU. */
export interface ProductPriceRecord {
  sku: string;
  priceCents: number;
  currency: string;
  /** The version of the event that set it (see domain/projections.ts). */
  version: string;
  updatedAt: Date & Opt;
}

export const ProductPriceEntity = new EntitySchema<ProductPriceRecord>({
  name: 'ProductPrice',
  tableName: 'product_price',
  properties: {
    sku: { type: 'text', primary: true },
    priceCents: { type: 'integer', fieldName: 'price_cents' },
    currency: { type: 'text' },
    version: { type: 'text' },
    updatedAt: { type: 'datetime', fieldName: 'updated_at', onCreate: () => new Date(), onUpdate: () => new Date() },
  },
});

/** A row of `orders.customer_address`: a saved address as customers last announced it. */
export interface CustomerAddressRecord {
  id: string;
  customerId: string;
  nickname: string | null;
  line1: string | null;
  line2: string | null;
  city: string | null;
  region: string | null;
  postalCode: string | null;
  country: string | null;
  verification: string | null;
  removed: boolean;
  version: string;
  updatedAt: Date & Opt;
}

export const CustomerAddressEntity = new EntitySchema<CustomerAddressRecord>({
  name: 'CustomerAddress',
  tableName: 'customer_address',
  properties: {
    id: { type: 'uuid', primary: true },
    customerId: { type: 'text', fieldName: 'customer_id' },
    nickname: { type: 'text', nullable: true },
    line1: { type: 'text', nullable: true },
    line2: { type: 'text', nullable: true },
    city: { type: 'text', nullable: true },
    region: { type: 'text', nullable: true },
    postalCode: { type: 'text', fieldName: 'postal_code', nullable: true },
    country: { type: 'text', nullable: true },
    verification: { type: 'text', nullable: true },
    removed: { type: 'boolean' },
    version: { type: 'text' },
    updatedAt: { type: 'datetime', fieldName: 'updated_at', onCreate: () => new Date(), onUpdate: () => new Date() },
  },
});
