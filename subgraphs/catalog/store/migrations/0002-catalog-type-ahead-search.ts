import { Migration } from '@mikro-orm/migrations';

/**
 * Type-ahead that keeps working while a word is half typed.
 *
 * 0001 indexed only english stems and stemmed the typed prefix too, so a prefix could miss the
 * word it starts: "do"/"be"/"to" are stop words and vanished from the query (no "Dog Bed", no "Toy"),
 * and a partial word stems differently from the whole one ("clumpin" is not a prefix of the stem
 * "clump", "orthopedi" not of "orthoped"). Now the document holds each word twice, stemmed
 * ('english', so "bowls" finds "bowl") and as written ('simple', so every prefix of it matches),
 * with the same weights: name (A) > brand and tags (B) > description (C).
 *
 * `product_search_query` turns the sanitised words of a search (domain/search-query.ts) into one
 * tsquery: every word must match as a stemmed or a literal prefix. Stop words ("for", "the") are
 * dropped when the search has other words, so "bowl for dogs" still finds the dog bowl; a search
 * made only of them ("do", "can") is taken literally, as the start of a longer word.
 */
export class Migration0002CatalogTypeAheadSearch extends Migration {
  override async up(): Promise<void> {
    const schema = this.config.get('schema');
    const document = (config: 'english' | 'simple') => `
          setweight(to_tsvector('${config}'::regconfig, name), 'A') ||
          setweight(to_tsvector('${config}'::regconfig, coalesce(brand, '') || ' ' || "${schema}".search_text(tags)), 'B') ||
          setweight(to_tsvector('${config}'::regconfig, description), 'C')`;
    this.addSql(`
      drop index "${schema}".product_search_idx;
      alter table "${schema}".product drop column search_vector;
      alter table "${schema}".product add column search_vector tsvector generated always as (${document('english')} ||${document('simple')}
      ) stored;
      create index product_search_idx on "${schema}".product using gin (search_vector);

      -- words: letters and digits separated by spaces (never tsquery syntax). The SET clause keeps
      -- to_tsquery's "only stop words" notice out of the logs.
      create function "${schema}".product_search_query(words text) returns tsquery
        language plpgsql immutable strict parallel safe
        set client_min_messages = warning
        as $$
        declare
          word text;
          stemmed tsquery;
          literal tsquery;
          content text[] := '{}';
          stop_words text[] := '{}';
        begin
          foreach word in array regexp_split_to_array(btrim(words), '\\s+') loop
            continue when word = '';
            stemmed := to_tsquery('english', quote_literal(word) || ':*');
            literal := to_tsquery('simple', quote_literal(word) || ':*');
            if numnode(stemmed) = 0 then
              stop_words := stop_words || literal::text;
            elsif stemmed::text = literal::text then
              content := content || format('(%s)', stemmed);
            else
              content := content || format('(%s | %s)', stemmed, literal);
            end if;
          end loop;
          return array_to_string(case when cardinality(content) > 0 then content else stop_words end, ' & ')::tsquery;
        end
        $$;
    `);
  }

  override async down(): Promise<void> {
    const schema = this.config.get('schema');
    this.addSql(`
      drop function if exists "${schema}".product_search_query(text);
      drop index "${schema}".product_search_idx;
      alter table "${schema}".product drop column search_vector;
      alter table "${schema}".product add column search_vector tsvector generated always as (
        setweight(to_tsvector('english'::regconfig, name), 'A') ||
        setweight(to_tsvector('english'::regconfig, coalesce(brand, '') || ' ' || "${schema}".search_text(tags)), 'B') ||
        setweight(to_tsvector('english'::regconfig, description), 'C')
      ) stored;
      create index product_search_idx on "${schema}".product using gin (search_vector);
    `);
  }
}
