import type { ShippingAddressSnapshot, ShippingMethodName } from '../../../events/contracts/orders/order-shapes.js';

/** What a carrier needs to book a parcel. */
export interface LabelRequest {
  /** Our reference, printed on the label; the carrier echoes it in its webhook reports. */
  shipmentId: string;
  orderId: string;
  /** Where the carrier picks the parcel up. */
  warehouseId: string;
  shippingAddress: ShippingAddressSnapshot;
  shippingMethod: ShippingMethodName;
  /** The carrier staff chose (an upper-case name from `carriers`); null lets the adapter pick by shipping method. */
  carrier: string | null;
}

export interface ShippingLabel {
  carrier: string;
  trackingNumber: string;
}

/**
 * The port to the carriers (SPEC §8). Implementations: the stub (default; carrier/stub-carrier.ts).
 * A real one books through the carrier's API and receives its reports on the signed webhook.
 */
export interface CarrierAdapter {
  /** Upper-case names of the carriers this adapter books; a requested carrier must be one of them. */
  readonly carriers: readonly string[];
  /** Books the parcel and returns its label. Idempotent per shipment: asking again gives the same label. */
  createLabel(request: LabelRequest): Promise<ShippingLabel>;
}

/** A parcel on its way, as the delivery simulation sees it. */
export interface ParcelInTransit {
  shipmentId: string;
  carrier: string;
  trackingNumber: string;
  shippingAddress: ShippingAddressSnapshot;
  /** The attempt about to be made, from 1. */
  attempt: number;
}

export type SimulatedOutcome = { type: 'delivered' } | { type: 'delivery_attempt_failed'; reason: string };

/** What a carrier will report for a parcel's next delivery attempt; only stubs simulate. */
export interface DeliverySimulator {
  nextOutcome(parcel: ParcelInTransit): SimulatedOutcome;
}
