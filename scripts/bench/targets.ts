import { formatMs, summarize } from './percentiles.js';

/** SPEC §11: placeOrder → CONFIRMED for 90 % within 5 s and 98 % within 10 s; under 1 % errors; no order stuck. */
export const TARGETS = { p90Ms: 5_000, p98Ms: 10_000, errorRate: 0.01 };

/** What one measured run (a stage, the shoppers' window) missed of SPEC §11, as lines for the user. */
export function targetMisses(label: string, run: { completionMs: number[]; errors: number; journeys: number; stuck: number }): string[] {
  const missed: string[] = [];
  const completion = summarize(run.completionMs);
  const rate = run.journeys ? run.errors / run.journeys : 0;
  if (!(completion.p90 <= TARGETS.p90Ms)) missed.push(`${label}: completion p90 ${formatMs(completion.p90)} > ${formatMs(TARGETS.p90Ms)}`);
  if (!(completion.p98 <= TARGETS.p98Ms)) missed.push(`${label}: completion p98 ${formatMs(completion.p98)} > ${formatMs(TARGETS.p98Ms)}`);
  if (rate >= TARGETS.errorRate) missed.push(`${label}: error rate ${(rate * 100).toFixed(2)} % ≥ ${TARGETS.errorRate * 100} %`);
  if (run.stuck) missed.push(`${label}: ${run.stuck} order(s) stuck (not CONFIRMED, CANCELLED or ON_HOLD within the confirmation timeout)`);
  return missed;
}
