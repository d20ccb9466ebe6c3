/**
 * The offline schema registry (ARCHITECTURE.md, "Schema checks").
 *
 *   npm run schema:check               check only (CI); exit 1 on any failure
 *   npm run schema:compose             same steps, but write schema/*.graphql and generated code
 *   (= npm run codegen)                instead of failing when they are stale
 *
 * Steps, each printing one ✔ / ✖ / – line; all that can run do run:
 *   1. compose every existing subgraph SDL (subgraphs/<name>/schema.graphql) in-process;
 *   2. schema/supergraph.graphql and schema/api.graphql match the composition;
 *   3. no breaking change against schema/api.graphql at SCHEMA_BASE_REF (default HEAD) unless
 *      listed with a reason in schema/breaking-changes.allow.json
 *      (`[{ "change": "Order.total" | "<graphql-js description>", "reason": "…" }]`);
 *   4. the client contract (CONTRACT_PATH, default schema/contract.graphql, a copy of the upstream contract that may lag behind it but never contradicts it) is provided; gaps
 *      owned only by subgraphs that do not exist yet are "not yet provided" (rules: schema/contract.ts);
 *   5. every type, field, argument and enum value of the API schema has a description;
 *   6. every client operation in test/, scripts/ and examples/ validates against the API schema;
 *   7. generated code (codegen.ts) is up to date.
 * Flags: --write, --hints (list composition hints).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, type GraphQLSchema } from 'graphql';
import codegenConfig from '../codegen.js';
import { SUBGRAPHS } from '../platform/config.js';
import { breakingChanges, findUnlistedBreakingChanges, parseAllowList } from './schema/breaking-changes.js';
import { API_SCHEMA_FILE, SUPERGRAPH_FILE, composeSupergraph, existingSubgraphs, loadSubgraphServices } from './schema/compose.js';
import { checkContract } from './schema/contract.js';
import { undocumented } from './schema/descriptions.js';
import { readAtGitRef, runCodegen, staleFiles, writeFiles, type OutputFile } from './schema/files.js';
import { collectOperationSources, validateOperations } from './schema/operations.js';
import { fail, formatStep, pass, skip, type StepResult } from './schema/report.js';

const ALLOW_LIST_FILE = 'schema/breaking-changes.allow.json';

interface Options {
  repoRoot: string;
  write: boolean;
  listHints: boolean;
  baseRef: string;
  contractPath: string;
  /** The product's copy beside the repo, when there is one: the vendored file must equal it. */
  upstreamContractPath?: string;
}

/** A copy of ../shared/CONTRACT.graphql, so a clone checks the contract without the folder beside it. */
const VENDORED_CONTRACT_FILE = 'schema/contract.graphql';

interface Api {
  schema: GraphQLSchema;
  files: OutputFile[];
}

function readOptions(argv: string[], env: NodeJS.ProcessEnv): Options {
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  return {
    repoRoot,
    write: argv.includes('--write'),
    listHints: argv.includes('--hints'),
    baseRef: env.SCHEMA_BASE_REF || 'HEAD',
    contractPath: env.CONTRACT_PATH ? path.resolve(env.CONTRACT_PATH) : path.resolve(repoRoot, VENDORED_CONTRACT_FILE),
    upstreamContractPath: env.CONTRACT_PATH ? undefined : path.resolve(repoRoot, '..', 'shared', 'CONTRACT.graphql'),
  };
}

function composeStep(o: Options): { step: StepResult; api?: Api } {
  const { services, errors: parseErrors } = loadSubgraphServices(o.repoRoot);
  const names = services.map((s) => s.name).join(', ') || 'none';
  const composition = parseErrors.length ? { ok: false as const, errors: parseErrors } : composeSupergraph(services);
  if (!composition.ok) {
    return { step: fail(`composition of ${services.length} subgraph(s) (${names}) failed`, composition.errors.map((e) => `${e.code}: ${e.message}`)) };
  }
  const hints = o.listHints ? composition.hints.map((h) => `${h.code}: ${h.message}`) : [];
  const hintNote = composition.hints.length ? `, ${composition.hints.length} hint(s)${o.listHints ? '' : ' (--hints lists them)'}` : '';
  const files = [
    { filename: SUPERGRAPH_FILE, content: composition.supergraphSdl },
    { filename: API_SCHEMA_FILE, content: composition.apiSdl },
  ];
  return { step: pass(`composed ${services.length} subgraph(s): ${names}${hintNote}`, hints), api: { schema: composition.apiSchema, files } };
}

function schemaFilesStep(o: Options, api: Api): StepResult {
  if (o.write) {
    const written = writeFiles(o.repoRoot, api.files);
    return pass(written.length ? `wrote ${written.join(', ')}` : 'schema files already up to date');
  }
  const stale = staleFiles(o.repoRoot, api.files);
  return stale.length ? fail(`stale: ${stale.join(', ')} — run \`npm run schema:compose\``) : pass('schema files match the composition');
}

function breakingChangesStep(o: Options, api: Api): StepResult {
  const title = `breaking changes vs ${API_SCHEMA_FILE} at ${o.baseRef}`;
  const previous = readAtGitRef(o.repoRoot, o.baseRef, API_SCHEMA_FILE);
  if ('missing' in previous) return skip(title, previous.missing);
  let allowListText: string | undefined;
  try {
    allowListText = readFileSync(path.join(o.repoRoot, ALLOW_LIST_FILE), 'utf8');
  } catch {
    allowListText = undefined; // no file: nothing allowed
  }
  const allowList = parseAllowList(allowListText);
  const report = findUnlistedBreakingChanges(buildSchema(previous.text), api.schema, allowList.entries);
  const details = [
    ...[...allowList.errors, ...report.entryErrors].map((e) => `${ALLOW_LIST_FILE}: ${e}`),
    ...report.unlisted.map((c) => `${c.type} ${c.coordinate}: ${c.description}`),
    ...report.allowed.map(({ change, reason }) => `allowed ${change.coordinate}: ${change.description} (${reason})`),
    ...report.unusedEntries.map((e) => `note: allow-list entry "${e.change}" matches no change (remove it once ${o.baseRef} has the change)`),
  ];
  const ok = !report.unlisted.length && !allowList.errors.length && !report.entryErrors.length;
  const summary = `${report.changes.length} breaking change(s), ${report.unlisted.length} not in ${ALLOW_LIST_FILE}`;
  return ok ? pass(`${title}: ${summary}`, details) : fail(`${title}: ${summary}`, details);
}

function contractStep(o: Options, api: Api): StepResult {
  let contractSdl: string;
  try {
    contractSdl = readFileSync(o.contractPath, 'utf8');
  } catch {
    return fail(`contract not found at ${o.contractPath} (set CONTRACT_PATH)`);
  }
  // A new upstream version is vendored piece by piece, as the work that provides each part lands: the
  // copy may lag behind upstream, but never contradict it.
  const upstreamNotes: string[] = [];
  if (o.upstreamContractPath && existsSync(o.upstreamContractPath)) {
    const upstreamSdl = readFileSync(o.upstreamContractPath, 'utf8');
    if (upstreamSdl !== contractSdl) {
      const vendored = buildSchema(contractSdl);
      const upstream = buildSchema(upstreamSdl);
      const diverging = breakingChanges(vendored, upstream);
      if (diverging.length) {
        return fail(
          `${VENDORED_CONTRACT_FILE} contradicts ${o.upstreamContractPath}: copy the upstream definitions in`,
          diverging.map((c) => `${c.coordinate}: ${c.description}`),
        );
      }
      const notVendored = breakingChanges(upstream, vendored);
      upstreamNotes.push(`note: ${notVendored.length} upstream contract item(s) not vendored yet: ${notVendored.map((c) => c.coordinate).join(', ')}`);
    }
  }
  const existing = existingSubgraphs(o.repoRoot);
  const report = checkContract(contractSdl, api.schema, existing, SUBGRAPHS);
  const pending = Object.entries(report.notYetByOwner).map(([owner, n]) => `${owner} ${n}`);
  const summary =
    `${report.provided}/${report.itemCount} contract items provided` +
    (pending.length ? `, ${report.itemCount - report.provided - report.missing} not yet provided (${pending.join(', ')})` : '') +
    (report.missing ? `, ${report.missing} missing` : '');
  const details = report.failures.map((c) => `${c.coordinate}${c.owners.length ? ` [${c.owners.join('/')}]` : ''}: ${c.description}`);
  return report.failures.length ? fail(`contract: ${summary}`, [...details, ...upstreamNotes]) : pass(`contract: ${summary}`, upstreamNotes);
}

function descriptionsStep(_o: Options, api: Api): StepResult {
  const missing = undocumented(api.schema);
  return missing.length
    ? fail(`descriptions: ${missing.length} public type(s), field(s), argument(s) or enum value(s) without one — describe them in the owning subgraph's SDL`, missing)
    : pass('descriptions: every public type, field, argument and enum value has one');
}

function operationsStep(o: Options, api: Api): StepResult {
  const sources = collectOperationSources(o.repoRoot);
  const { problems, operationCount } = validateOperations(api.schema, sources);
  const files = new Set(sources.map((s) => s.file)).size;
  const title = `${operationCount} client operation(s) in ${files} file(s)`;
  return problems.length
    ? fail(`${title}: ${problems.length} error(s)`, problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.message}`))
    : pass(`${title} valid against the API schema`);
}

async function codegenStep(o: Options, api: Api | undefined): Promise<StepResult> {
  let files: OutputFile[];
  try {
    files = await runCodegen(o.repoRoot, codegenConfig, API_SCHEMA_FILE, api?.files.find((f) => f.filename === API_SCHEMA_FILE)?.content);
  } catch (err) {
    return fail('codegen failed', String((err as Error).message ?? err).split('\n'));
  }
  if (o.write) {
    const written = writeFiles(o.repoRoot, files);
    return pass(written.length ? `codegen wrote ${written.length} file(s)` : `generated code up to date (${files.length} file(s))`, written);
  }
  const stale = staleFiles(o.repoRoot, files);
  return stale.length ? fail(`stale generated code — run \`npm run codegen\``, stale) : pass(`generated code up to date (${files.length} file(s))`);
}

async function main(): Promise<void> {
  const o = readOptions(process.argv.slice(2), process.env);
  process.chdir(o.repoRoot); // codegen.ts and its globs are relative to the repo root
  const steps: StepResult[] = [];
  const run = (step: StepResult) => {
    steps.push(step);
    console.log(formatStep(step));
  };

  const { step, api } = composeStep(o);
  run(step);
  const needsApi = (title: string, stepFn: (o: Options, api: Api) => StepResult) => run(api ? stepFn(o, api) : skip(title, 'composition failed'));
  needsApi('schema files', schemaFilesStep);
  needsApi('breaking changes', breakingChangesStep);
  needsApi('contract', contractStep);
  needsApi('descriptions', descriptionsStep);
  needsApi('client operations', operationsStep);
  run(await codegenStep(o, api)); // without a composition, test targets use the committed api.graphql

  const failed = steps.filter((s) => s.status === 'fail').length;
  console.log(failed ? `\n✖ schema check failed (${failed} step(s))` : `\n✔ schema check passed${o.write ? ' (files written)' : ''}`);
  process.exitCode = failed ? 1 : 0;
}

await main();
