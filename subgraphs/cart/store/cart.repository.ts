import type { EntityManager } from '@mikro-orm/postgresql';
import { v7 as uuidv7 } from 'uuid';
import { outboxInsert, outboxInsertIf, type PendingOutboxRow } from '../../../events/outbox.js';
import { ringAfterAutocommit } from '../../../events/outbox-signal.js';
import { CombinedStatement } from '../../../platform/combined-statement.js';
import { plainRecord } from '../../../platform/plain-record.js';
import type { StockLevel } from '../domain/availability.js';
import type { OwnerKind, ProductOffer } from '../domain/cart.js';
import { CartEntity, type CartRecord } from './cart.entity.js';
import type { CartHistoryRecord } from './cart-history.entity.js';
import { OFFER_AND_STOCK_COLUMNS, offerAndStockOf, stockLevelOf, type OfferAndStockRow, type StockRow } from './projection.repository.js';

/** Whose cart: a guest id or a customer id (a token's subject). */
export interface CartOwner {
  kind: OwnerKind;
  id: string;
}

/** How often to retry when the owner's ACTIVE cart closes between finding and locking it. */
const ACTIVE_CART_ATTEMPTS = 3;

/**
 * Carts in `cart.cart` and their history. Carts are read as plain records, never into the ORM's
 * identity map, and written by `write` — one statement per change with its history and events.
 * Locking reads must run inside a transaction.
 */
export class CartRepository {
  constructor(private readonly em: EntityManager) {}

  private get schema(): string {
    return this.em.config.get('schema');
  }

  private get table(): string {
    return `"${this.schema}".cart`;
  }

  private recordOf(row: CartRow): CartRecord {
    return plainRecord(this.em, CartEntity, row);
  }

  /** The owner's cart with this id, any status; someone else's cart is never loaded. */
  async findOwned(id: string, owner: CartOwner): Promise<CartRecord | null> {
    const [row] = await this.em.execute<CartRow[]>(`select * from ${this.table} where id = ? and owner_kind = ? and owner_id = ?`, [id, owner.kind, owner.id]);
    return row ? this.recordOf(row) : null;
  }

  async findActive(owner: CartOwner): Promise<CartRecord | null> {
    const [row] = await this.em.execute<CartRow[]>(`select * from ${this.table} where owner_kind = ? and owner_id = ? and status = 'ACTIVE'`, [owner.kind, owner.id]);
    return row ? this.recordOf(row) : null;
  }

  /** Inside a transaction: the owner's cart with this id, locked until commit (a plain record: see `write`). */
  async lockOwned(id: string, owner: CartOwner): Promise<CartRecord | null> {
    const [row] = await this.em.execute<CartRow[]>(`select * from ${this.table} where id = ? and owner_kind = ? and owner_id = ? for update`, [id, owner.kind, owner.id]);
    return row ? this.recordOf(row) : null;
  }

  /**
   * As findOwned, with the SKU's offer and stock level read in the same statement: an item
   * change needs all three, and a round trip costs more here than the reads. `lock`: inside a
   * transaction, the cart locked until commit (without it, the change is written over the version
   * read: writeChange).
   */
  async findOwnedWithOffer(
    id: string,
    owner: CartOwner,
    sku: string,
    options: { lock: boolean },
  ): Promise<{ record: CartRecord; offer: ProductOffer | null; stock: StockLevel | null } | null> {
    const [row] = await this.em.execute<(CartRow & OfferAndStockRow)[]>(
      `select c.*, ${OFFER_AND_STOCK_COLUMNS}
         from ${this.table} c
         left join "${this.schema}".product_projection p on p.sku = ?
         left join "${this.schema}".stock_projection s on s.sku = ?
        where c.id = ? and c.owner_kind = ? and c.owner_id = ?${options.lock ? ' for update of c' : ''}`,
      [sku, sku, id, owner.kind, owner.id],
    );
    return row ? { record: this.recordOf(row), ...offerAndStockOf(row) } : null;
  }

  /** Inside a transaction: the owner's ACTIVE cart, locked until commit. */
  async lockActive(owner: CartOwner): Promise<CartRecord | null> {
    const [row] = await this.em.execute<CartRow[]>(`select * from ${this.table} where owner_kind = ? and owner_id = ? and status = 'ACTIVE' for update`, [owner.kind, owner.id]);
    return row ? this.recordOf(row) : null;
  }

  /**
   * The owner's ACTIVE cart, created when there is none. Concurrent calls meet on the partial
   * unique index: the loser's insert does nothing and it reads the winner's cart. Unlocked, it is
   * one statement and needs no transaction: the insert's row, or else the ACTIVE cart the
   * statement's snapshot sees (none when the winner committed after that snapshot was taken:
   * then the next attempt finds it). Locked (inside a transaction), the read is a locking one.
   */
  async ensureActive(owner: CartOwner, options: { lock?: boolean } = {}): Promise<CartRecord> {
    for (let attempt = 1; ; attempt++) {
      const insert = `insert into ${this.table} (id, owner_kind, owner_id) values (?, ?, ?) on conflict (owner_kind, owner_id) where status = 'ACTIVE' do nothing`;
      const params = [uuidv7(), owner.kind, owner.id];
      let cart: CartRecord | null;
      if (options.lock) {
        await this.em.execute(insert, params, 'run');
        cart = await this.lockActive(owner);
      } else {
        const [row] = await this.em.execute<CartRow[]>(
          `with made as (${insert} returning *)
           select * from made
           union all
           select * from ${this.table} where owner_kind = ? and owner_id = ? and status = 'ACTIVE'`,
          [...params, owner.kind, owner.id],
        );
        cart = row ? this.recordOf(row) : null;
      }
      if (cart) return cart;
      // checked out or abandoned in between, or made by a concurrent call: the next attempt finds or makes it
      if (attempt >= ACTIVE_CART_ATTEMPTS) throw new Error(`could not obtain an active cart for ${owner.kind} ${owner.id}`);
    }
  }

  /**
   * Claims up to `limit` ACTIVE guest carts unchanged for `ttlMs` by the database clock. Rows
   * another sweeper (a replica) holds are skipped, not waited for.
   */
  async claimExpiredGuestCarts(ttlMs: number, limit: number): Promise<CartRecord[]> {
    const rows = await this.em.execute<CartRow[]>(
      `select * from ${this.table}
        where status = 'ACTIVE' and owner_kind = 'GUEST' and updated_at <= now() - make_interval(secs => ? / 1000.0)
        order by updated_at
        limit ?
        for update skip locked`,
      [ttlMs, limit],
    );
    return rows.map((row) => this.recordOf(row));
  }

  /**
   * Writes carts as their records now stand, each with its history rows and events, in ONE
   * statement (platform/combined-statement.ts), in the caller's transaction, bumping each cart's
   * version. The records are plain (never in the ORM's identity map), so nothing else writes them
   * at commit.
   */
  async write(writes: readonly CartWrite[]): Promise<void> {
    const statement = new CombinedStatement();
    for (const { record } of writes) {
      const update = this.cartUpdate(record);
      statement.add(update.sql, update.params);
    }
    const history = writes.flatMap((w) => w.history);
    if (history.length) {
      const insert = this.historyInsert(history);
      statement.add(insert.sql, insert.params);
    }
    const outbox = writes.flatMap((w) => w.outbox);
    if (outbox.length) {
      const insert = outboxInsert(this.em, outbox);
      statement.add(insert.sql, insert.params);
    }
    await statement.write(this.em);
  }

  /**
   * One cart's change (an item change, the checkout) as ONE statement outside any transaction,
   * only over `version` (the one it was decided on) and only while the product's offer is still
   * `offer`, when the decision used it: the cart, its history and its events, which go in only if
   * the update did. No row lock is held between the read and this write. Returns the cart as
   * written and `sku`'s stock level now (null without a SKU); null when the cart or the offer moved
   * meanwhile: nothing was written, decide again.
   */
  async writeChange(
    write: CartWrite,
    over: { version: number; owner: CartOwner; offer: ProductOffer | null },
    sku: string | null,
  ): Promise<{ record: CartRecord; stock: StockLevel | null } | null> {
    if (this.em.getTransactionContext()) throw new Error('A change decided without a lock writes outside any transaction');
    const update = this.cartUpdate(write.record);
    const { offer } = over;
    const offerHolds = offer
      ? ` and exists (select 1 from "${this.schema}".product_projection p
                       where p.sku = ? and p.name is not distinct from ? and p.price_cents is not distinct from ?
                         and p.currency is not distinct from ? and p.status is not distinct from ?)`
      : '';
    const statement = new CombinedStatement().add(
      `${update.sql} and owner_kind = ? and owner_id = ? and version = ?${offerHolds} returning *`,
      [...update.params, over.owner.kind, over.owner.id, over.version, ...(offer ? [offer.sku, offer.name, offer.price?.cents ?? null, offer.price?.currency ?? null, offer.status] : [])],
      'cart_written',
    );
    const written = 'exists (select 1 from cart_written)';
    if (write.history.length) {
      const insert = this.historyInsert(write.history, written);
      statement.add(insert.sql, insert.params);
    }
    const outbox = write.outbox.length ? outboxInsertIf(this.em, write.outbox, written) : undefined;
    if (outbox) statement.add(outbox.sql, outbox.params);
    const [row] = await statement.run<CartRow & StockRow>(
      this.em,
      `select c.*, s.sku as stock_sku, s.total_available, s.low_stock, s.in_stock from cart_written c left join "${this.schema}".stock_projection s on s.sku = ?`,
      [sku],
    );
    if (!row) return null;
    if (outbox) ringAfterAutocommit(this.em, outbox.published);
    return { record: this.recordOf(row), stock: stockLevelOf(row) };
  }

  /** The update of a cart's changeable columns to what its record holds, bumping its version (`where id = ?` last: more conditions may follow). */
  private cartUpdate(record: CartRecord): { sql: string; params: unknown[] } {
    return {
      sql: `update ${this.table} set status = ?, lines = ?::jsonb, checkout_id = ?, coupon_code = ?, coupon_percent_off = ?, updated_at = ?, version = version + 1 where id = ?`,
      params: [record.status, JSON.stringify(record.lines), record.checkoutId, record.couponCode, record.couponPercentOff, record.updatedAt, record.id],
    };
  }

  /** History rows; `condition`: SQL over the statement's other parts, without which none goes in. */
  private historyInsert(history: readonly CartHistoryRecord[], condition = 'true'): { sql: string; params: unknown[] } {
    return {
      sql: `insert into "${this.schema}".cart_history (event_id, cart_id, reason, sku, item_count, subtotal_cents, detail, occurred_at)
            select v.* from (values ${history.map(() => '(?::uuid, ?::uuid, ?, ?, ?::integer, ?::integer, ?::jsonb, ?::timestamptz)').join(', ')})
                   as v (event_id, cart_id, reason, sku, item_count, subtotal_cents, detail, occurred_at)
             where ${condition}`,
      params: history.flatMap((h) => [h.eventId, h.cartId, h.reason, h.sku, h.itemCount, h.subtotalCents, h.detail === null ? null : JSON.stringify(h.detail), h.occurredAt]),
    };
  }
}

/** One cart's write: the record as it now stands, with what the change records. */
export interface CartWrite {
  record: CartRecord;
  history: CartHistoryRecord[];
  outbox: PendingOutboxRow[];
}

/** A `cart.cart` row as PostgreSQL returns it (columns, not properties). */
type CartRow = Record<string, unknown>;
