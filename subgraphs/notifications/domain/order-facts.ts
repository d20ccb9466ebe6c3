import type { ShippingAddressSnapshot, ShippingMethodName } from '../../../events/contracts/orders/order-shapes.js';

/** What order e-mails show, as OrderPlaced announced it (notifications' own copy). */
export interface OrderFacts {
  /** Human-readable (CS-100042) once orders announces it; null for orders placed before that. */
  number: string | null;
  items: { sku: string; name: string; quantity: number; unitPriceCents: number }[];
  subtotalCents: number;
  /** The coupon's discount, 0 without a coupon. */
  discountCents: number;
  couponCode: string | null;
  shippingCents: number;
  totalCents: number;
  currency: string;
  shippingAddress: ShippingAddressSnapshot;
  shippingMethod: ShippingMethodName;
  placedAt: Date;
  /** What payments captured for it (PaymentCaptured): tells the cancellation e-mail what happens to the money. */
  capturedCents: number;
}

/** How an order is named to its customer: its number, or the start of its id before numbers existed. */
export const orderLabel = (orderId: string, facts: Pick<OrderFacts, 'number'> | null): string => facts?.number ?? orderId.slice(0, 8).toUpperCase();
