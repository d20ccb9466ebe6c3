import { EntitySchema, type Opt } from '@mikro-orm/postgresql';
import type { SagaState } from '../domain/saga/types.js';

/**
 * A row of `orders.order_saga`. `version` is MikroORM's optimistic lock: every update is
 * `... where version = ?` and bumps it, so two steps that read the same version cannot both
 * commit; the loser fails (OptimisticLockError), rolls back and is retried. The explicit
 * `integer` type matters: without decorator metadata a version column would be guessed wrong.
 */
export interface OrderSagaRecord {
  orderId: string;
  state: SagaState;
  version: number & Opt;
  updatedAt: Date;
}

export const OrderSagaEntity = new EntitySchema<OrderSagaRecord>({
  name: 'OrderSaga',
  tableName: 'order_saga',
  properties: {
    orderId: { type: 'uuid', primary: true, fieldName: 'order_id' },
    state: { type: 'json' },
    version: { type: 'integer', version: true },
    updatedAt: { type: 'datetime', fieldName: 'updated_at' },
  },
});
