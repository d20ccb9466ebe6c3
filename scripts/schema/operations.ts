import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import {
  GraphQLError,
  Kind,
  NoUnusedFragmentsRule,
  Source,
  getLocation,
  isExecutableDefinitionNode,
  parse,
  specifiedRules,
  validate,
  visit,
  type DocumentNode,
  type ExecutableDefinitionNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
} from 'graphql';

/**
 * Client operations in the repo, validated against the API schema with graphql-js's standard rules.
 * Documents are found where GraphQL Code Generator's client preset finds them (graphql-tag-pluck):
 * `graphql(\`…\`)` / `gql(\`…\`)` calls, `gql\`…\`` / `graphql\`…\`` tags and `/* GraphQL *\/ \`…\``
 * templates in TypeScript, plus whole `.graphql` files. Plain strings are not documents, which is
 * how tests keep subgraph-only operations (`_entities`) or SDL fixtures out of this check.
 */

export interface OperationSource {
  /** Repo-relative path. */
  file: string;
  /** 1-based position of the document's first character in the file. */
  line: number;
  column: number;
  body: string;
}

export interface OperationProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

export const OPERATION_ROOTS: ReadonlyArray<{ dir: string; extensions: string[] }> = [
  { dir: 'test', extensions: ['.ts'] },
  { dir: 'scripts', extensions: ['.ts', '.graphql', '.gql'] },
  { dir: 'examples', extensions: ['.graphql', '.gql'] },
  { dir: 'admin/src', extensions: ['.ts', '.tsx'] },
];

export function collectOperationSources(repoRoot: string): OperationSource[] {
  return OPERATION_ROOTS.flatMap(({ dir, extensions }) =>
    listFiles(path.join(repoRoot, dir), extensions).flatMap((absolute) => {
      const file = path.relative(repoRoot, absolute).split(path.sep).join('/');
      const text = readFileSync(absolute, 'utf8');
      return /\.tsx?$/.test(file) ? extractDocuments(file, text) : [{ file, line: 1, column: 1, body: text }];
    }),
  );
}

function listFiles(dir: string, extensions: string[]): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return ['node_modules', '__generated__'].includes(entry.name) || entry.name.startsWith('.') ? [] : listFiles(full, extensions);
      return extensions.some((ext) => entry.name.endsWith(ext)) && !entry.name.endsWith('.d.ts') ? [full] : [];
    });
}

const TAGS = new Set(['gql', 'graphql']);

/** GraphQL documents embedded in a TypeScript file (see the module comment for the forms). */
export function extractDocuments(file: string, text: string): OperationSource[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: OperationSource[] = [];
  const seen = new Set<number>();
  const add = (template: ts.TemplateLiteral) => {
    const start = template.getStart(sf);
    if (seen.has(start)) return;
    seen.add(start);
    const { line, character } = sf.getLineAndCharacterOfPosition(start + 1);
    found.push({ file, line: line + 1, column: character + 1, body: templateBody(sf, template) });
  };
  const isTemplate = (node: ts.Node | undefined): node is ts.TemplateLiteral => !!node && (ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node));
  // The trivia right before the template ends with the comment (TypeScript calls a same-line comment
  // "trailing" to the previous token, so read the trivia directly).
  const hasMagicComment = (node: ts.Node) => /\/\*\s*graphql\s*\*\/\s*$/i.test(text.slice(node.pos, node.getStart(sf)));

  const visitNode = (node: ts.Node): void => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && TAGS.has(node.tag.text)) {
      add(node.template);
    } else if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && TAGS.has(node.expression.text)) {
      const arg = node.arguments[0];
      const unwrapped = arg && ts.isAsExpression(arg) ? arg.expression : arg;
      if (isTemplate(unwrapped)) add(unwrapped);
    } else if (isTemplate(node) && hasMagicComment(node)) {
      add(node);
    }
    ts.forEachChild(node, visitNode);
  };
  visitNode(sf);
  return found.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** The template's text between the backticks, `${…}` blanked out so positions stay exact. */
function templateBody(sf: ts.SourceFile, template: ts.TemplateLiteral): string {
  const start = template.getStart(sf) + 1;
  const chars = sf.text.slice(start, template.end - 1).split('');
  if (ts.isTemplateExpression(template)) {
    let open = template.head.end - 2; // the `${`
    for (const span of template.templateSpans) {
      const close = span.literal.getStart(sf) + 1; // just past the `}`
      for (let i = open; i < close; i++) if (chars[i - start] !== '\n') chars[i - start] = ' ';
      open = span.literal.end - 2;
    }
  }
  return chars.join('');
}

/**
 * Validates every source. Fragments may live in another file (the client preset resolves them by
 * name), so each document is validated together with the fragments it spreads, and unused
 * fragments are not errors. Operation and fragment names must be unique across the repo (the client
 * preset and persisted documents key documents by name). Documents holding only type definitions
 * (SDL fixtures) are skipped.
 */
export function validateOperations(schema: GraphQLSchema, sources: OperationSource[]): { problems: OperationProblem[]; operationCount: number } {
  const problems: OperationProblem[] = [];
  const parsed: Array<{ source: OperationSource; definitions: ExecutableDefinitionNode[] }> = [];
  const sourceOf = new Map<Source, OperationSource>();
  const report = (source: OperationSource, gqlSource: Source | undefined, offset: number | undefined, message: string) => {
    const at = gqlSource && offset !== undefined ? getLocation(gqlSource, offset) : { line: 1, column: 1 };
    problems.push({ file: source.file, line: source.line + at.line - 1, column: at.line === 1 ? source.column + at.column - 1 : at.column, message });
  };

  for (const source of sources) {
    const gqlSource = new Source(source.body, source.file);
    sourceOf.set(gqlSource, source);
    try {
      const definitions = parse(gqlSource).definitions.filter(isExecutableDefinitionNode);
      if (definitions.length) parsed.push({ source, definitions });
    } catch (err) {
      if (!(err instanceof GraphQLError)) throw err;
      report(source, gqlSource, err.positions?.[0], err.message);
    }
  }

  const fragments = new Map<string, FragmentDefinitionNode>();
  const firstSeen = new Map<string, OperationSource>();
  for (const { source, definitions } of parsed) {
    for (const def of definitions) {
      const name = def.name?.value;
      if (!name) continue;
      const what = def.kind === Kind.FRAGMENT_DEFINITION ? 'Fragment' : 'Operation';
      const first = firstSeen.get(`${what} ${name}`);
      // Duplicates inside one document are reported by the standard Unique*Names rules.
      if (first && first !== source) {
        report(source, def.loc?.source, def.loc?.start, `${what} name "${name}" is also used at ${first.file}:${first.line}; names must be unique across the repo.`);
        continue;
      }
      firstSeen.set(`${what} ${name}`, source);
      if (def.kind === Kind.FRAGMENT_DEFINITION && !fragments.has(name)) fragments.set(name, def);
    }
  }

  const rules = specifiedRules.filter((rule) => rule !== NoUnusedFragmentsRule);
  const reported = new Set<string>();
  let operationCount = 0;
  for (const { source, definitions } of parsed) {
    operationCount += definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION).length;
    const document: DocumentNode = { kind: Kind.DOCUMENT, definitions: withSpreadFragments(definitions, fragments) };
    for (const error of validate(schema, document, rules)) {
      const node = error.nodes?.[0];
      const owner = (node?.loc && sourceOf.get(node.loc.source)) || source;
      const key = `${owner.file}:${node?.loc?.start}:${error.message}`;
      if (reported.has(key)) continue;
      reported.add(key);
      report(owner, node?.loc?.source, node?.loc?.start, error.message);
    }
  }
  return { problems, operationCount };
}

/** The definitions plus every fragment they spread (transitively) that is defined elsewhere. */
function withSpreadFragments(definitions: ExecutableDefinitionNode[], fragments: Map<string, FragmentDefinitionNode>): ExecutableDefinitionNode[] {
  const result = [...definitions];
  const local = new Set(definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [d.name.value] : [])));
  for (let i = 0; i < result.length; i++) {
    visit(result[i], {
      FragmentSpread(spread) {
        const name = spread.name.value;
        const fragment = fragments.get(name);
        if (!local.has(name) && fragment) {
          local.add(name);
          result.push(fragment);
        }
      },
    });
  }
  return result;
}
