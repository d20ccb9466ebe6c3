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
  /** The carrier's public tracking page for this parcel (`Shipment.trackingUrl`). */
  trackingUrl: string;
}

/** A label the customer prints to send a delivered parcel back to the warehouse (the returns context). */
export interface ReturnLabelRequest {
  /** Our reference for the return (the returns context's id); idempotent per reference. */
  returnId: string;
  orderId: string;
  /** The warehouse the parcel goes back to. */
  warehouseId: string;
  /** Where the customer sends it from: the order's shipping address. */
  customerAddress: ShippingAddressSnapshot;
  /** null: the adapter picks (the cheapest ground service). */
  carrier: string | null;
}

export interface ReturnLabel extends ShippingLabel {
  /** The printable label (PDF/PNG) the customer is sent. */
  labelUrl: string;
}

/**
 * The port to the carriers (SPEC §8). Implementations: the stub (default; carrier/stub-carrier.ts)
 * and EasyPost (carrier/easypost-carrier.ts), chosen by CARRIER_ADAPTER; reports come back on the
 * signed webhooks.
 */
export interface CarrierAdapter {
  readonly name: 'stub' | 'easypost';
  /** Upper-case names of the carriers this adapter books; a requested carrier must be one of them. */
  readonly carriers: readonly string[];
  /** Books the parcel and returns its label. Idempotent per shipment: asking again gives the same label. */
  createLabel(request: LabelRequest): Promise<ShippingLabel>;
  /** Books a return label (warehouse ← customer). Idempotent per return. */
  createReturnLabel(request: ReturnLabelRequest): Promise<ReturnLabel>;
}

/** The carrier could not book a label now (down, slow, circuit open): nothing was dispatched; try again. */
export class CarrierUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CarrierUnavailableError';
  }
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
