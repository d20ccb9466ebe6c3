import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake received: what Stripe would have seen. */
export interface StripeRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  /** The form body, flattened as Stripe encodes it (`metadata[orderId]`, `payment_method_types[0]`). */
  form: Record<string, string>;
}

export interface ScriptedResponse {
  status: number;
  body: unknown;
  /** Answer only after this long (a timeout, from the client's side). */
  delayMs?: number;
}

/**
 * A local stand-in for api.stripe.com (node:http on port 0, loopback only): records every request
 * and answers like Stripe's PaymentIntents and Refunds endpoints, unless a response was scripted
 * for the next request(s). Tests assert on `requests`.
 */
export class FakeStripe {
  readonly requests: StripeRequest[] = [];
  private readonly scripted: ScriptedResponse[] = [];
  private readonly server: http.Server;
  private sequence = 0;

  private constructor() {
    this.server = http.createServer((req, res) => void this.answer(req, res));
  }

  static async start(): Promise<FakeStripe> {
    const fake = new FakeStripe();
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The next request gets this answer instead of the default one. */
  respondNext(...responses: ScriptedResponse[]): void {
    this.scripted.push(...responses);
  }

  requestsTo(pathPattern: RegExp): StripeRequest[] {
    return this.requests.filter((r) => pathPattern.test(r.path));
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async answer(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    let raw = '';
    for await (const chunk of req) raw += String(chunk);
    const path = (req.url ?? '').split('?')[0]!;
    const form = Object.fromEntries(new URLSearchParams(raw));
    this.requests.push({ method: req.method ?? '', path, headers: req.headers, form });

    const { status, body, delayMs } = this.scripted.shift() ?? this.defaultAnswer(req.method ?? '', path, form);
    if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
    if (res.destroyed) return;
    res.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_fake_${++this.sequence}` });
    res.end(JSON.stringify(body));
  }

  private defaultAnswer(method: string, path: string, form: Record<string, string>): ScriptedResponse {
    const n = ++this.sequence;
    let match: RegExpExecArray | null;
    if (method === 'POST' && path === '/v1/payment_intents') {
      return {
        status: 200,
        body: { id: `pi_fake_${n}`, object: 'payment_intent', status: 'requires_capture', amount: Number(form.amount), currency: form.currency, capture_method: form.capture_method },
      };
    }
    if (method === 'POST' && (match = /^\/v1\/payment_intents\/([^/]+)\/capture$/.exec(path))) {
      return { status: 200, body: { id: match[1], object: 'payment_intent', status: 'succeeded', amount_received: Number(form.amount_to_capture) } };
    }
    if (method === 'POST' && (match = /^\/v1\/payment_intents\/([^/]+)\/cancel$/.exec(path))) {
      return { status: 200, body: { id: match[1], object: 'payment_intent', status: 'canceled', cancellation_reason: form.cancellation_reason } };
    }
    if (method === 'POST' && path === '/v1/refunds') {
      return { status: 200, body: { id: `re_fake_${n}`, object: 'refund', status: 'succeeded', amount: Number(form.amount), payment_intent: form.payment_intent } };
    }
    return { status: 404, body: { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${method}: ${path})` } } };
  }
}

/** Stripe's error body for a declined card. */
export const cardDeclined = (declineCode = 'insufficient_funds'): ScriptedResponse => ({
  status: 402,
  body: { error: { type: 'card_error', code: 'card_declined', decline_code: declineCode, message: 'Your card was declined.' } },
});

export const apiError = (): ScriptedResponse => ({ status: 500, body: { error: { type: 'api_error', message: 'Something went wrong on Stripe’s end.' } } });
