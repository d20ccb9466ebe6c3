import type { EntityManager } from '@mikro-orm/postgresql';
import { executeAndCommit, executeDeferred } from './postgres-driver.js';

/** One SQL statement with `?` placeholders and its values, in order. */
export interface SqlStatement {
  sql: string;
  params: readonly unknown[];
  /**
   * Only the transaction's last write may carry this part (a message's inbox row, which the kit
   * hands to the handler's one write): the statement it joins commits the transaction in the same
   * message (executeAndCommit).
   */
  endsTransaction?: boolean;
  /**
   * For a `project` statement (events/handler.ts) that must change a row, say an update of a row
   * another event creates: when it changes none, the handling fails with this message — and writes
   * nothing, inbox row included — so the kit retries it like any failure. Such a statement returns
   * the rows it changed (`returning …`).
   */
  failsWhenNoRow?: string;
  /**
   * For a `project` statement: called with the rows it returned (`returning …`) once they are
   * committed, and an EntityManager to map them with (plainRecord) — what the process may remember
   * of them (orders: a new checkout, for the step that comes next). Not with `failsWhenNoRow`, nor
   * from a statement for many events.
   */
  committed?: (rows: readonly Record<string, unknown>[], em: EntityManager) => void;
}

/**
 * Several writes sent as ONE statement: each becomes a data-modifying CTE
 * (`with w1 as (insert …), w2 as (update …) select …`). One round trip instead of one per write,
 * which on this deployment costs more than the writes themselves (docs/performance.md). All parts
 * see the same snapshot and none sees another's changes, so no two parts may touch the same row;
 * PostgreSQL runs them all whether or not the final select reads them. Named parts can be read by
 * the final select (`returning` columns).
 */
export class CombinedStatement {
  private readonly parts: { name: string; sql: string }[] = [];
  private readonly params: unknown[] = [];
  private endsTransaction = false;

  /** `oneOff`: the statement's shape depends on how much it carries (a batch's), so it is never prepared (SqlText.oneOff). */
  constructor(private readonly options: { oneOff?: boolean } = {}) {}

  add(sql: string, params: readonly unknown[], name = `w${this.parts.length + 1}`): this {
    this.parts.push({ name, sql });
    this.params.push(...params);
    return this;
  }

  /** Adds a prepared part; one that ends the transaction makes this statement commit it. */
  include(part: SqlStatement, name?: string): this {
    if (part.endsTransaction) this.endsTransaction = true;
    return this.add(part.sql, part.params, name);
  }

  /**
   * Makes this statement the transaction's last write: `run` then commits the transaction in the
   * same message (executeAndCommit), which needs the statement itself to fail — not a check of its
   * answer afterwards — when it must not commit.
   */
  endingTransaction(): this {
    this.endsTransaction = true;
    return this;
  }

  get isEmpty(): boolean {
    return this.parts.length === 0;
  }

  /**
   * Runs every part, reading nothing back, in the caller's transaction: deferred to its next
   * message (executeDeferred), so a transaction's last write travels with its COMMIT. A
   * `finalSelect` that fails makes the statement fail — and with it the transaction, whichever
   * later message carries it.
   */
  write(em: EntityManager, finalSelect = 'select 1 as done', finalParams: readonly unknown[] = []): Promise<void> {
    if (this.isEmpty) return Promise.resolve();
    if (this.endsTransaction) return this.run(em, finalSelect, finalParams).then(() => undefined);
    return executeDeferred(em, this.text(finalSelect), [...this.params, ...finalParams], this.options);
  }

  /** Runs every part and `finalSelect` (which may name parts) in the caller's transaction, if any. */
  run<T extends object>(em: EntityManager, finalSelect = 'select 1 as done', finalParams: readonly unknown[] = []): Promise<T[]> {
    const sql = this.text(finalSelect);
    const params = [...this.params, ...finalParams];
    return this.endsTransaction ? executeAndCommit<T>(em, sql, params, this.options) : em.execute<T[]>(sql, params);
  }

  private text(finalSelect: string): string {
    if (this.isEmpty) return finalSelect;
    return `with ${this.parts.map((part) => `${part.name} as (${part.sql})`).join(',\n')}\n${finalSelect}`;
  }
}
