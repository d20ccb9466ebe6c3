import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { signEasyPostWebhook } from '../../subgraphs/fulfillment/carrier/easypost-webhook-signature.js';

/**
 * A local stand-in for EasyPost's API (https://docs.easypost.com), speaking its documented shapes:
 * - `POST /v2/shipments` `{ shipment: { to_address, from_address, parcel, reference, is_return, options } }`
 *   → a Shipment with its `rates` ("Create a Shipment", https://docs.easypost.com/docs/shipments#create-a-shipment);
 * - `GET /v2/shipments/:id` — `:id` may be the shipment's `reference` ("Retrieve a Shipment":
 *   "A Shipment can be retrieved by either its id or reference"); unknown → 404 `NOT_FOUND`;
 * - `POST /v2/shipments/:id/buy` `{ rate: { id } }` → the Shipment with `selected_rate`,
 *   `tracking_code`, `postage_label.label_url` and its `tracker` (`public_url`) ("Buy a Shipment",
 *   https://docs.easypost.com/docs/shipments#buy-a-shipment); buying twice → 422
 *   `SHIPMENT.POSTAGE.EXISTS`;
 * - authentication: HTTP Basic with the API key as user name (https://docs.easypost.com/docs/authentication);
 * - errors: `{ error: { code, message, errors } }` (https://docs.easypost.com/docs/errors).
 * Webhooks go the other way: `trackerEvent` builds an Event (https://docs.easypost.com/docs/events)
 * whose `result` is a Tracker (https://docs.easypost.com/docs/trackers: `tracking_code`, `status`,
 * `tracking_details[]`, `public_url`), and `signed` gives the `X-Hmac-Signature` header
 * (https://docs.easypost.com/guides/webhooks-guide, HMAC validation).
 */
export class FakeEasyPost {
  readonly requests: { method: string; path: string; body: any; authorization: string | undefined }[] = [];
  readonly shipments = new Map<string, any>();
  private outageStatus: number | null = null;
  private readonly server: http.Server;

  private constructor(readonly apiKey: string) {
    this.server = http.createServer((req, res) => void this.answer(req, res));
  }

  static async start(apiKey = 'EZTKfakeapikey'): Promise<FakeEasyPost> {
    const fake = new FakeEasyPost(apiKey);
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  /** The origin to give the adapter (EASYPOST_API_BASE). */
  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  outage(status = 503): void {
    this.outageStatus = status;
  }

  recover(): void {
    this.outageStatus = null;
  }

  requestsTo(method: string, pattern: RegExp) {
    return this.requests.filter((r) => r.method === method && pattern.test(r.path));
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async answer(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    let raw = '';
    for await (const chunk of req) raw += String(chunk);
    const path = (req.url ?? '').split('?')[0]!;
    const body = raw ? JSON.parse(raw) : null;
    this.requests.push({ method: req.method ?? '', path, body, authorization: req.headers.authorization });
    if (this.outageStatus) return send(res, this.outageStatus, apiError('SERVICE.UNAVAILABLE', 'The service is temporarily unavailable.'));
    if (req.headers.authorization !== `Basic ${Buffer.from(`${this.apiKey}:`).toString('base64')}`) {
      return send(res, 401, apiError('APIKEY.REQUIRED', 'Unauthorized. Please check credentials and try again'));
    }
    let match: RegExpExecArray | null;
    if (req.method === 'POST' && path === '/v2/shipments') return send(res, 201, this.createShipment(body.shipment));
    if (req.method === 'GET' && (match = /^\/v2\/shipments\/([^/]+)$/.exec(path))) {
      const shipment = this.find(decodeURIComponent(match[1]!));
      return shipment ? send(res, 200, shipment) : send(res, 404, apiError('NOT_FOUND', 'The requested resource could not be found.'));
    }
    if (req.method === 'POST' && (match = /^\/v2\/shipments\/([^/]+)\/buy$/.exec(path))) {
      const shipment = this.shipments.get(match[1]!);
      if (!shipment) return send(res, 404, apiError('NOT_FOUND', 'The requested resource could not be found.'));
      if (shipment.tracking_code) return send(res, 422, apiError('SHIPMENT.POSTAGE.EXISTS', 'Postage already exists for this shipment.'));
      const rate = shipment.rates.find((r: { id: string }) => r.id === body?.rate?.id);
      if (!rate) return send(res, 422, apiError('SHIPMENT.RATE.INVALID', 'Rate not found for this shipment.'));
      return send(res, 200, this.buy(shipment, rate));
    }
    send(res, 404, apiError('NOT_FOUND', `No route ${req.method} ${path}`));
  }

  private find(idOrReference: string): any {
    return this.shipments.get(idOrReference) ?? [...this.shipments.values()].find((s) => s.reference === idOrReference);
  }

  private createShipment(params: any): any {
    const id = `shp_${randomBytes(12).toString('hex')}`;
    const rate = (carrier: string, service: string, price: string, days: number) => ({
      id: `rate_${randomBytes(12).toString('hex')}`,
      object: 'Rate',
      mode: 'test',
      shipment_id: id,
      carrier,
      carrier_account_id: `ca_${carrier.toLowerCase()}`,
      service,
      rate: price,
      currency: 'USD',
      retail_rate: price,
      delivery_days: days,
      delivery_date_guaranteed: false,
    });
    const shipment = {
      id,
      object: 'Shipment',
      mode: 'test',
      reference: params.reference ?? null,
      is_return: Boolean(params.is_return),
      status: 'unknown',
      to_address: { id: `adr_${randomBytes(8).toString('hex')}`, object: 'Address', ...params.to_address },
      from_address: { id: `adr_${randomBytes(8).toString('hex')}`, object: 'Address', ...params.from_address },
      parcel: { id: `prcl_${randomBytes(8).toString('hex')}`, object: 'Parcel', ...params.parcel },
      options: params.options ?? {},
      rates: [
        rate('USPS', 'GroundAdvantage', '5.93', 5),
        rate('USPS', 'Priority', '8.61', 2),
        rate('UPS', 'Ground', '11.24', 5),
        rate('UPS', 'NextDayAir', '52.17', 1),
        rate('FedEx', 'FEDEX_2_DAY', '24.80', 2),
        rate('FedEx', 'STANDARD_OVERNIGHT', '48.35', 1),
      ],
      selected_rate: null,
      postage_label: null,
      tracking_code: null,
      tracker: null,
      messages: [],
      created_at: new Date().toISOString(),
      updated_at: new Date().toISOString(),
    };
    this.shipments.set(id, shipment);
    return shipment;
  }

  private buy(shipment: any, rate: any): any {
    const trackingCode = `EZ${String(1_000_000_000 + this.shipments.size).padStart(10, '0')}${randomBytes(2).toString('hex').toUpperCase()}`;
    const trackerId = `trk_${randomBytes(12).toString('hex')}`;
    Object.assign(shipment, {
      selected_rate: rate,
      tracking_code: trackingCode,
      postage_label: { object: 'PostageLabel', label_file_type: 'application/pdf', label_url: `https://easypost-files.s3.amazonaws.com/files/postage_label/${shipment.id}.pdf` },
      tracker: {
        id: trackerId,
        object: 'Tracker',
        mode: 'test',
        tracking_code: trackingCode,
        status: 'pre_transit',
        carrier: rate.carrier,
        shipment_id: shipment.id,
        public_url: `https://track.easypost.com/djE6${Buffer.from(trackerId).toString('base64url')}`,
        tracking_details: [],
      },
      updated_at: new Date().toISOString(),
    });
    return shipment;
  }
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

const apiError = (code: string, message: string) => ({ error: { code, message, errors: [] } });

export interface TrackingDetail {
  status: 'pre_transit' | 'in_transit' | 'out_for_delivery' | 'delivered' | 'failure' | 'return_to_sender' | 'unknown';
  message: string;
  datetime: string;
}

/** A `tracker.updated` Event for a bought shipment's tracker, with these details (all of them, as EasyPost re-sends them). */
export function trackerEvent(shipment: any, status: TrackingDetail['status'], details: TrackingDetail[]): any {
  const now = new Date().toISOString();
  return {
    id: `evt_${randomBytes(12).toString('hex')}`,
    object: 'Event',
    mode: 'test',
    description: 'tracker.updated',
    previous_attributes: { status: 'pre_transit' },
    pending_urls: ['https://example.com/webhooks/easypost'],
    completed_urls: [],
    status: 'pending',
    created_at: now,
    updated_at: now,
    result: {
      ...shipment.tracker,
      status,
      status_detail: status,
      // a decimal weight: EasyPost's SDK rewrites integer weights before checking signatures
      weight: 32.5,
      est_delivery_date: now,
      tracking_details: details.map((d) => ({ object: 'TrackingDetail', source: shipment.tracker.carrier, status_detail: d.status, tracking_location: { object: 'TrackingLocation', city: 'NEWARK', state: 'NJ', country: 'US', zip: '07102' }, ...d })),
      created_at: now,
      updated_at: now,
    },
  };
}

/** The body and headers EasyPost would POST to our webhook for `event`. */
export function signed(event: unknown, secret: string): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify(event);
  return { body, headers: { 'content-type': 'application/json', 'x-hmac-signature': signEasyPostWebhook(secret, body) } };
}
