import { describe, expect, it } from 'vitest';
import { MAX_SEARCH_TERMS, searchTerms, toPrefixTsQuery } from './search-query.js';

describe('toPrefixTsQuery', () => {
  it.each([
    ['bo', 'bo:*'],
    ['Steel  Bowl', 'steel:* & bowl:*'],
    ['bowl bowl BOWL', 'bowl:*'],
    ['20-gallon tank', '20:* & gallon:* & tank:*'],
    ['café', 'café:*'],
  ])('turns %j into %j', (text, query) => {
    expect(toPrefixTsQuery(text)).toBe(query);
  });

  it.each([
    ["') or 1=1 --", 'or:* & 1:*'],
    ["'; drop table catalog.product; --", 'drop:* & table:* & catalog:* & product:*'],
    ['bowl:* | !cat & (dog <-> bird)', 'bowl:* & cat:* & dog:* & bird:*'],
    ['\\x27 $1 ? ?? :: *', 'x27:* & 1:*'],
  ])('keeps only words from hostile input %j', (text, query) => {
    expect(toPrefixTsQuery(text)).toBe(query);
  });

  it('never lets tsquery operators or quotes through', () => {
    const query = toPrefixTsQuery(`a'b"c&d|e!f(g)h:i*j<k>l-m\\n`)!;
    expect(query.replace(/:\*/g, '').replace(/ & /g, ' ')).toMatch(/^[\p{L}\p{N} ]+$/u);
  });

  it('returns null when there are no words', () => {
    expect(toPrefixTsQuery('  !!! --- ')).toBeNull();
    expect(toPrefixTsQuery('')).toBeNull();
  });

  it(`uses at most ${MAX_SEARCH_TERMS} terms`, () => {
    expect(searchTerms('a b c d e f g h i j k')).toHaveLength(MAX_SEARCH_TERMS);
  });
});
