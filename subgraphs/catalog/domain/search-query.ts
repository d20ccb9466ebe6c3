/**
 * Turns what a shopper typed into the words of a search. The database makes each word a prefix
 * match and requires all of them (`product_search_query`, migration 0002), so "bo" finds "bowl".
 *
 * Only runs of letters and digits survive, so tsquery operators (`& | ! ( ) : * <->`), quotes and
 * SQL punctuation can never reach the query syntax; the words are passed as a bound parameter as
 * well, never interpolated into SQL.
 */

export const MAX_SEARCH_LENGTH = 200;
export const MAX_SEARCH_TERMS = 8;
/** Longer "words" are cut: no English word in a product text needs more, and lexemes are capped anyway. */
const MAX_TERM_LENGTH = 40;

const WORD = /[\p{L}\p{N}]+/gu;

/** The distinct words of a search text, lower-cased, in order, at most MAX_SEARCH_TERMS. */
export function searchTerms(text: string): string[] {
  const words = text.normalize('NFKC').toLowerCase().match(WORD) ?? [];
  const terms: string[] = [];
  for (const word of words) {
    const term = word.slice(0, MAX_TERM_LENGTH);
    if (!terms.includes(term)) terms.push(term);
    if (terms.length === MAX_SEARCH_TERMS) break;
  }
  return terms;
}
