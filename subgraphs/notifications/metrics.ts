import client from 'prom-client';
import type { NotificationRecord } from './store/notification.entity.js';

/**
 * SPEC §11: confirmation within 5 min, shipment e-mail within 1 h. One histogram, labelled by
 * kind, from the causing event's time to the SMTP server's acceptance (retries included).
 */
export function createDeliveryMetrics() {
  const latency = new client.Histogram({
    name: 'notification_delivery_seconds',
    help: 'Time from the event that caused an e-mail to its acceptance by the SMTP server, by kind',
    labelNames: ['kind'],
    buckets: [0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800, 3600, 7200],
    registers: [],
  });
  return {
    observeSent(notification: Pick<NotificationRecord, 'kind' | 'eventAt'>, sentAt: Date): void {
      latency.observe({ kind: notification.kind }, Math.max(0, (sentAt.getTime() - notification.eventAt.getTime()) / 1000));
    },
    register(registry: client.Registry): void {
      registry.registerMetric(latency);
    },
  };
}
