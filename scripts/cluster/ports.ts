import net from 'node:net';

export const LOOPBACK = '127.0.0.1';

/** Distinct free loopback ports: all held open at once (so none repeats), then released for the processes. */
export async function freePorts(count: number, host = LOOPBACK): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<net.Server>((resolve, reject) => {
          const server = net.createServer();
          server.once('error', reject);
          server.listen(0, host, () => resolve(server));
        }),
    ),
  );
  const ports = servers.map((s) => (s.address() as net.AddressInfo).port);
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}

/** Whether something accepts TCP connections on the port. */
export function canConnect(port: number, host = LOOPBACK, timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.setTimeout(timeoutMs);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until it returns true; throws `what` after `timeoutMs`. */
export async function waitUntil(probe: () => Promise<boolean> | boolean, options: { timeoutMs: number; intervalMs?: number; what: string }): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      if (await probe()) return;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${options.timeoutMs / 1000}s waiting for ${options.what}${lastError ? ` (${String(lastError)})` : ''}`);
    await sleep(options.intervalMs ?? 200);
  }
}

/** One free loopback port (see freePorts). */
export async function freePort(host = LOOPBACK): Promise<number> {
  return (await freePorts(1, host))[0]!;
}
