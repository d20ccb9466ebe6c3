import express, { type Express } from 'express';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../../../platform/logger.js';
import { EASYPOST_SIGNATURE_HEADER, verifyEasyPostWebhook } from '../carrier/easypost-webhook-signature.js';
import { easyPostEventSchema, easyPostTrackerSchema } from '../domain/easypost-tracker.js';
import { applyTrackerUpdate } from '../use-cases/apply-tracker-update.js';
import type { ReportOutcome } from '../use-cases/apply-carrier-report.js';

export const EASYPOST_WEBHOOK_PATH = '/webhooks/easypost';

export interface EasyPostWebhookOptions {
  /** EASYPOST_WEBHOOK_SECRET; null when not configured: every request gets 503. */
  secret: string | null;
  eventNamespace: string;
  fork: () => EntityManager;
  log: Logger;
}

/** EasyPost retries deliveries that are not answered 2xx: 404 and 409 ask for a later retry. */
const RESPONSES: Record<ReportOutcome['outcome'], number> = {
  APPLIED: 200,
  DUPLICATE: 200,
  IGNORED: 200,
  UNKNOWN_SHIPMENT: 404,
  EARLY: 409,
  INVALID: 422,
};

/**
 * POST /webhooks/easypost: EasyPost Events (https://docs.easypost.com/docs/events), signed with
 * `X-Hmac-Signature` (carrier/easypost-webhook-signature.ts) — checked over the raw bytes before
 * parsing; unsigned or badly signed → 401, nothing changes. Tracker events move the shipment with
 * that tracking code (use-cases/apply-tracker-update.ts); other events are acknowledged and ignored.
 */
export function easyPostWebhookRoutes(options: EasyPostWebhookOptions): (app: Express) => void {
  const log = options.log.child({ component: 'easypost-webhook' });
  return (app) => {
    app.post(EASYPOST_WEBHOOK_PATH, express.raw({ type: () => true, limit: '256kb' }), async (req, res) => {
      if (!options.secret) {
        res.status(503).json({ error: 'EasyPost webhook not configured' });
        return;
      }
      const rawBody = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      if (!verifyEasyPostWebhook({ secret: options.secret, signature: req.get(EASYPOST_SIGNATURE_HEADER), rawBody })) {
        log.warn({ ip: req.ip, signed: Boolean(req.get(EASYPOST_SIGNATURE_HEADER)) }, 'EasyPost webhook refused');
        res.status(401).json({ error: 'missing or invalid signature' });
        return;
      }
      let body: unknown;
      try {
        body = JSON.parse(rawBody.toString('utf8'));
      } catch {
        res.status(400).json({ error: 'body must be JSON' });
        return;
      }
      const event = easyPostEventSchema.safeParse(body);
      if (!event.success) {
        res.status(400).json({ error: 'not an EasyPost event' });
        return;
      }
      if (!event.data.description.startsWith('tracker.') || event.data.result.object !== 'Tracker') {
        res.status(200).json({ outcome: 'IGNORED', reason: `not a tracker event (${event.data.description})` });
        return;
      }
      const tracker = easyPostTrackerSchema.safeParse(event.data.result);
      if (!tracker.success) {
        res.status(400).json({ error: 'not an EasyPost tracker', issues: tracker.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
        return;
      }
      try {
        const result = await applyTrackerUpdate({ eventNamespace: options.eventNamespace }, options.fork(), tracker.data);
        log.info({ eventId: event.data.id, trackingCode: tracker.data.tracking_code, status: tracker.data.status, outcome: result.outcome }, 'EasyPost tracker event');
        res.status(RESPONSES[result.outcome]).json(result);
      } catch (err) {
        log.error({ err, eventId: event.data.id }, 'EasyPost tracker event failed');
        res.status(500).json({ error: 'internal error' });
      }
    });
  };
}
