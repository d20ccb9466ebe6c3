import { execFile, execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Runs the real `tsx scripts/schema-check.ts` in a throw-away git repo holding a copy of the script,
 * codegen.ts, a fixture subgraph, a fixture contract and a test file with one operation.
 */

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const tsxCli = path.join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');

// Every field described, as schema:check requires of the public API.
const customersSdl = (fields: string) => `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
type Query { "The signed-in customer." me: Customer }
"A customer." type Customer @key(fields: "id") { ${fields.replace(/(\w+):/g, '"The $1." $1:')} }
`;
const contract = `type Customer {
  id: ID!
  email: String!
}

# ---------------------------------------------------------------- orders subgraph

type Order {
  id: ID!
}

# ---------------------------------------------------------------- roots

type Query {
  # customers
  me: Customer
  # orders
  order(id: ID!): Order
}
`;
// Built with string concatenation so that this file itself holds no client operation.
const operationFile = (selection: string) => "import { graphql } from './__generated__/index.js';\n\nexport const Me = graphql(`\n  query Me {\n    me { " + selection + ' }\n  }\n`);\n';

let dir: string;
const write = (file: string, text: string) => {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), text);
};
const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', ...args], { cwd: dir, stdio: 'pipe' });

function schemaCheck(...args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [tsxCli, 'scripts/schema-check.ts', ...args], { cwd: dir, env: { ...process.env, CONTRACT_PATH: path.join(dir, 'CONTRACT.graphql'), SCHEMA_BASE_REF: '' } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr }),
    );
  });
}

describe('npm run schema:check (child process)', () => {
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'schema-check-'));
    for (const file of ['scripts/schema-check.ts', 'scripts/schema', 'platform/config.ts', 'platform/contexts.ts', 'platform/dev-keys.ts', 'codegen.ts', 'package.json']) {
      cpSync(path.join(repoRoot, file), path.join(dir, file), { recursive: true });
    }
    symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    write('CONTRACT.graphql', contract);
    write('subgraphs/customers/schema.graphql', customersSdl('id: ID! email: String! nickname: String'));
    write('test/me.ts', operationFile('id nickname'));
    git('init', '-q');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes, then passes, then catches a removed field, then accepts it once allowed with a reason', async () => {
    const first = await schemaCheck('--write');
    expect(first.output).toMatch(/✔ wrote schema\/(api|supergraph)\.graphql, schema\/(api|supergraph)\.graphql/);
    expect(first.output).toContain('skipped: git ref HEAD does not exist');
    expect(first.output).toMatch(/contract: 5\/9 contract items provided, 4 not yet provided \(orders 4\)/);
    expect(first.output).toContain('test/__generated__/graphql.ts');
    expect(first.code).toBe(0);
    git('add', '-A');
    git('commit', '-q', '-m', 'baseline');

    const clean = await schemaCheck();
    expect(clean.output).toContain('✔ schema check passed');
    expect(clean.code).toBe(0);

    write('subgraphs/customers/schema.graphql', customersSdl('id: ID! email: String!'));
    const broken = await schemaCheck();
    expect(broken.code).toBe(1);
    expect(broken.output).toMatch(/✖ stale: schema\/(api|supergraph)\.graphql, schema\/(api|supergraph)\.graphql/);
    expect(broken.output).toContain('FIELD_REMOVED Customer.nickname: Customer.nickname was removed.');
    expect(broken.output).toContain('test/me.ts:5:13 Cannot query field "nickname" on type "Customer".');

    write('test/me.ts', operationFile('id email'));
    write('schema/breaking-changes.allow.json', JSON.stringify([{ change: 'Customer.nickname', reason: 'Never shipped to clients.' }]));
    const allowed = await schemaCheck('--write');
    expect(allowed.output).toContain('allowed Customer.nickname');
    expect(allowed.code).toBe(0);
  }, 180_000);
});
