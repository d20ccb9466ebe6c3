import client from 'prom-client';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Orm } from '../../platform/database.js';

/**
 * SPEC §11 checkout completion: placeOrder → CONFIRMED, observed by the saga step that confirms
 * the order (placedAt to that step's decision), once its write has succeeded: a step whose write
 * failed (a moved version, a batch rolled back) and that is decided again is observed once. One
 * per process, registered on its /metrics.
 */
export const checkoutCompletion = new client.Histogram({
  name: 'orders_checkout_completion_seconds',
  help: 'Time from placeOrder to CONFIRMED (SPEC §11: 90 % within 5 s, 98 % within 10 s)',
  buckets: [0.25, 0.5, 1, 2, 5, 10, 30, 60, 300],
  registers: [],
});

/** Orders' metrics: the completion histogram and the ON_HOLD orders waiting for staff, read at scrape time. */
export function registerOrdersMetrics(registry: client.Registry, orm: Orm): void {
  registry.registerMetric(checkoutCompletion);
  new client.Gauge({
    name: 'orders_on_hold',
    help: 'Orders ON_HOLD, waiting for staff review (SPEC §6: within 1 h)',
    registers: [registry],
    async collect() {
      const em = orm.em.fork() as EntityManager;
      const [row] = await em.execute<{ n: string }[]>(`select count(*) as n from "${em.config.get('schema')}".customer_order where status = 'ON_HOLD'`);
      this.set(Number(row?.n ?? 0));
    },
  });
}
