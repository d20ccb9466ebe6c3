import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { localListenerPid } from './cpu.js';

describe('localListenerPid', () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

  const listen = () =>
    new Promise<number>((resolve) => {
      server = createServer().listen(0, '127.0.0.1', () => resolve((server!.address() as { port: number }).port));
    });

  it.runIf(process.platform === 'linux')('finds the process listening on a loopback port', async () => {
    const port = await listen();
    expect(localListenerPid(`nats://127.0.0.1:${port}`)).toBe(process.pid);
    expect(localListenerPid(`nats://localhost:${port}`)).toBe(process.pid);
  });

  it.runIf(process.platform === 'linux')('finds nothing on a closed port or a remote host', async () => {
    const port = await listen();
    await new Promise<void>((done) => server!.close(() => done()));
    server = undefined;
    expect(localListenerPid(`nats://127.0.0.1:${port}`)).toBeUndefined();
    expect(localListenerPid('nats://nats.example.com:4222')).toBeUndefined();
  });
});
