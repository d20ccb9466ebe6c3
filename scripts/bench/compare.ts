/**
 * `npm run bench:compare -- --base REV [--runs N] [--keep] [-- BENCH OPTIONS]`: this working tree
 * against another commit, measured the way docs/performance.md asks for — both builds on the same
 * machine in one sitting, their runs interleaved (base, current, then current, base, …) so that
 * neither gets the quieter minutes. REV is built in a git worktree of its own (sharing this tree's
 * node_modules); both builds are driven by this tree's bench:checkout (so the figures are counted
 * the same way), which writes each run's figures as JSON. BENCH OPTIONS default to
 * `--stages 100 --seed 11`. Every run's full report stays in the printed directory.
 * Exit code 2 when a run could not be carried out.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoPath } from '../../platform/paths.js';
import { formatComparison, type RunPair } from './comparison.js';
import type { WorkFigures } from './work-report.js';

interface Options {
  base: string;
  runs: number;
  keep: boolean;
  benchArgs: string[];
}

const say = (line: string) => process.stdout.write(`${line}\n`);

function parseArgs(argv: string[]): Options {
  const split = argv.indexOf('--');
  const own = split < 0 ? argv : argv.slice(0, split);
  const benchArgs = split < 0 ? ['--stages', '100', '--seed', '11'] : argv.slice(split + 1);
  let base: string | undefined;
  let runs = 3;
  let keep = false;
  for (let i = 0; i < own.length; i++) {
    const flag = own[i];
    if (flag === '--base') base = own[++i];
    else if (flag === '--runs') {
      runs = Number(own[++i]);
      if (!Number.isInteger(runs) || runs <= 0) throw new Error('--runs takes a positive integer');
    } else if (flag === '--keep') keep = true;
    else throw new Error(`unknown argument ${flag} (use --base REV, --runs N, --keep, then -- and bench:checkout's options)`);
  }
  if (!base) throw new Error('--base REV is required (a commit, branch or tag to compare this working tree with)');
  if (benchArgs.some((a) => a === '--json' || a.startsWith('--json='))) throw new Error('--json is bench:compare\'s own: leave it out of the benchmark options');
  return { base, runs, keep, benchArgs };
}

function git(args: string[], cwd = repoPath('.')): string {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr.trim()}`);
  return result.stdout.trim();
}

/** REV checked out and built in a worktree of its own, with this tree's benchmark driver. */
function buildBase(commit: string, runDir: string): string {
  const dir = path.join(runDir, `base-${commit.slice(0, 10)}`);
  git(['worktree', 'add', '--detach', dir, commit]);
  // This tree's packages when REV locks the same ones; its own (npm ci) when its lock file differs.
  const sameLock = spawnSync('git', ['diff', '--quiet', commit, '--', 'package-lock.json'], { cwd: repoPath('.') }).status === 0;
  if (sameLock) symlinkSync(repoPath('node_modules'), path.join(dir, 'node_modules'), 'dir');
  else {
    say(`installing ${commit.slice(0, 10)}'s packages (its package-lock.json differs from this tree's)`);
    const install = spawnSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: 'inherit' });
    if (install.status !== 0) throw new Error(`npm ci for ${commit} failed`);
  }
  say(`building ${commit.slice(0, 10)} in ${dir}`);
  const tsc = spawnSync(process.execPath, [path.join(dir, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: dir, stdio: 'inherit' });
  if (tsc.status !== 0) throw new Error(`the build of ${commit} failed`);
  // Both builds are measured by one driver: the same counting, whatever the base's scripts did.
  cpSync(repoPath('dist/scripts'), path.join(dir, 'dist/scripts'), { recursive: true });
  return dir;
}

/** One bench:checkout run of the build in `root`; its report goes to `<label>.txt`, its figures are returned. */
async function runOnce(root: string, label: string, benchArgs: string[], runDir: string): Promise<WorkFigures> {
  const jsonFile = path.join(runDir, `${label}.json`);
  const reportFile = path.join(runDir, `${label}.txt`);
  const output: Buffer[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, ['--enable-source-maps', 'dist/scripts/bench/checkout.js', ...benchArgs, '--json', jsonFile], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
    child.on('error', reject);
    child.on('close', resolve);
  });
  writeFileSync(reportFile, Buffer.concat(output));
  // 1 = a service-level target missed: still a measurement; 2 or a signal = no measurement
  if ((code !== 0 && code !== 1) || !existsSync(jsonFile)) throw new Error(`${label}: bench:checkout exited with ${code} (see ${reportFile})`);
  const { rows } = JSON.parse(readFileSync(jsonFile, 'utf8')) as { rows: WorkFigures[] };
  const last = rows.at(-1);
  if (!last) throw new Error(`${label}: no figures in ${jsonFile}`);
  return last;
}

async function main(options: Options): Promise<number> {
  const commit = git(['rev-parse', '--verify', `${options.base}^{commit}`]);
  const changes = git(['status', '--porcelain', '--untracked-files=no']);
  const currentName = `current (${git(['rev-parse', '--short=10', 'HEAD'])}${changes ? ' + changes' : ''})`;
  const baseName = `base (${commit.slice(0, 10)})`;
  if (!existsSync(repoPath('dist/scripts/bench/checkout.js'))) throw new Error('dist/ is missing: run `npm run build` (`npm run bench:compare` does)');
  const runDir = mkdtempSync(path.join(os.tmpdir(), 'bench-compare-'));
  let baseRoot: string | undefined;
  try {
    baseRoot = buildBase(commit, runDir);
    const sides = { base: baseRoot, current: repoPath('.') } as const;
    say(`bench:checkout ${options.benchArgs.join(' ')} — ${options.runs} pair(s), interleaved; reports in ${runDir}`);
    const pairs: RunPair[] = [];
    for (let i = 1; i <= options.runs; i++) {
      // ABBA: the build that went second goes first next time
      const order = i % 2 ? (['base', 'current'] as const) : (['current', 'base'] as const);
      const pair: Partial<RunPair> = {};
      for (const side of order) {
        const figures = await runOnce(sides[side], `${side}-${i}`, options.benchArgs, runDir);
        pair[side] = figures;
        say(`  run ${i} ${side.padEnd(7)} ${figures.cpuMs ? `${figures.cpuMs.total!.toFixed(0)} ms CPU` : 'CPU not measured'} per order, ${figures.statements.toFixed(1)} statements${figures.roundTrips === undefined ? '' : `, ${figures.roundTrips.toFixed(1)} round trips`}, ${figures.confirmed} confirmed`);
      }
      pairs.push(pair as RunPair);
    }
    say(`\n${formatComparison(pairs, { base: baseName, current: currentName })}`);
    return 0;
  } finally {
    if (baseRoot && !options.keep) {
      git(['worktree', 'remove', '--force', baseRoot]);
      git(['worktree', 'prune']);
    }
    if (options.keep && baseRoot) say(`\nkept the base's worktree: ${baseRoot}`);
  }
}

try {
  process.exit(await main(parseArgs(process.argv.slice(2))));
} catch (err) {
  process.stderr.write(`bench:compare could not be completed: ${(err as Error).stack ?? err}\n`);
  process.exit(2);
}
