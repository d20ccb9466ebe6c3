import { EntitySchema, type Opt } from '@mikro-orm/postgresql';

/** A row of `cart.product_projection` (catalog's product events). */
export interface ProductProjectionRecord {
  sku: string;
  name: string | null;
  priceCents: number | null;
  currency: string | null;
  status: string | null;
  detailsVersion: string | null;
  priceVersion: string | null;
  statusVersion: string | null;
  updatedAt: Date & Opt;
}

export const ProductProjectionEntity = new EntitySchema<ProductProjectionRecord>({
  name: 'ProductProjection',
  tableName: 'product_projection',
  properties: {
    sku: { type: 'text', primary: true },
    name: { type: 'text', nullable: true },
    priceCents: { type: 'integer', fieldName: 'price_cents', nullable: true },
    currency: { type: 'text', nullable: true },
    status: { type: 'text', nullable: true },
    detailsVersion: { type: 'text', fieldName: 'details_version', nullable: true },
    priceVersion: { type: 'text', fieldName: 'price_version', nullable: true },
    statusVersion: { type: 'text', fieldName: 'status_version', nullable: true },
    updatedAt: { type: 'datetime', fieldName: 'updated_at', onCreate: () => new Date(), onUpdate: () => new Date() },
  },
});

/** A row of `cart.stock_projection` (inventory's StockLevelChanged). */
export interface StockProjectionRecord {
  sku: string;
  totalAvailable: number;
  lowStock: boolean;
  inStock: boolean;
  version: string;
  updatedAt: Date & Opt;
}

export const StockProjectionEntity = new EntitySchema<StockProjectionRecord>({
  name: 'StockProjection',
  tableName: 'stock_projection',
  properties: {
    sku: { type: 'text', primary: true },
    totalAvailable: { type: 'integer', fieldName: 'total_available' },
    lowStock: { type: 'boolean', fieldName: 'low_stock' },
    inStock: { type: 'boolean', fieldName: 'in_stock' },
    version: { type: 'text' },
    updatedAt: { type: 'datetime', fieldName: 'updated_at', onCreate: () => new Date(), onUpdate: () => new Date() },
  },
});
