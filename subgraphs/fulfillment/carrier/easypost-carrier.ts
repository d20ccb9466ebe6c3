import EasyPostModule from '@easypost/api';
import type { EasyPostFromAddress } from '../../../platform/config.js';
import type { OutboundClients } from '../../../platform/outbound/outbound-clients.js';
import { OutboundUnavailableError, type OutboundPolicy } from '../../../platform/outbound/outbound-policy.js';
import type { ShippingAddressSnapshot } from '../../../events/contracts/orders/order-shapes.js';
import { CarrierUnavailableError, type CarrierAdapter, type LabelRequest, type ReturnLabel, type ReturnLabelRequest, type ShippingLabel } from './carrier-adapter.js';
import { carrierNameOf, chooseRate, type EasyPostRate } from './easypost-rates.js';

// The SDK's types describe a CommonJS default export while Node loads its ES module build, whose default is the client class.
type EasyPostClientClass = typeof EasyPostModule.default;
const EasyPostClient = ((EasyPostModule as unknown as { default?: EasyPostClientClass }).default ?? EasyPostModule) as EasyPostClientClass;

export interface EasyPostOptions {
  apiKey: string;
  /** Another API origin (a local fake in tests, an egress proxy); EasyPost's own when unset. */
  apiBase?: string | undefined;
  /** The sender on labels (and the return address of return labels). */
  fromAddress: EasyPostFromAddress;
  /** Per request. */
  timeoutMs: number;
  policy: OutboundPolicy;
}

/**
 * The parcel we declare: the catalogue has no weights or sizes yet, so every parcel is a medium
 * box of 2 lb (inches and ounces, as EasyPost wants them). Rates are estimates until it does.
 */
export const DEFAULT_PARCEL = { length: 12, width: 9, height: 6, weight: 32 };

/** The fields of an EasyPost Shipment we read (https://docs.easypost.com/docs/shipments). */
interface EasyPostShipment {
  id: string;
  reference?: string | null;
  rates: EasyPostRate[];
  selected_rate?: EasyPostRate | null;
  tracking_code?: string | null;
  tracker?: { id: string; public_url: string } | null;
  postage_label?: { label_url: string } | null;
}

/** EasyPost's policy: its calls are safe to repeat (see `createLabel`), so the retry matrix's 2 HTTP retries apply. */
export function easyPostPolicy(outbound: OutboundClients, timeoutMs: number): OutboundPolicy {
  return outbound.policy({ name: 'easypost', timeoutMs, retries: 2, isTransient: isEasyPostOutage });
}

/**
 * EasyPost (https://docs.easypost.com) through its official SDK (`@easypost/api`, pointed at
 * `apiBase` with its `baseUrl` option; its own timeout applied per request through
 * `requestMiddleware`, since the SDK stores but does not apply its `timeout` option).
 *
 * A label: create a Shipment (`POST /v2/shipments`, our shipment id as its `reference`) with the
 * customer's address, the sender and the parcel; EasyPost answers with rates; buy the cheapest
 * that keeps the shipping method's promise (`POST /v2/shipments/:id/buy`); the bought shipment
 * carries the `tracking_code` and the tracker's `public_url` (our `trackingUrl`).
 *
 * Idempotent per shipment, as the port requires: EasyPost finds a shipment by its reference
 * (`GET /v2/shipments/:reference`), so a repeated call (a retry, a second click, another replica)
 * reuses the shipment and, if it was bought, its label — never a second purchase. Return labels
 * are the same with `is_return: true` (EasyPost swaps the addresses) and reference `return-<id>`.
 */
export class EasyPostCarrier implements CarrierAdapter {
  readonly name = 'easypost' as const;
  readonly carriers = ['USPS', 'UPS', 'FEDEX', 'DHL'] as const;
  private readonly client: InstanceType<EasyPostClientClass>;

  constructor(private readonly options: EasyPostOptions) {
    this.client = new EasyPostClient(options.apiKey, {
      ...(options.apiBase ? { baseUrl: new URL('/v2/', options.apiBase).toString() } : {}),
      requestMiddleware: (request: { timeout(t: { response: number; deadline: number }): unknown }) => {
        request.timeout({ response: options.timeoutMs, deadline: options.timeoutMs });
        return request;
      },
    });
  }

  async createLabel(request: LabelRequest): Promise<ShippingLabel> {
    const bought = await this.book(request.shipmentId, request.carrier, request.shippingMethod, {
      to_address: toEasyPostAddress(request.shippingAddress),
      from_address: this.options.fromAddress,
      options: { label_format: 'PDF' },
    });
    return labelOf(bought);
  }

  async createReturnLabel(request: ReturnLabelRequest): Promise<ReturnLabel> {
    // to/from as for the outbound parcel; is_return tells EasyPost to swap them
    const bought = await this.book(`return-${request.returnId}`, request.carrier, 'STANDARD', {
      to_address: toEasyPostAddress(request.customerAddress),
      from_address: this.options.fromAddress,
      is_return: true,
      options: { label_format: 'PDF' },
    });
    const label = bought.postage_label?.label_url;
    if (!label) throw new Error(`EasyPost return shipment ${bought.id} has no label file`);
    return { ...labelOf(bought), labelUrl: label };
  }

  private async book(reference: string, carrier: string | null, method: LabelRequest['shippingMethod'], details: Record<string, unknown>): Promise<EasyPostShipment> {
    let shipment = await this.existing(reference);
    if (shipment?.tracking_code) return shipment;
    shipment ??= await this.call(() => this.client.Shipment.create({ reference, parcel: DEFAULT_PARCEL, ...details }) as Promise<EasyPostShipment>);
    const rate = chooseRate(shipment.rates ?? [], method, carrier);
    if (!rate) throw new Error(`EasyPost offered no ${carrier ?? 'carrier'} rate for ${method} (shipment ${shipment.id})`);
    const id = shipment.id;
    try {
      return await this.call(() => this.client.Shipment.buy(id, rate.id) as Promise<EasyPostShipment>);
    } catch (err) {
      // a retried purchase whose first attempt went through is refused by EasyPost: read the label bought then
      if (err instanceof CarrierUnavailableError) throw err;
      const again = await this.call(() => this.client.Shipment.retrieve(id) as Promise<EasyPostShipment>);
      if (again.tracking_code) return again;
      throw err;
    }
  }

  /** The shipment booked under this reference before, or null (EasyPost answers 404). */
  private async existing(reference: string): Promise<EasyPostShipment | null> {
    try {
      return await this.call(() => this.client.Shipment.retrieve(reference) as Promise<EasyPostShipment>);
    } catch (err) {
      if (statusOf(err) === 404) return null;
      throw err;
    }
  }

  private async call<T>(request: () => Promise<T>): Promise<T> {
    try {
      return await this.options.policy.execute(request, { idempotent: true });
    } catch (err) {
      if (err instanceof OutboundUnavailableError || isEasyPostOutage(err)) throw new CarrierUnavailableError(`EasyPost unavailable: ${(err as Error).message}`);
      throw err;
    }
  }
}

function labelOf(shipment: EasyPostShipment): ShippingLabel {
  if (!shipment.tracking_code || !shipment.tracker?.public_url || !shipment.selected_rate) {
    throw new Error(`EasyPost shipment ${shipment.id} was bought without a tracking code or tracker`);
  }
  return { carrier: carrierNameOf(shipment.selected_rate.carrier), trackingNumber: shipment.tracking_code, trackingUrl: shipment.tracker.public_url };
}

function toEasyPostAddress(address: ShippingAddressSnapshot) {
  return {
    // the order's address carries no recipient name yet; the nickname ("Home") stands in
    name: address.nickname || 'CritterSupply customer',
    street1: address.line1,
    street2: address.line2 ?? undefined,
    city: address.city,
    state: address.region,
    zip: address.postalCode,
    country: address.country,
  };
}

const statusOf = (err: unknown): number | undefined => (err && typeof err === 'object' && 'statusCode' in err ? Number((err as { statusCode: unknown }).statusCode) : undefined);

/** EasyPost failing (unreachable, timed out, 5xx, 429, 408) as opposed to refusing a request (4xx). */
export function isEasyPostOutage(err: unknown): boolean {
  const status = statusOf(err);
  if (status !== undefined && !Number.isNaN(status)) return status >= 500 || status === 429 || status === 408;
  // superagent's own errors: connection refused/reset, its timeout
  return err instanceof Error && ('code' in err || 'timeout' in err || err.name === 'TypeError');
}
