import net from 'node:net';

/**
 * A TCP proxy on loopback between a client and a server, for tests of lost connections: `cut()`
 * resets every connection through it at once (no WebSocket close frame, no FIN handshake: what a
 * phone leaving its network looks like to both ends) and refuses new ones until `restore()`.
 */
export class TcpProxy {
  private readonly server: net.Server;
  private readonly sockets = new Set<net.Socket>();
  private cutOff = false;
  private reopened: { promise: Promise<void>; resolve: () => void } | undefined;
  /** Connections accepted and piped to the server so far. */
  accepted = 0;

  private constructor(private readonly target: { host: string; port: number }) {
    this.server = net.createServer((client) => this.accept(client));
  }

  static async start(targetUrl: string): Promise<TcpProxy> {
    const url = new URL(targetUrl);
    const proxy = new TcpProxy({ host: url.hostname, port: Number(url.port) });
    await new Promise<void>((resolve) => proxy.server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  /** The target URL with the proxy's address in place of the server's. */
  urlFor(targetUrl: string): string {
    const url = new URL(targetUrl);
    url.host = `127.0.0.1:${(this.server.address() as net.AddressInfo).port}`;
    return url.toString();
  }

  cut(): void {
    this.cutOff = true;
    for (const socket of this.sockets) reset(socket);
    this.sockets.clear();
  }

  restore(): void {
    this.cutOff = false;
    this.reopened?.resolve();
    this.reopened = undefined;
  }

  /** Resolves when connections go through (at once unless cut). */
  whenOpen(): Promise<void> {
    if (!this.cutOff) return Promise.resolve();
    if (!this.reopened) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      this.reopened = { promise, resolve };
    }
    return this.reopened.promise;
  }

  /** Resets every connection and stops listening (a client waiting in whenOpen() is let go, to find nothing). */
  async stop(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.reopened?.resolve();
  }

  private accept(client: net.Socket): void {
    if (this.cutOff) return reset(client);
    this.accepted += 1;
    const upstream = net.connect(this.target);
    for (const [a, b] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      this.sockets.add(a);
      a.on('error', () => reset(b));
      a.on('close', () => {
        this.sockets.delete(a);
        reset(b);
      });
      a.pipe(b);
    }
  }
}

function reset(socket: net.Socket): void {
  if (socket.destroyed) return;
  // RST where the socket is connected (resetAndDestroy refuses one still connecting)
  if (socket.readyState === 'open') socket.resetAndDestroy();
  else socket.destroy();
}
