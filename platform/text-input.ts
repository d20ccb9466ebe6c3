import { Kind, type DocumentNode, type ValueNode } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { DomainError } from './errors.js';

/**
 * Text that no field of this shop may hold: NUL (PostgreSQL's text type refuses it) and a lone
 * UTF-16 surrogate (not a character at all; it cannot be encoded as UTF-8). Checked once, at the
 * edge of every server, so no resolver, store or webhook has to remember it.
 */
export function textProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return 'must not contain NUL characters';
  // With the `u` flag a well-formed pair is one code point; only a lone surrogate matches.
  if (/\p{Cs}/u.test(text)) return 'must not contain unpaired surrogate code units';
  return undefined;
}

/** Every string inside `value` that `textProblem` refuses, by its dotted path (`input.firstName`). */
export function unsafeTextFields(value: unknown, path: string, found: Record<string, string> = {}): Record<string, string> {
  if (typeof value === 'string') {
    const problem = textProblem(value);
    if (problem) found[path || '(value)'] = problem;
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => unsafeTextFields(item, `${path}.${i}`, found));
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (textProblem(key)) found[path ? `${path}.(key)` : '(key)'] = textProblem(key)!;
      unsafeTextFields(item, path ? `${path}.${key}` : key, found);
    }
  }
  return found;
}

/** The same for string literals written into an operation, named by argument (`products.category`). */
function unsafeLiterals(document: DocumentNode, found: Record<string, string>): void {
  const visitValue = (node: ValueNode, path: string) => {
    if (node.kind === Kind.STRING) {
      const problem = textProblem(node.value);
      if (problem) found[path] = problem;
    } else if (node.kind === Kind.LIST) node.values.forEach((item, i) => visitValue(item, `${path}.${i}`));
    else if (node.kind === Kind.OBJECT) node.fields.forEach((field) => visitValue(field.value, `${path}.${field.name.value}`));
  };
  const visitSelections = (selections: readonly { kind: Kind }[]) => {
    for (const selection of selections as any[]) {
      if (selection.kind === Kind.FIELD) for (const arg of selection.arguments ?? []) visitValue(arg.value, `${selection.name.value}.${arg.name.value}`);
      if (selection.selectionSet) visitSelections(selection.selectionSet.selections);
    }
  };
  for (const definition of document.definitions) {
    if ('selectionSet' in definition && definition.selectionSet) visitSelections(definition.selectionSet.selections);
  }
}

/** BAD_USER_INPUT naming every refused field, or undefined when the request's text is clean. */
export function unsafeTextError(document: DocumentNode, variables: Record<string, unknown> | undefined): DomainError | undefined {
  const fields = unsafeTextFields(variables ?? {}, '');
  unsafeLiterals(document, fields);
  const names = Object.keys(fields);
  if (!names.length) return undefined;
  return new DomainError('BAD_USER_INPUT', `Invalid characters in ${names.join(', ')}`, { fields, http: { status: 400 } });
}

/** Refuses an operation whose variables or literals hold text `textProblem` refuses, before it executes. */
export function safeTextPlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          const error = unsafeTextError(document, request.variables);
          if (error) throw error;
        },
      };
    },
  };
}
