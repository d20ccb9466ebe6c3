import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { repoPath } from '../../platform/paths.js';

/**
 * The chaos suite, bounded (docs/reliability.md): 200 checkouts through the gateway while nats-server is
 * killed and restarted, PostgreSQL restarted, a consumer killed between commit and ack, a relay
 * between publish and commit, subgraphs frozen past the confirmation timeout and the ack wait —
 * then a broker that loses its store. It runs `scripts/chaos/main.ts` as a child process against
 * a private PostgreSQL and nats-server (nothing shared with the other tests) and fails on any
 * violation of the oracle. `CHAOS_ORDERS` / `CHAOS_SEED` change the size and the seed.
 */
const ORDERS = process.env.CHAOS_ORDERS ?? '200';
const SEED = process.env.CHAOS_SEED ?? '20261125';
const TIMEOUT_MS = 10 * 60_000;

let child: ChildProcess | undefined;

afterAll(() => {
  // The suite stops everything it started on SIGTERM.
  if (child && child.exitCode === null) child.kill('SIGTERM');
});

describe('chaos: every order exactly once through broker, database and process faults', () => {
  it(
    `settles ${ORDERS} orders consistently (seed ${SEED})`,
    async () => {
      buildIfStale();
      const output: string[] = [];
      child = spawn(process.execPath, ['--enable-source-maps', repoPath('dist/scripts/chaos/main.js'), '--orders', ORDERS, '--seed', SEED], {
        cwd: repoPath(),
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, NODE_OPTIONS: '' },
      });
      child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
      child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child!.once('exit', (exitCode) => resolve(exitCode)));
      const text = output.join('');
      if (code !== 0) process.stderr.write(text);
      expect(text).toContain('PASS');
      expect(code, text.slice(-6_000)).toBe(0);
    },
    TIMEOUT_MS,
  );
});

/** The suite runs the built processes; rebuild when a source file is newer than the build (CI builds first). */
function buildIfStale(): void {
  const built = repoPath('dist/scripts/chaos/main.js');
  const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
  const newest = Math.max(...['platform', 'events', 'subgraphs', 'gateway', 'scripts'].map((dir) => newestSource(repoPath(dir))));
  if (newest > builtAt) execFileSync(process.execPath, [repoPath('node_modules/typescript/bin/tsc'), '-p', repoPath('tsconfig.build.json')], { cwd: repoPath(), stdio: 'inherit' });
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}
