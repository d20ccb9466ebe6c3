import type { ShippingAddressSnapshot } from '../../../events/contracts/orders/order-shapes.js';

/** What a carrier needs to issue a prepaid return label: from the customer back to the warehouse. */
export interface ReturnLabelRequest {
  /** Our reference, printed on the label. */
  returnId: string;
  orderId: string;
  /** Where the order was delivered: where the parcel starts. */
  fromAddress: ShippingAddressSnapshot | null;
  /** The warehouse that shipped the order, where the parcel goes back. */
  warehouseId: string;
}

export interface ReturnLabel {
  carrier: string;
  trackingNumber: string;
  /** Where the customer downloads and prints the label. */
  labelUrl: string;
}

/**
 * The port to the carriers for returns, shaped like fulfillment's CarrierAdapter. Implementations:
 * the stub (carrier/stub-return-carrier.ts) and the shared carrier adapter (fulfillment's, chosen by
 * CARRIER_ADAPTER) seen through this port (carrier/create-return-carrier.ts).
 */
export interface ReturnCarrierAdapter {
  /** Issues the prepaid label. Idempotent per return: asking again gives the same label. */
  createReturnLabel(request: ReturnLabelRequest): Promise<ReturnLabel>;
}
