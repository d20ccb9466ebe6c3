import { readFileSync } from 'node:fs';
import { repoPath } from '../../platform/paths.js';

/**
 * The Node.js flags every process of the system runs with, as the build being started declares
 * them: `config.nodeFlags` in its package.json (deploy/k8s's ConfigMap and the Dockerfile set the
 * same in NODE_OPTIONS). Read from the build, not compiled into the launcher, so `bench:compare`
 * runs an earlier commit with the flags of its day.
 *
 * Today one: a young generation of up to 64 MB per semi-space instead of V8's 16. The processes
 * allocate a few MB per request or event and keep little of it; with the default, objects of
 * requests still in flight were scavenged again and again and promoted into the old generation,
 * whose marking and sweeping (on V8's helper threads, which CPU profiles of the main thread do not
 * show) then cost more than the requests (docs/performance.md, tenth round).
 */
export function systemNodeFlags(): string[] {
  const manifest = JSON.parse(readFileSync(repoPath('package.json'), 'utf8')) as { config?: { nodeFlags?: unknown } };
  const flags = manifest.config?.nodeFlags;
  if (flags === undefined) return [];
  if (!Array.isArray(flags) || !flags.every((flag) => typeof flag === 'string' && flag.startsWith('--'))) throw new Error('package.json config.nodeFlags must be a list of --flags');
  return flags as string[];
}
