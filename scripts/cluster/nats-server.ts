import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { ManagedProcess } from './managed-process.js';
import { LOOPBACK, waitUntil } from './ports.js';

/**
 * A nats-server of our own with JetStream: a free loopback port, a store directory that survives
 * restarts (kill -9 included) unless wiped on purpose.
 */
export class PrivateNats {
  readonly storeDir: string;
  private readonly logFile: string;
  private server: ManagedProcess | undefined;

  constructor(
    readonly dir: string,
    readonly port: number,
    private readonly onStart: (process: ManagedProcess) => void = () => {},
  ) {
    this.storeDir = path.join(dir, 'store');
    this.logFile = path.join(dir, 'nats-server.log');
    mkdirSync(dir, { recursive: true });
  }

  get url(): string {
    return `nats://${LOOPBACK}:${this.port}`;
  }

  get pid(): number | undefined {
    return this.server && !this.server.exited ? this.server.pid : undefined;
  }

  /** Starts it and waits until JetStream answers (a restarted server first recovers its store). */
  async start(): Promise<void> {
    if (this.server && !this.server.exited) throw new Error('nats-server is already running');
    this.server = new ManagedProcess({
      name: 'nats-server',
      command: natsServerBinary(),
      args: ['-js', '-a', LOOPBACK, '-p', String(this.port), '-sd', this.storeDir],
      logFile: this.logFile,
      detached: true,
    });
    this.onStart(this.server);
    await waitUntil(() => this.jetStreamAnswers(), { timeoutMs: 60_000, what: `nats-server on port ${this.port}` });
  }

  /** kill -9: no shutdown, no flush. */
  async kill(): Promise<void> {
    await this.server?.kill();
  }

  async stop(): Promise<void> {
    await this.server?.stop(5_000);
  }

  /** Deletes the store (streams, consumers, messages): the broker loses everything it had. */
  wipeStore(): void {
    if (this.server && !this.server.exited) throw new Error('stop nats-server before wiping its store');
    rmSync(this.storeDir, { recursive: true, force: true });
  }

  /** kill -9 and delete its directory (store and log): for a throw-away server. */
  async remove(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** For exit hooks. */
  killSync(): void {
    this.server?.signal('SIGKILL');
  }

  private async jetStreamAnswers(): Promise<boolean> {
    if (!this.server || this.server.exited) throw new Error(`nats-server exited (${this.server?.outcome}):\n${this.server?.output()}`);
    const nc = await connect({ servers: this.url, reconnect: false, timeout: 1_000 }).catch(() => undefined);
    if (!nc) return false;
    try {
      await (await jetstreamManager(nc, { timeout: 2_000 })).getAccountInfo();
      return true;
    } catch {
      return false;
    } finally {
      await nc.close().catch(() => undefined);
    }
  }
}

/** `NATS_SERVER_BIN`, else the Debian package's /usr/sbin/nats-server, else `nats-server` on the PATH. */
export function natsServerBinary(): string {
  if (process.env.NATS_SERVER_BIN) return process.env.NATS_SERVER_BIN;
  return existsSync('/usr/sbin/nats-server') ? '/usr/sbin/nats-server' : 'nats-server';
}
