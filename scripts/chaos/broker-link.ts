import net from 'node:net';
import { LOOPBACK } from '../cluster/ports.js';

/**
 * A loopback TCP proxy between ONE process and the private nats-server: a process's link to the
 * broker, which the chaos driver can hold in one direction. It turns the microsecond windows of
 * the crash scenarios into seconds, without touching the code under test:
 * - hold what the process sends → its handlers commit in PostgreSQL, but their acks never reach
 *   the broker; kill -9 it then and the window "between commit and ack" is hit for every one;
 * - hold what the broker sends → the relay's publish is stored in the stream, but the PubAck
 *   never arrives, so the relay's transaction stays open; kill -9 then hits "between publish and
 *   commit".
 * Held bytes are dropped when the link is severed (the process died: its acks died with it).
 */
export class BrokerLink {
  private server: net.Server | undefined;
  private readonly connections = new Set<Connection>();
  private holdingFromClient = false;
  private holdingFromServer = false;
  /** Subject prefix whose publishes (PUB/HPUB from the process) are counted, or undefined. */
  private watchedPrefix: string | undefined;
  private publishesSeen = 0;

  constructor(
    readonly name: string,
    private readonly upstreamPort: number,
  ) {}

  /** Listens on a free loopback port; returns the URL the process should use as NATS_URL. */
  async listen(): Promise<string> {
    const server = net.createServer((client) => this.accept(client));
    await new Promise<void>((resolve) => server.listen(0, LOOPBACK, resolve));
    this.server = server;
    return `nats://${LOOPBACK}:${(server.address() as net.AddressInfo).port}`;
  }

  /** Stop forwarding what the process sends (acks, publishes, pull requests); keep it. */
  holdFromProcess(): void {
    this.holdingFromClient = true;
  }

  /** Stop forwarding what the broker sends (messages, PubAcks, replies); keep it. */
  holdFromBroker(): void {
    this.holdingFromServer = true;
  }

  /**
   * Counts the process's publishes to subjects starting with `prefix` from now on, and holds what
   * the broker sends from the first of them on: that publish reaches the stream, its PubAck does not.
   */
  holdFromBrokerAfterPublishTo(prefix: string): void {
    this.watchedPrefix = prefix;
    this.publishesSeen = 0;
  }

  get publishesWatched(): number {
    return this.publishesSeen;
  }

  /** Acks (`+ACK` to `$JS.ACK.…`) the process sent while held: committed work the broker does not know about. */
  heldAcks(): number {
    let acks = 0;
    for (const c of this.connections) acks += (c.heldFromClient.toString('latin1').match(/PUB \$JS\.ACK\.[^\r\n]*\r\n\+ACK/g) ?? []).length;
    return acks;
  }

  /** Drops everything held and closes every connection (call after killing the process). */
  sever(): void {
    this.holdingFromClient = false;
    this.holdingFromServer = false;
    this.watchedPrefix = undefined;
    for (const c of this.connections) {
      c.heldFromClient = Buffer.alloc(0);
      c.heldFromServer = Buffer.alloc(0);
      c.client.destroy();
      c.upstream.destroy();
    }
    this.connections.clear();
  }

  async close(): Promise<void> {
    this.sever();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private accept(client: net.Socket): void {
    const upstream = net.connect({ host: LOOPBACK, port: this.upstreamPort });
    const connection: Connection = { client, upstream, heldFromClient: Buffer.alloc(0), heldFromServer: Buffer.alloc(0), carry: '' };
    this.connections.add(connection);
    const end = () => {
      this.connections.delete(connection);
      client.destroy();
      upstream.destroy();
    };
    // The broker down (killed, restarting): the process sees its connection drop and reconnects.
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    client.pause();
    upstream.once('connect', () => client.resume());

    client.on('data', (chunk: Buffer) => {
      this.observe(connection, chunk);
      if (this.holdingFromClient) connection.heldFromClient = Buffer.concat([connection.heldFromClient, chunk]);
      else upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (this.holdingFromServer) connection.heldFromServer = Buffer.concat([connection.heldFromServer, chunk]);
      else client.write(chunk);
    });
  }

  /** Counts watched publishes; a protocol line split across chunks is counted once. */
  private observe(connection: Connection, chunk: Buffer): void {
    if (!this.watchedPrefix) return;
    const text = connection.carry + chunk.toString('latin1');
    const carried = connection.carry.length;
    for (const match of text.matchAll(/(?:^|\n)H?PUB ([^ \r\n]+) /g)) {
      if (match.index + match[0].length > carried && match[1]!.startsWith(this.watchedPrefix)) {
        this.publishesSeen++;
        this.holdingFromServer = true; // before this chunk goes upstream: its answer will be held
      }
    }
    connection.carry = text.slice(-512);
  }
}

interface Connection {
  client: net.Socket;
  upstream: net.Socket;
  heldFromClient: Buffer;
  heldFromServer: Buffer;
  /** The end of the previous chunk, for protocol lines split across chunks. */
  carry: string;
}
