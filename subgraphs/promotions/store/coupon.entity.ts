import { EntitySchema, type Opt } from '@mikro-orm/postgresql';

/** A row of `promotions.coupon`. */
export interface CouponRecord {
  /** Normalised (upper case). */
  code: string;
  description: string;
  percentOff: number;
  validUntil: Date | null;
  maxRedemptions: number | null;
  active: boolean;
  /** Projected from orders' CouponRedeemed / CouponRedemptionReleased (orders decides redemptions). */
  redemptions: number & Opt;
  createdBy: string;
  createdAt: Date & Opt;
  deactivatedAt: Date | null;
}

export const CouponEntity = new EntitySchema<CouponRecord>({
  name: 'Coupon',
  tableName: 'coupon',
  properties: {
    code: { type: 'text', primary: true },
    description: { type: 'text' },
    percentOff: { type: 'integer', fieldName: 'percent_off' },
    validUntil: { type: 'datetime', fieldName: 'valid_until', nullable: true },
    maxRedemptions: { type: 'integer', fieldName: 'max_redemptions', nullable: true },
    active: { type: 'boolean' },
    redemptions: { type: 'integer', default: 0 },
    createdBy: { type: 'text', fieldName: 'created_by' },
    createdAt: { type: 'datetime', fieldName: 'created_at', onCreate: () => new Date() },
    deactivatedAt: { type: 'datetime', fieldName: 'deactivated_at', nullable: true },
  },
});
