import { EntitySchema } from '@mikro-orm/postgresql';
import type { OrderLine, UnavailableLine } from '../domain/reservation-choice.js';
import type { ReservationStatus } from '../domain/reservation-lifecycle.js';

/** A row of `inventory.reservation`: one per order, whatever became of it. */
export interface ReservationRecord {
  id: string;
  orderId: string;
  customerId: string | null;
  status: ReservationStatus;
  /** Null when nothing was ever held (FAILED, or a release ahead of the request). */
  warehouseId: string | null;
  lines: OrderLine[];
  unavailable: UnavailableLine[] | null;
  shippingRegion: string | null;
  shippingCountry: string | null;
  releaseReason: string | null;
  /** The status whose units a release put back; null when nothing was held. */
  releasedFrom: 'RESERVED' | 'COMMITTED' | null;
  /** Database clock; only RESERVED reservations expire. */
  expiresAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const ReservationEntity = new EntitySchema<ReservationRecord>({
  name: 'Reservation',
  tableName: 'reservation',
  properties: {
    id: { type: 'uuid', primary: true },
    orderId: { type: 'text', fieldName: 'order_id', unique: true },
    customerId: { type: 'text', fieldName: 'customer_id', nullable: true },
    status: { type: 'text' },
    warehouseId: { type: 'text', fieldName: 'warehouse_id', nullable: true },
    lines: { type: 'json' },
    unavailable: { type: 'json', nullable: true },
    shippingRegion: { type: 'text', fieldName: 'shipping_region', nullable: true },
    shippingCountry: { type: 'text', fieldName: 'shipping_country', nullable: true },
    releaseReason: { type: 'text', fieldName: 'release_reason', nullable: true },
    releasedFrom: { type: 'text', fieldName: 'released_from', nullable: true },
    expiresAt: { type: 'datetime', fieldName: 'expires_at', nullable: true },
    createdAt: { type: 'datetime', fieldName: 'created_at', onCreate: () => new Date() },
    updatedAt: { type: 'datetime', fieldName: 'updated_at', onCreate: () => new Date(), onUpdate: () => new Date() },
  },
});
