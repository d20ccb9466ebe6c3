import { EntitySchema } from '@mikro-orm/postgresql';
import type { StockLevel } from '../domain/stock-level.js';

/** A row of `inventory.stock_level`; written only through StockRepository's locked SQL. */
export interface StockLevelRecord extends StockLevel {
  updatedAt: Date;
}

export const StockLevelEntity = new EntitySchema<StockLevelRecord>({
  name: 'StockLevel',
  tableName: 'stock_level',
  properties: {
    sku: { type: 'text', primary: true },
    warehouseId: { type: 'text', primary: true, fieldName: 'warehouse_id' },
    available: { type: 'integer' },
    reserved: { type: 'integer' },
    committed: { type: 'integer' },
    shipped: { type: 'integer' },
    updatedAt: { type: 'datetime', fieldName: 'updated_at' },
  },
});
