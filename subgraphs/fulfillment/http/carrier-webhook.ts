import express, { type Express } from 'express';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../../../platform/logger.js';
import { unsafeTextFields } from '../../../platform/text-input.js';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyCarrierWebhook } from '../carrier/webhook-signature.js';
import { carrierReportSchema } from '../domain/carrier-report.js';
import { applyCarrierReport, type ReportOutcome } from '../use-cases/apply-carrier-report.js';

export const CARRIER_WEBHOOK_PATH = '/webhooks/carrier';

export interface CarrierWebhookOptions {
  /** Null when not configured (production without CARRIER_WEBHOOK_SECRET): every request gets 503. */
  secret: string | null;
  eventNamespace: string;
  /** A fresh EntityManager fork per request. */
  fork: () => EntityManager;
  log: Logger;
  /** The clock signatures are judged by (tests). */
  nowMs?: () => number;
}

/** What the carrier learns: 2xx means "handled, do not send again"; 409 means "send it again later". */
const RESPONSES: Record<ReportOutcome['outcome'], number> = {
  APPLIED: 200,
  DUPLICATE: 200,
  IGNORED: 200,
  UNKNOWN_SHIPMENT: 404,
  EARLY: 409,
  INVALID: 422,
};

/**
 * POST /webhooks/carrier: carrier reports (in_transit, delivery_attempt_failed, delivered), signed
 * as carrier/webhook-signature.ts describes. The signature is checked over the raw bytes before
 * anything is parsed; unsigned, badly signed or stale requests get 401 and change nothing.
 */
export function carrierWebhookRoutes(options: CarrierWebhookOptions): (app: Express) => void {
  const nowMs = options.nowMs ?? Date.now;
  const log = options.log.child({ component: 'carrier-webhook' });
  return (app) => {
    app.post(CARRIER_WEBHOOK_PATH, express.raw({ type: () => true, limit: '64kb' }), async (req, res) => {
      if (!options.secret) {
        res.status(503).json({ error: 'carrier webhook not configured' });
        return;
      }
      const rawBody = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const check = verifyCarrierWebhook({ secret: options.secret, timestamp: req.get(TIMESTAMP_HEADER), signature: req.get(SIGNATURE_HEADER), rawBody, nowMs: nowMs() });
      if (!check.ok) {
        log.warn({ reason: check.reason, ip: req.ip }, 'carrier webhook refused');
        res.status(401).json({ error: 'missing, invalid or stale signature' });
        return;
      }

      let body: unknown;
      try {
        body = JSON.parse(rawBody.toString('utf8'));
      } catch {
        res.status(400).json({ error: 'body must be JSON' });
        return;
      }
      const unsafe = unsafeTextFields(body, '');
      if (Object.keys(unsafe).length) {
        res.status(400).json({ error: 'not a carrier event', issues: Object.entries(unsafe).map(([path, problem]) => `${path}: ${problem}`) });
        return;
      }
      const parsed = carrierReportSchema.safeParse(body);
      if (!parsed.success) {
        res.status(400).json({ error: 'not a carrier event', issues: parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`) });
        return;
      }

      const report = parsed.data;
      try {
        const result = await applyCarrierReport({ eventNamespace: options.eventNamespace }, options.fork(), report);
        log.info({ eventId: report.eventId, type: report.type, shipmentId: report.shipmentId, ...result }, 'carrier event');
        res.status(RESPONSES[result.outcome]).json(result);
      } catch (err) {
        log.error({ err, eventId: report.eventId }, 'carrier event failed');
        res.status(500).json({ error: 'internal error' });
      }
    });
  };
}
