import type { Cluster, ProcessName } from '../cluster/cluster.js';
import { sleep } from '../cluster/ports.js';

/**
 * The messaging counters every subgraph exposes on /metrics (platform/metrics.ts), scraped every
 * second. Counters restart at zero with each process, so the last scrape of every incarnation is
 * kept and the run's totals are their sums (a killed process loses at most its last second).
 */
export interface MessagingCounters {
  published: number;
  /** Re-published outbox rows JetStream dropped as duplicates. */
  publishDuplicates: number;
  /** Outbox rows re-sent because the stream had lost them. */
  redriven: number;
  processed: number;
  /** Deliveries the inbox absorbed (already handled). */
  inboxDuplicates: number;
  redeliveries: number;
  retried: number;
  deadLettered: number;
  poison: number;
  /** Deliveries a selective handler acknowledged as not relevant to it (no transaction). */
  ignored: number;
}

export const zeroCounters = (): MessagingCounters => ({ published: 0, publishDuplicates: 0, redriven: 0, processed: 0, inboxDuplicates: 0, redeliveries: 0, retried: 0, deadLettered: 0, poison: 0, ignored: 0 });

export class ProcessMetrics {
  /** `${process}#${incarnation}` → last counters seen. */
  private readonly last = new Map<string, MessagingCounters>();
  private running = false;
  private loop: Promise<void> | undefined;

  constructor(
    private readonly cluster: Cluster,
    private readonly names: ProcessName[],
  ) {}

  start(): void {
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        await Promise.all(this.names.map((name) => this.scrape(name)));
        await sleep(1_000);
      }
    })();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
    await Promise.all(this.names.map((name) => this.scrape(name)));
  }

  async scrapeAll(): Promise<void> {
    await Promise.all(this.names.map((name) => this.scrape(name)));
  }

  /** Reads one process now (e.g. right before killing it). */
  async scrape(name: ProcessName): Promise<void> {
    const incarnation = this.cluster.incarnation(name);
    if (!this.cluster.process(name)) return;
    try {
      const response = await fetch(this.cluster.endpoint(name, '/metrics'), { signal: AbortSignal.timeout(800) });
      if (response.ok) this.last.set(`${name}#${incarnation}`, parseCounters(await response.text()));
    } catch {
      /* stopped (SIGSTOP), restarting, or busy: the next scrape will do */
    }
  }

  /** Counters of one incarnation (undefined if never scraped). */
  of(name: ProcessName, incarnation: number): MessagingCounters | undefined {
    return this.last.get(`${name}#${incarnation}`);
  }

  /** Sums over every process and incarnation. */
  totals(): MessagingCounters {
    const total = zeroCounters();
    for (const counters of this.last.values()) for (const key of Object.keys(total) as (keyof MessagingCounters)[]) total[key] += counters[key];
    return total;
  }

  /** Sums per process over its incarnations. */
  byProcess(): Map<ProcessName, MessagingCounters> {
    const result = new Map<ProcessName, MessagingCounters>();
    for (const [key, counters] of this.last) {
      const name = key.split('#')[0] as ProcessName;
      const total = result.get(name) ?? zeroCounters();
      for (const k of Object.keys(total) as (keyof MessagingCounters)[]) total[k] += counters[k];
      result.set(name, total);
    }
    return result;
  }
}

/** Picks the messaging counters out of Prometheus' text format. */
export function parseCounters(text: string): MessagingCounters {
  const counters = zeroCounters();
  const outcomes: Record<string, keyof MessagingCounters> = { processed: 'processed', duplicate: 'inboxDuplicates', retried: 'retried', dead_lettered: 'deadLettered', poison: 'poison', ignored: 'ignored' };
  for (const line of text.split('\n')) {
    const match = /^([a-z_]+)(\{[^}]*\})? ([0-9.e+-]+)$/.exec(line.trim());
    if (!match) continue;
    const [, name, labels = '', value] = match;
    const n = Number(value);
    switch (name) {
      case 'outbox_relay_published_total':
        counters.published += n;
        break;
      case 'outbox_relay_duplicates_total':
        counters.publishDuplicates += n;
        break;
      case 'outbox_relay_redriven_total':
        counters.redriven += n;
        break;
      case 'event_handler_redeliveries_total':
        counters.redeliveries += n;
        break;
      case 'event_handler_deliveries_total': {
        const outcome = /outcome="([a-z_]+)"/.exec(labels)?.[1];
        const key = outcome ? outcomes[outcome] : undefined;
        if (key) counters[key] += n;
        break;
      }
      default:
    }
  }
  return counters;
}
