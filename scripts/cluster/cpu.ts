import { readFileSync } from 'node:fs';
import type { Cluster } from './cluster.js';
import { queryAboutDatabase } from './postgres.js';

/**
 * Where a cluster's CPU time goes, from Linux's /proc (undefined elsewhere). Clock ticks are
 * 1/100 s (USER_HZ on every mainstream kernel), so differences below 10 ms are noise.
 */

/** Hosts whose PostgreSQL backends are this machine's processes. */
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/**
 * CPU seconds (user + system) used so far by each running process of the cluster, and by each
 * PostgreSQL backend connected to its database (keys `postgres:<pid>`); undefined without /proc.
 */
export async function clusterCpuSeconds(cluster: Cluster): Promise<Record<string, number> | undefined> {
  const used: Record<string, number> = {};
  for (const name of cluster.names) {
    const pid = cluster.process(name)?.pid;
    if (pid === undefined) continue; // killed, not restarted yet
    const seconds = processCpuSeconds(pid);
    if (seconds === undefined) return undefined;
    used[name] = seconds;
  }
  for (const [pid, seconds] of (await backendCpuSeconds(cluster.databaseUrl)) ?? []) used[`postgres:${pid}`] = seconds;
  return used;
}

/**
 * CPU seconds (user + system) used so far by each PostgreSQL backend connected to the database of
 * `databaseUrl`, by pid; undefined unless PostgreSQL runs on this machine (loopback or a Unix socket).
 */
export async function backendCpuSeconds(databaseUrl: string): Promise<Map<number, number> | undefined> {
  // backend pids are only this machine's processes when PostgreSQL runs here
  const host = decodeURIComponent(new URL(databaseUrl).hostname);
  if (!LOCAL_HOSTS.has(host) && !host.startsWith('/')) return undefined;
  const used = new Map<number, number>();
  for (const pid of await backendPids(databaseUrl)) {
    const seconds = processCpuSeconds(pid);
    if (seconds !== undefined) used.set(pid, seconds);
  }
  return used;
}

/** CPU seconds the whole machine has spent busy (all cores, everything but idle and iowait). */
export function machineBusySeconds(): number | undefined {
  try {
    const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).map(Number);
    // user nice system idle iowait irq softirq steal (guest time is already inside user)
    const busy = ticks.slice(0, 8).reduce((sum, n, i) => (i === 3 || i === 4 ? sum : sum + n), 0);
    return busy / 100;
  } catch {
    return undefined;
  }
}

/** utime + stime of /proc/<pid>/stat, in seconds. */
export function processCpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces; fields after its closing parenthesis are fixed.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/** The server processes of the connections to the database of `databaseUrl` (none when not reachable). */
async function backendPids(databaseUrl: string): Promise<number[]> {
  const pids = await queryAboutDatabase(databaseUrl, async (client, name) => {
    const { rows } = await client.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1', [name]);
    return rows.map((row) => row.pid);
  });
  return pids ?? [];
}
