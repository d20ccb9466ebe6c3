import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import type { Cluster } from './cluster.js';
import { queryAboutDatabase } from './postgres.js';

/**
 * Where a cluster's CPU time goes, from Linux's /proc (undefined elsewhere). Clock ticks are
 * 1/100 s (USER_HZ on every mainstream kernel), so differences below 10 ms are noise.
 */

/** Hosts whose PostgreSQL backends are this machine's processes. */
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/**
 * CPU seconds (user + system) used so far by each running process of the cluster, by each
 * PostgreSQL backend connected to its database (keys `postgres:<pid>`) and by the nats-server it
 * uses (`nats-server`: the whole server, when it runs on this machine); undefined without /proc.
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
  const natsPid = cluster.nats?.pid ?? localListenerPid(cluster.natsUrl);
  const natsSeconds = natsPid === undefined ? undefined : processCpuSeconds(natsPid);
  if (natsSeconds !== undefined) used['nats-server'] = natsSeconds;
  return used;
}

/**
 * The pid of this machine's process listening on the TCP port of `url` (loopback hosts only), found
 * through /proc/net/tcp{,6} and the processes' socket descriptors; undefined when there is none or
 * it is not ours to see.
 */
export function localListenerPid(url: string): number | undefined {
  const { hostname, port } = new URL(url);
  if (!LOCAL_HOSTS.has(hostname) || !port) return undefined;
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let lines: string[];
    try {
      lines = readFileSync(table, 'utf8').split('\n').slice(1);
    } catch {
      continue;
    }
    for (const line of lines) {
      // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode; st 0A = LISTEN
      const [, local, , state, , , , , , inode] = line.trim().split(/\s+/);
      if (state === '0A' && local && Number.parseInt(local.split(':')[1]!, 16) === Number(port)) inodes.add(`socket:[${inode}]`);
    }
  }
  if (!inodes.size) return undefined;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let descriptors: string[];
    try {
      descriptors = readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue; // gone, or another user's
    }
    for (const fd of descriptors) {
      try {
        if (inodes.has(readlinkSync(`/proc/${entry}/fd/${fd}`))) return Number(entry);
      } catch {
        // closed meanwhile
      }
    }
  }
  return undefined;
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
