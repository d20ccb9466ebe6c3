import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';

const DEFAULT_STOP_GRACE_MS = 10_000;
const TAIL_LINES = 40;

export interface ManagedProcessOptions {
  /** What it is called in messages (`orders`, `gateway`, `nats-server`). */
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  /** Every line it prints is appended here (kept for post-mortems). */
  logFile?: string;
  /**
   * Own process group: a Ctrl-C in the terminal reaches only the driver, which then stops this
   * process itself (in order, after the others).
   */
  detached?: boolean;
}

/**
 * One child process the cluster started: its output (last lines in memory, all of it in a log
 * file), its exit, and signals sent to it by pid — never to anything it did not start.
 */
export class ManagedProcess {
  readonly name: string;
  readonly child: ChildProcess;
  readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly tail: string[] = [];
  private readonly log: WriteStream | undefined;

  constructor(options: ManagedProcessOptions) {
    this.name = options.name;
    this.log = options.logFile ? createWriteStream(options.logFile, { flags: 'a' }) : undefined;
    this.child = spawn(options.command, options.args, { env: options.env, stdio: ['ignore', 'pipe', 'pipe'], detached: options.detached ?? false });
    this.exit = new Promise((resolve) => this.child.once('exit', (code, signal) => resolve({ code, signal })));
    this.child.once('error', (err) => this.keep(Buffer.from(`failed to start: ${err.message}\n`)));
    const keep = (chunk: Buffer) => this.keep(chunk);
    this.child.stdout?.on('data', keep);
    this.child.stderr?.on('data', keep);
    void this.exit.then(() => this.log?.end());
  }

  /** A Node.js entry point of this repository (`dist/…/main.js`). */
  static node(name: string, script: string, env: NodeJS.ProcessEnv, logFile?: string, nodeArgs: string[] = []): ManagedProcess {
    return new ManagedProcess({ name, command: process.execPath, args: ['--enable-source-maps', ...nodeArgs, script], env, logFile });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get exited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  /** How it ended, for messages: an exit code or a signal name. */
  get outcome(): string {
    return String(this.child.signalCode ?? this.child.exitCode ?? 'running');
  }

  /** Its last lines, indented and tagged with its name. */
  output(): string {
    return this.tail.map((line) => `    [${this.name}] ${line}`).join('\n');
  }

  signal(signal: NodeJS.Signals): void {
    if (!this.exited) this.child.kill(signal);
  }

  /** SIGKILL (kill -9) and wait until it is gone. */
  async kill(): Promise<void> {
    if (this.exited) return;
    this.child.kill('SIGKILL');
    await this.exit;
  }

  /** SIGTERM (SIGCONT first, in case it is stopped), then SIGKILL after the grace period. */
  async stop(graceMs = DEFAULT_STOP_GRACE_MS): Promise<void> {
    if (this.exited) return;
    this.child.kill('SIGCONT');
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exit;
    clearTimeout(timer);
  }

  private keep(chunk: Buffer): void {
    this.log?.write(chunk);
    for (const line of chunk.toString().split('\n')) if (line) this.tail.push(line);
    this.tail.splice(0, Math.max(0, this.tail.length - TAIL_LINES));
  }
}
