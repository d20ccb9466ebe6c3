import { createHash } from 'node:crypto';
import type { ShippingMethodName } from '../../../events/contracts/orders/order-shapes.js';
import type { CarrierAdapter, DeliverySimulator, LabelRequest, ParcelInTransit, ReturnLabel, ReturnLabelRequest, ShippingLabel, SimulatedOutcome } from './carrier-adapter.js';
import { publicTrackingUrl } from './public-tracking-url.js';

/** The carrier each shipping method goes with when staff do not choose one. */
const DEFAULT_CARRIER: Record<ShippingMethodName, string> = { STANDARD: 'USPS', EXPRESS: 'UPS', NEXT_DAY: 'FEDEX' };

/** Tracking numbers shaped like each carrier's, from a hash of (shipment, carrier): the same label every time. */
const TRACKING_FORMAT: Record<string, (hash: Buffer) => string> = {
  UPS: (hash) => `1Z${hash.toString('hex').slice(0, 16).toUpperCase()}`,
  FEDEX: (hash) => digits(hash, 12),
  USPS: (hash) => `9400${digits(hash, 18)}`,
  DHL: (hash) => digits(hash, 10),
};

/** Any address line (or nickname) with this word makes every simulated attempt fail. */
const UNDELIVERABLE = /undeliverable/i;

/**
 * The default carrier adapter: books nothing anywhere, gives deterministic labels, and simulates
 * deliveries: a parcel is delivered at its first attempt, unless its address says "undeliverable",
 * in which case every attempt fails (nobody home), which ends in DELIVERY_FAILED after three.
 */
export class StubCarrier implements CarrierAdapter, DeliverySimulator {
  readonly name = 'stub' as const;
  readonly carriers = Object.keys(TRACKING_FORMAT);

  async createLabel(request: LabelRequest): Promise<ShippingLabel> {
    return label(request.shipmentId, request.carrier ?? DEFAULT_CARRIER[request.shippingMethod]);
  }

  /** Returns go back by ground (USPS) unless a carrier is named; the label file is a placeholder. */
  async createReturnLabel(request: ReturnLabelRequest): Promise<ReturnLabel> {
    const booked = label(`return:${request.returnId}`, request.carrier ?? DEFAULT_CARRIER.STANDARD);
    return { ...booked, labelUrl: `https://labels.crittersupply.dev/returns/${request.returnId}.pdf` };
  }

  nextOutcome(parcel: ParcelInTransit): SimulatedOutcome {
    const { nickname, line1, line2 } = parcel.shippingAddress;
    if ([nickname, line1, line2].some((text) => text && UNDELIVERABLE.test(text))) {
      return { type: 'delivery_attempt_failed', reason: 'Recipient not available' };
    }
    return { type: 'delivered' };
  }
}

/** The same (reference, carrier) always gives the same label; the URL is the carrier's own tracking page. */
function label(reference: string, carrier: string): ShippingLabel {
  const format = TRACKING_FORMAT[carrier];
  if (!format) throw new Error(`the stub carrier does not book ${carrier}`);
  const trackingNumber = format(createHash('sha256').update(`${reference}:${carrier}`).digest());
  return { carrier, trackingNumber, trackingUrl: publicTrackingUrl(carrier, trackingNumber)! };
}

function digits(hash: Buffer, count: number): string {
  const value = BigInt(`0x${hash.toString('hex')}`) % 10n ** BigInt(count);
  return value.toString().padStart(count, '0');
}
