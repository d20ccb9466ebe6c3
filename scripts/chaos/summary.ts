import type { FaultRecord } from './faults.js';
import type { Check } from './oracle.js';
import type { ProcessMetrics } from './process-metrics.js';
import type { Activity } from './quiescence.js';
import type { Returns } from './returns.js';
import type { Staff } from './staff.js';
import type { SystemProbe } from './system-probe.js';
import type { Workload } from './workload.js';

export interface PhaseResult {
  name: string;
  quiet: boolean;
  waitedS: number;
  last: Activity | undefined;
}

export interface SummaryInput {
  seed: number;
  options: { orders: number; dataLossOrders: number };
  probe: SystemProbe;
  workload: Workload;
  staff: Staff;
  returns: Returns;
  faults: FaultRecord[];
  metrics: ProcessMetrics;
  phases: PhaseResult[];
  checks: Check[];
  onHoldClosed: number;
  elapsedS: number;
}

/** The run in one screen: orders by final status, each fault with its times and evidence, the messaging counters, the oracle. */
export async function formatSummary(input: SummaryInput): Promise<string> {
  const { probe, workload, metrics } = input;
  const lines: string[] = [];
  const ok = input.checks.every((c) => c.ok);
  lines.push('', `═══ chaos run summary — seed ${input.seed}, ${input.options.orders} + ${input.options.dataLossOrders} orders, ${input.elapsedS.toFixed(0)} s ═══`);

  const byStatus = await probe.query<{ status: string; reason: string | null; n: string }>(`
    select status, case when status <> 'CANCELLED' then null
                        when cancellation_reason in ('PAYMENT_DECLINED', 'OUT_OF_STOCK') then cancellation_reason
                        else 'closed by staff' end as reason, count(*) as n
      from orders.customer_order group by 1, 2 order by 1, 2`);
  const wentOnHold = await probe.count(`select count(distinct envelope->'payload'->>'orderId') as n from orders.outbox where type = 'OrderStatusChanged' and envelope->'payload'->>'status' = 'ON_HOLD'`);
  const statuses = new Map<string, { n: number; reasons: string[] }>();
  for (const row of byStatus) {
    const entry = statuses.get(row.status) ?? { n: 0, reasons: [] };
    entry.n += Number(row.n);
    if (row.reason) entry.reasons.push(`${row.reason} ${row.n}`);
    statuses.set(row.status, entry);
  }
  lines.push(
    `Orders: ${workload.stats.started} checkouts started, ${workload.stats.told} told an order id, ${workload.stats.gaveUp} given up`,
    `  by final status: ${[...statuses].map(([status, e]) => `${status} ${e.n}${e.reasons.length ? ` (${e.reasons.join(', ')})` : ''}`).join(', ')}`,
    `  ${wentOnHold} went ON_HOLD (confirmation timeout) and ${input.onHoldClosed} were closed by customer service; ${input.staff.dispatched.size} dispatched by the warehouse`,
  );
  const coupons = await probe.query<{ code: string; n: string; live: string; off: string }>(`
    select coupon_code as code, count(*) as n, count(*) filter (where status <> 'CANCELLED') as live, sum(discount_cents) as off
      from orders.customer_order where coupon_code is not null group by 1 order by 1`);
  const s = workload.stats;
  const counts = (byRule: Record<string, number>) => Object.entries(byRule).map(([rule, n]) => `${rule} ${n}`).join(', ') || 'none';
  lines.push(
    `Coupons: ${coupons.reduce((n, c) => n + Number(c.n), 0)} orders got a discount (${coupons.map((c) => `${c.code} ${c.n}, ${c.live} not cancelled, ${c.off} cents off`).join('; ') || 'none'})`,
    `  applied to ${s.couponsApplied} carts; refused: ${counts(s.couponRefusals)}; placeOrder PRICE_CHANGED, acknowledged and placed: ${counts(s.priceChanges)}`,
  );
  const r = input.returns.stats;
  const returned = await probe.query<{ status: string; n: string; refunded: string }>(`select status, count(*) as n, coalesce(sum(refund_cents), 0) as refunded from returns.return group by 1 order by 1`);
  lines.push(
    `Returns: ${r.requested} requested (${r.approvedByStaff} approved and ${r.rejected} rejected by customer service), ${r.received} received with ${r.restocked} unit(s) restocked, ${r.gaveUp} given up`,
    `  by final status: ${returned.map((row) => `${row.status} ${row.n}${row.status === 'REFUNDED' ? ` (${row.refunded} cents refunded)` : ''}`).join(', ') || 'none'}`,
  );

  lines.push('Faults (seconds since the run started):');
  for (const fault of input.faults) lines.push(`  +${fault.startedAt.toFixed(1)} → +${fault.endedAt.toFixed(1)}  ${fault.what}`, ...fault.evidence.map((e) => `      ${e}`));

  const t = metrics.totals();
  lines.push(
    'Messaging (from every process incarnation\'s /metrics):',
    `  outbox rows published ${t.published}; duplicates dropped by JetStream ${t.publishDuplicates}; re-sent after the stream lost them ${t.redriven}`,
    `  deliveries handled ${t.processed}; redeliveries ${t.redeliveries}; absorbed by inboxes (already handled) ${t.inboxDuplicates}; handler retries ${t.retried}; dead-lettered ${t.deadLettered} + poison ${t.poison}`,
  );
  const failures = [...workload.requestFailures].map(([code, n]) => `${code} ${n}`).join(', ');
  lines.push(`Client: ${workload.requests} requests, ${workload.stats.retries} retried${failures ? ` (failures: ${failures})` : ''}, ${workload.stats.restarts} carts started over`);
  lines.push(`Quiescence: ${input.phases.map((p) => `${p.name} ${p.quiet ? `${p.waitedS.toFixed(0)} s` : 'NOT REACHED'}`).join('; ')}`);

  lines.push(`Oracle: ${input.checks.length} checks, ${input.checks.filter((c) => !c.ok).length} violated`);
  for (const check of input.checks) lines.push(`  ${check.ok ? '✓' : '✗'} ${check.name} — ${check.detail}`);
  lines.push(ok ? 'PASS' : 'FAIL', '');
  return lines.join('\n');
}
