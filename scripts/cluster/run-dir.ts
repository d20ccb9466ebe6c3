import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const PREFIX = 'cs-cluster-';
const OWNER_FILE = 'owner.pid';
const CHILDREN_FILE = 'children.pids';

/**
 * A cluster's private directory (database files, broker store, logs, pid files) under the
 * system's temp dir. It names its owner, so a later run can clean up after one that was killed
 * before it could (kill -9 of the driver, a CI timeout): see {@link reapAbandonedRunDirs}.
 */
export class RunDir {
  readonly path: string;

  constructor() {
    this.path = mkdtempSync(path.join(tmpdir(), PREFIX));
    writeFileSync(path.join(this.path, OWNER_FILE), String(process.pid));
  }

  file(...segments: string[]): string {
    return path.join(this.path, ...segments);
  }

  /** Remembers a process this run started (pid + what it runs), for the reaper. */
  recordChild(pid: number | undefined, what: string): void {
    if (pid) appendFileSync(path.join(this.path, CHILDREN_FILE), `${pid} ${what}\n`);
  }

  remove(): void {
    rmSync(this.path, { recursive: true, force: true });
  }
}

/**
 * Stops what abandoned runs left behind — their processes (by recorded pid, only if that pid
 * still runs the recorded program), their PostgreSQL (pg_ctl on their data dir) — and deletes
 * their directories. A run is abandoned when its owner pid no longer exists.
 */
export function reapAbandonedRunDirs(stopPostgres: (dataDir: string) => void, say: (line: string) => void): void {
  for (const entry of safeReaddir(tmpdir())) {
    if (!entry.startsWith(PREFIX)) continue;
    const dir = path.join(tmpdir(), entry);
    const owner = Number(safeRead(path.join(dir, OWNER_FILE)));
    if (!owner || isAlive(owner)) continue;
    say(`cleaning up after an abandoned run (${dir})`);
    for (const line of safeRead(path.join(dir, CHILDREN_FILE)).split('\n')) {
      const [pidText, ...what] = line.trim().split(' ');
      const pid = Number(pidText);
      if (pid && isAlive(pid) && commandLineOf(pid).includes(what.join(' '))) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          /* gone meanwhile */
        }
      }
    }
    const dataDir = path.join(dir, 'pg', 'data');
    if (existsSync(path.join(dataDir, 'postmaster.pid'))) {
      try {
        stopPostgres(dataDir);
      } catch (err) {
        say(`  could not stop its PostgreSQL: ${(err as Error).message}`);
      }
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function commandLineOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    try {
      return execFileSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' });
    } catch {
      return '';
    }
  }
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function safeRead(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
