import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { repoPath } from './paths.js';
import { givesCacheHints } from './subgraph-server.js';

const schemaOf = (context: string) => parse(readFileSync(repoPath('subgraphs', context, 'schema.graphql'), 'utf8'));

describe('givesCacheHints (whether a subgraph keeps the cache-control plugin)', () => {
  it('finds the hints the catalogue and stock levels give', () => {
    expect(givesCacheHints(schemaOf('catalog'))).toBe(true);
    expect(givesCacheHints(schemaOf('inventory'))).toBe(true);
  });

  it('finds none in a schema of private data', () => {
    expect(givesCacheHints(schemaOf('cart'))).toBe(false);
    expect(givesCacheHints(schemaOf('orders'))).toBe(false);
  });

  it('finds a hint wherever it sits, and not in a directive of another name', () => {
    expect(givesCacheHints(parse('type Query { a: Int }  type T { b: Int @cacheControl(maxAge: 5) }'))).toBe(true);
    expect(givesCacheHints(parse('type T @cacheControl(maxAge: 5) { b: Int }'))).toBe(true);
    expect(givesCacheHints(parse('type Query { a: Int @deprecated(reason: "x") }'))).toBe(false);
  });
});
