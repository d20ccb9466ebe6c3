/**
 * `npm start`: runs the whole system on this machine — every subgraph and the gateway as their
 * own processes (as in production), each applying its migrations and seed data on start — plus
 * maildev, the development mail server the e-mails go to, and prints the gateway and inbox URLs.
 * Ctrl-C stops everything.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import pg from 'pg';
import { SUBGRAPHS, loadConfigOrExit, type Config } from '../platform/config.js';
import { DEV_SMTP_URL } from '../platform/contexts.js';
import { canConnect } from './cluster/ports.js';
import { ensureDatabase } from '../platform/database.js';
import { repoPath } from '../platform/paths.js';

const config = loadConfigOrExit();
const children: ChildProcess[] = [];
let stopping = false;

function stopAll(code: number): never {
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 3_000).unref();
  // Exit as soon as every child is gone.
  const poll = setInterval(() => {
    if (children.every((c) => c.exitCode !== null || c.signalCode !== null)) process.exit(code);
  }, 100);
  poll.unref();
  return undefined as never;
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

async function checkServices(cfg: Config): Promise<void> {
  const problems: string[] = [];
  const adminUrl = new URL(cfg.database.url);
  adminUrl.pathname = '/postgres';
  const client = new pg.Client({ connectionString: adminUrl.toString(), connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (err) {
    problems.push(
      `PostgreSQL is not reachable at ${adminUrl.host} (${(err as Error).message}). Start it with one of:\n` +
        `    pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start     # local Debian service\n` +
        `    docker compose up -d postgres                                                # with Docker`,
    );
  } finally {
    await client.end().catch(() => {});
  }
  const nats = new URL(cfg.nats.url.replace(/^nats:/, 'http:'));
  const natsUp = await new Promise<boolean>((resolve) => {
    const socket = net.connect({ host: nats.hostname, port: Number(nats.port || 4222) });
    socket.setTimeout(3_000);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
  if (!natsUp) {
    problems.push(
      `NATS is not reachable at ${cfg.nats.url}. Start it (with JetStream) with one of:\n` +
        `    start-stop-daemon --start --oknodo --background --exec /usr/sbin/nats-server -- -a 127.0.0.1 -p 4222 -js -sd /var/lib/nats-server -l /var/log/nats-server.log\n` +
        `    docker compose up -d nats`,
    );
  }
  if (problems.length) {
    process.stderr.write(`\nCannot start CritterSupply:\n\n  ${problems.join('\n\n  ')}\n\n`);
    process.exit(1);
  }
}

function run(name: string, script: string, env: Record<string, string> = {}, args: string[] = []): ChildProcess {
  const child = spawn(process.execPath, ['--enable-source-maps', repoPath(script), ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = `[${name}]`.padEnd(14);
  const forward = (stream: NodeJS.WritableStream) => (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) if (line) stream.write(`${prefix}${line}\n`);
  };
  child.stdout?.on('data', forward(process.stdout));
  child.stderr?.on('data', forward(process.stderr));
  child.on('exit', (code, signal) => {
    if (stopping) return;
    process.stderr.write(`${prefix}exited (${signal ?? code}); stopping everything\n`);
    stopAll(1);
  });
  children.push(child);
  return child;
}

async function waitForHealth(name: string, port: number, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://${config.host}:${port}/health`);
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${name} did not become healthy on port ${port} within ${timeoutMs / 1000}s`);
}

/** maildev's web inbox (its SMTP side is the development SMTP_URL). */
const MAIL_INBOX_PORT = 1080;

/**
 * Starts maildev when e-mails go to the development mail server and nothing listens there yet
 * (`docker compose up -d maildev` may already run one). Returns the inbox URL, or null when
 * SMTP_URL points elsewhere.
 */
async function startMailInbox(cfg: Config): Promise<string | null> {
  if (cfg.notifications.smtpUrl !== DEV_SMTP_URL) return null;
  const smtp = new URL(DEV_SMTP_URL);
  const inbox = `http://${smtp.hostname}:${MAIL_INBOX_PORT}`;
  if (await canConnect(Number(smtp.port), smtp.hostname)) return inbox;
  run('maildev', 'node_modules/maildev/bin/maildev', {}, ['--smtp', smtp.port, '--web', String(MAIL_INBOX_PORT), '--ip', smtp.hostname, '--web-ip', smtp.hostname]);
  const deadline = Date.now() + 15_000;
  while (!(await canConnect(Number(smtp.port), smtp.hostname))) {
    if (Date.now() > deadline) throw new Error(`maildev did not listen on ${smtp.host} within 15 s`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return inbox;
}

await checkServices(config);
await ensureDatabase(config.database.url);
let mailInbox: string | null = null;
try {
  mailInbox = await startMailInbox(config);
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n`);
  stopAll(1);
}

const present = SUBGRAPHS.filter((name) => existsSync(repoPath(`dist/subgraphs/${name}/main.js`)));
// Subgraphs start in parallel; each migrates its own schema and seeds its own data.
for (const name of present) run(name, `dist/subgraphs/${name}/main.js`);
try {
  await Promise.all(present.map((name) => waitForHealth(name, config.ports[name])));
  run('gateway', 'dist/gateway/main.js');
  await waitForHealth('gateway', config.gateway.port);
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n`);
  stopAll(1);
}

const url = `http://${config.host}:${config.gateway.port}/graphql`;
process.stdout.write(`
  CritterSupply is running (${present.join(', ')}).

  Gateway (HTTP + WebSocket):  ${url}
  Staff app (browser):        http://${config.host}:${config.gateway.port}/admin/
  Try:   curl -s ${url} -H 'content-type: application/json' \\
           -d '{"query":"{ products(search: \\"bowl\\") { nodes { sku name price { formatted } } } }"}'

  E-mail inbox (maildev):      ${mailInbox ?? `none: e-mails go to ${config.notifications.smtpUrl ? new URL(config.notifications.smtpUrl).host : 'no SMTP server'}`}

  Dev accounts (password):    admin@crittersupply.dev, cs@…, warehouse@…, catalog@… (critter-staff-dev)
                              alice@critter.test, bob@critter.test (critter-demo-pass)
  Ctrl-C stops everything.
`);
