import { readFileSync } from 'node:fs';
import { parse, print, type OperationDefinitionNode } from 'graphql';
import { repoPath } from '../../platform/paths.js';

/**
 * The named operations of a `.graphql` file, by name. Scripts keep their operations in such files so
 * `npm run schema:check` validates them against the API schema like every other client operation.
 */
export function loadOperations(file: string): Map<string, string> {
  return new Map(
    parse(readFileSync(repoPath(file), 'utf8'))
      .definitions.filter((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition' && !!d.name)
      .map((d) => [d.name!.value, print(d)]),
  );
}

/** The operation called `name`; throws on a typo rather than sending an empty query. */
export function operation(operations: Map<string, string>, name: string): string {
  const text = operations.get(name);
  if (!text) throw new Error(`no operation called ${name}`);
  return text;
}
