import { describe, expect, it } from 'vitest';
import { MAX_SEARCH_TERMS, searchTerms } from './search-query.js';

describe('searchTerms', () => {
  it.each([
    ['bo', ['bo']],
    ['Steel  Bowl', ['steel', 'bowl']],
    ['bowl bowl BOWL', ['bowl']],
    ['20-gallon tank', ['20', 'gallon', 'tank']],
    ['café', ['café']],
    ['cafe\u0301', ['café']],
  ])('turns %j into %j', (text, terms) => {
    expect(searchTerms(text)).toEqual(terms);
  });

  it.each([
    ["') or 1=1 --", ['or', '1']],
    ["'; drop table catalog.product; --", ['drop', 'table', 'catalog', 'product']],
    ['bowl:* | !cat & (dog <-> bird)', ['bowl', 'cat', 'dog', 'bird']],
    ['\\x27 $1 ? ?? :: *', ['x27', '1']],
  ])('keeps only words from hostile input %j', (text, terms) => {
    expect(searchTerms(text)).toEqual(terms);
  });

  it('never lets tsquery operators, quotes or spaces through', () => {
    for (const term of searchTerms(`a'b"c&d|e!f(g)h:i*j<k>l-m\\n\tq\u00a0r`)) expect(term).toMatch(/^[\p{L}\p{N}]+$/u);
  });

  it('returns no terms when there are no words', () => {
    expect(searchTerms('  !!! --- ')).toEqual([]);
    expect(searchTerms('')).toEqual([]);
  });

  it(`uses at most ${MAX_SEARCH_TERMS} terms of at most 40 characters`, () => {
    expect(searchTerms('a b c d e f g h i j k')).toHaveLength(MAX_SEARCH_TERMS);
    expect(searchTerms('x'.repeat(100))).toEqual(['x'.repeat(40)]);
  });
});
