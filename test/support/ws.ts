import WebSocket from 'ws';
import { createClient, type Client, type FormattedExecutionResult as ExecutionResult } from 'graphql-ws';

export const GRAPHQL_WS_PROTOCOL = 'graphql-transport-ws';

export interface Closed {
  code: number;
  reason: string;
}

/**
 * A raw graphql-ws socket for protocol tests: every frame the server sends is queued, so a test
 * can say exactly what it expects next, and how the socket ended.
 */
export class RawSocket {
  readonly socket: WebSocket;
  readonly closed: Promise<Closed>;
  private readonly frames: Record<string, any>[] = [];
  private readonly waiters: ((frame: Record<string, any>) => void)[] = [];
  pings = 0;

  private constructor(url: string, protocol: string | null) {
    this.socket = protocol === null ? new WebSocket(url) : new WebSocket(url, protocol);
    this.socket.on('ping', () => (this.pings += 1));
    this.socket.on('message', (data) => {
      const frame = JSON.parse(String(data)) as Record<string, any>;
      const waiter = this.waiters.shift();
      if (waiter) waiter(frame);
      else this.frames.push(frame);
    });
    this.closed = new Promise((resolve) => this.socket.once('close', (code, reason) => resolve({ code, reason: String(reason) })));
  }

  /** `protocol: null` offers no subprotocol at all. */
  static async open(url: string, protocol: string | null = GRAPHQL_WS_PROTOCOL): Promise<RawSocket> {
    const raw = new RawSocket(url, protocol);
    await new Promise<void>((resolve, reject) => {
      raw.socket.once('open', () => resolve());
      raw.socket.once('error', reject);
    });
    return raw;
  }

  send(frame: Record<string, unknown>): void {
    this.socket.send(JSON.stringify(frame));
  }

  /** The next frame from the server, or a failure after `timeoutMs`. */
  next(timeoutMs = 5_000): Promise<Record<string, any>> {
    const queued = this.frames.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no frame from the server in time')), timeoutMs);
      this.waiters.push((frame) => {
        clearTimeout(timer);
        resolve(frame);
      });
    });
  }

  /** Connects with the given token and waits for connection_ack. */
  async init(token?: string): Promise<void> {
    this.send({ type: 'connection_init', payload: token ? { authorization: `Bearer ${token}` } : {} });
    const ack = await this.next();
    if (ack.type !== 'connection_ack') throw new Error(`expected connection_ack, got ${JSON.stringify(ack)}`);
  }

  close(): void {
    this.socket.close(1000);
  }
}

/** A graphql-ws client as apps use it, authenticated with `token` in connectionParams. */
export function wsClient(url: string, token: string): Client {
  return createClient({
    url,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
    lazy: true,
  });
}

/**
 * Subscribes and collects results until stopped; `next(n)` waits until n results arrived.
 * Errors (GraphQL errors of the subscribe response or socket errors) are kept in `error`.
 */
export class Subscriber<TData = any> {
  readonly results: ExecutionResult<TData, unknown>[] = [];
  error: unknown;
  completed = false;
  private readonly dispose: () => void;
  private readonly notify = new Set<() => void>();

  constructor(client: Client, query: string, variables: Record<string, unknown> = {}) {
    this.dispose = client.subscribe<TData>(
      { query, variables },
      {
        next: (value) => {
          this.results.push(value);
          this.wake();
        },
        error: (err) => {
          this.error = err;
          this.wake();
        },
        complete: () => {
          this.completed = true;
          this.wake();
        },
      },
    );
  }

  /** Resolves once `count` results arrived, or with what there is when the subscription ended. */
  async received(count: number, timeoutMs = 10_000): Promise<ExecutionResult<TData, unknown>[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.results.length < count && !this.error && !this.completed) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`received ${this.results.length} of ${count} results in time`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.notify.add(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.results.slice(0, count);
  }

  /** Waits for the subscription to fail or complete (e.g. FORBIDDEN at subscribe time). */
  async ended(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.error && !this.completed) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('the subscription did not end in time');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.notify.add(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  stop(): void {
    this.dispose();
  }

  private wake(): void {
    for (const fn of [...this.notify]) fn();
    this.notify.clear();
  }
}
