import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generate, type CodegenConfig } from '@graphql-codegen/cli';

export interface OutputFile {
  /** Repo-relative path. */
  filename: string;
  content: string;
}

const normalise = (text: string) => text.replace(/\r\n/g, '\n');

/** Files whose committed copy differs from `files` (missing counts as stale). */
export function staleFiles(repoRoot: string, files: OutputFile[]): string[] {
  return files
    .filter(({ filename, content }) => {
      const absolute = path.join(repoRoot, filename);
      return !existsSync(absolute) || normalise(readFileSync(absolute, 'utf8')) !== normalise(content);
    })
    .map((f) => f.filename)
    .sort();
}

/** Writes the stale ones; returns what was written. */
export function writeFiles(repoRoot: string, files: OutputFile[]): string[] {
  const stale = new Set(staleFiles(repoRoot, files));
  for (const { filename, content } of files) {
    if (!stale.has(filename)) continue;
    const absolute = path.join(repoRoot, filename);
    mkdirSync(path.dirname(absolute), { recursive: true });
    writeFileSync(absolute, content);
  }
  return [...stale].sort();
}

/**
 * Runs GraphQL Code Generator in memory with the project's config. Targets generated from the API
 * schema file get the freshly composed SDL instead, so the check compares against what
 * `--write` would produce even when schema/api.graphql itself is stale or missing.
 */
export async function runCodegen(repoRoot: string, config: CodegenConfig, apiSchemaFile: string, apiSdl: string | undefined): Promise<OutputFile[]> {
  const generates = Object.fromEntries(
    Object.entries(config.generates).map(([target, output]) => {
      const usesApi = apiSdl !== undefined && typeof output === 'object' && !Array.isArray(output) && 'schema' in output && output.schema === apiSchemaFile;
      return [target, usesApi ? { ...output, schema: apiSdl } : output];
    }),
  );
  const outputs: Array<{ filename: string; content: string }> = await generate({ ...config, generates, cwd: repoRoot, silent: true }, false);
  return outputs.map(({ filename, content }) => ({ filename: path.relative(repoRoot, path.resolve(repoRoot, filename)).split(path.sep).join('/'), content }));
}

/** A file's text at a git ref, or undefined (with the reason) when the ref or the file does not exist. */
export function readAtGitRef(repoRoot: string, ref: string, file: string): { text: string } | { missing: string } {
  try {
    execFileSync('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd: repoRoot, stdio: 'pipe' });
  } catch {
    return { missing: `git ref ${ref} does not exist (first commit?)` };
  }
  try {
    return { text: execFileSync('git', ['show', `${ref}:./${file}`], { cwd: repoRoot, stdio: 'pipe', encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }) };
  } catch {
    return { missing: `${file} does not exist at ${ref}` };
  }
}
