import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { LOOPBACK, waitUntil } from './ports.js';

const run = promisify(execFile);
const PG_CTL_TIMEOUT_S = 60;

/**
 * A PostgreSQL cluster of our own: `initdb` into a private directory, started with `pg_ctl` on a
 * free loopback port (trust auth, fsync on), restartable (`pg_ctl restart -m fast`), removed at
 * the end. The server binaries refuse to run as root, so as root they run as `postgres`.
 */
export class PrivatePostgres {
  readonly dataDir: string;
  private readonly logFile: string;

  private constructor(
    readonly dir: string,
    readonly port: number,
    private readonly bin: string,
  ) {
    this.dataDir = path.join(dir, 'data');
    this.logFile = path.join(dir, 'postgres.log');
  }

  static async start(dir: string, port: number): Promise<PrivatePostgres> {
    const server = new PrivatePostgres(dir, port, postgresBinDir());
    mkdirSync(dir, { recursive: true });
    if (isRoot()) {
      const { uid, gid } = postgresUser();
      chmodSync(path.dirname(dir), 0o755); // the run dir: postgres must reach its own subdirectory
      chownSync(dir, uid, gid);
    }
    await server.pg('initdb', ['-D', server.dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-locale', '--no-sync', '--no-instructions']);
    await server.pg('pg_ctl', [
      '-D', server.dataDir, '-l', server.logFile, '-w', '-t', String(PG_CTL_TIMEOUT_S),
      // pg_ctl hands -o to a shell; the paths are ours (no spaces). fsync is on (the default, stated).
      '-o', `-p ${port} -k ${dir} -c listen_addresses=${LOOPBACK} -c max_connections=300 -c fsync=on -c shared_buffers=64MB`,
      'start',
    ]);
    await server.waitReady();
    return server;
  }

  /** A connection URL for one database of this cluster. */
  url(database = 'postgres'): string {
    return `postgres://postgres@${LOOPBACK}:${this.port}/${database}`;
  }

  /** `pg_ctl restart -m fast`: every session is disconnected, the server comes back with the same data. */
  async restartFast(): Promise<void> {
    await this.pg('pg_ctl', ['-D', this.dataDir, '-l', this.logFile, '-m', 'fast', '-w', '-t', String(PG_CTL_TIMEOUT_S), 'restart']);
    await this.waitReady();
  }

  /** The postmaster's pid (first line of postmaster.pid), while it runs. */
  postmasterPid(): number | undefined {
    try {
      return Number(readFileSync(path.join(this.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]) || undefined;
    } catch {
      return undefined;
    }
  }

  async stop(): Promise<void> {
    if (!existsSync(path.join(this.dataDir, 'postmaster.pid'))) return;
    await this.pg('pg_ctl', ['-D', this.dataDir, '-m', 'fast', '-w', '-t', String(PG_CTL_TIMEOUT_S), 'stop']).catch(() =>
      this.pg('pg_ctl', ['-D', this.dataDir, '-m', 'immediate', '-w', 'stop']),
    );
  }

  /** For exit hooks, where nothing asynchronous runs any more. */
  stopSync(): void {
    stopPostgresSync(this.dataDir);
  }

  private async waitReady(): Promise<void> {
    await waitUntil(
      async () => {
        const client = new pg.Client({ connectionString: this.url(), connectionTimeoutMillis: 2_000 });
        try {
          await client.connect();
          await client.query('select 1');
          return true;
        } finally {
          await client.end().catch(() => undefined);
        }
      },
      { timeoutMs: 60_000, what: `PostgreSQL on port ${this.port}` },
    );
  }

  private async pg(program: string, args: string[]): Promise<void> {
    const [command, commandArgs] = asPostgres(path.join(this.bin, program), args);
    try {
      await run(command, commandArgs, { timeout: (PG_CTL_TIMEOUT_S + 30) * 1_000 });
    } catch (err) {
      const e = err as Error & { stderr?: string; stdout?: string };
      const log = existsSync(this.logFile) ? readFileSync(this.logFile, 'utf8').split('\n').slice(-15).join('\n') : '';
      throw new Error(`${program} failed: ${e.stderr || e.stdout || e.message}\n${log}`);
    }
  }
}

/** `pg_ctl stop -m immediate` on a data directory, synchronously (exit hooks, the reaper). */
export function stopPostgresSync(dataDir: string): void {
  if (!existsSync(path.join(dataDir, 'postmaster.pid'))) return;
  const [command, args] = asPostgres(path.join(postgresBinDir(), 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
  execFileSync(command, args, { stdio: 'ignore', timeout: 30_000 });
}

/**
 * The server binaries: `PG_BIN_DIR`, else the newest /usr/lib/postgresql/<version>/bin (Debian),
 * else `pg_config --bindir`.
 */
export function postgresBinDir(): string {
  if (process.env.PG_BIN_DIR) return process.env.PG_BIN_DIR;
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base)
    ? readdirSync(base)
        .filter((v) => existsSync(path.join(base, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions[0]) return path.join(base, versions[0], 'bin');
  try {
    return execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('PostgreSQL server binaries not found: install PostgreSQL or set PG_BIN_DIR (the directory of initdb and pg_ctl)');
  }
}

const isRoot = () => process.getuid?.() === 0;

function asPostgres(command: string, args: string[]): [string, string[]] {
  return isRoot() ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

function postgresUser(): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

/**
 * Runs `query` on a short-lived connection to the server's maintenance database, with the name of
 * the database in `databaseUrl` (the statistics views are read from outside the database they
 * describe). Undefined when the server cannot be reached or the query fails: callers report without it.
 */
export async function queryAboutDatabase<T>(databaseUrl: string, query: (client: pg.Client, databaseName: string) => Promise<T>): Promise<T | undefined> {
  const url = new URL(databaseUrl);
  const databaseName = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  try {
    await client.connect();
    return await query(client, databaseName);
  } catch {
    return undefined;
  } finally {
    await client.end().catch(() => undefined);
  }
}
