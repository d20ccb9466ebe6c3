import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { declaresCacheHints } from './subgraph-server.js';
import { CONTEXT_NAMES } from './contexts.js';
import { repoPath } from './paths.js';

describe('declaresCacheHints', () => {
  const schema = (name: string) => parse(readFileSync(repoPath(`subgraphs/${name}/schema.graphql`), 'utf8'));

  it('keeps cache hints for the subgraphs whose public fields declare them, and only those', () => {
    const withHints = CONTEXT_NAMES.filter((name) => declaresCacheHints(schema(name)));
    expect(withHints.sort()).toEqual(['catalog', 'inventory']);
  });

  it('looks for the directive’s declaration, not for the word', () => {
    expect(declaresCacheHints(parse('"the cacheControl of a product" type Query { cacheControl: Int }'))).toBe(false);
    expect(declaresCacheHints(parse('directive @cacheControl(maxAge: Int) on FIELD_DEFINITION type Query { a: Int @cacheControl(maxAge: 5) }'))).toBe(true);
  });
});
