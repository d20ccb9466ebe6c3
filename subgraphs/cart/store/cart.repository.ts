import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { v7 as uuidv7 } from 'uuid';
import type { OwnerKind } from '../domain/cart.js';
import { CartEntity, type CartRecord } from './cart.entity.js';
import { CartHistoryEntity, type CartHistoryRecord } from './cart-history.entity.js';

/** Whose cart: a guest id or a customer id (a token's subject). */
export interface CartOwner {
  kind: OwnerKind;
  id: string;
}

/** How often to retry when the owner's ACTIVE cart closes between finding and locking it. */
const ACTIVE_CART_ATTEMPTS = 3;

/** Carts in `cart.cart` and their history. Locking reads must run inside a transaction. */
export class CartRepository {
  constructor(private readonly em: EntityManager) {}

  private get table(): string {
    return `"${this.em.config.get('schema')}".cart`;
  }

  /** The owner's cart with this id, any status; someone else's cart is never loaded. */
  findOwned(id: string, owner: CartOwner): Promise<CartRecord | null> {
    return this.em.findOne(CartEntity, { id, ownerKind: owner.kind, ownerId: owner.id });
  }

  findOwnedForUpdate(id: string, owner: CartOwner): Promise<CartRecord | null> {
    return this.em.findOne(CartEntity, { id, ownerKind: owner.kind, ownerId: owner.id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  }

  findActive(owner: CartOwner): Promise<CartRecord | null> {
    return this.em.findOne(CartEntity, { ownerKind: owner.kind, ownerId: owner.id, status: 'ACTIVE' });
  }

  findActiveForUpdate(owner: CartOwner): Promise<CartRecord | null> {
    return this.em.findOne(CartEntity, { ownerKind: owner.kind, ownerId: owner.id, status: 'ACTIVE' }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  }

  /**
   * The owner's ACTIVE cart, created when there is none. Concurrent calls meet on the partial
   * unique index: the loser's insert does nothing and it reads the winner's cart.
   */
  async ensureActive(owner: CartOwner, options: { lock?: boolean } = {}): Promise<CartRecord> {
    for (let attempt = 1; ; attempt++) {
      await this.em.execute(
        `insert into ${this.table} (id, owner_kind, owner_id) values (?, ?, ?)
         on conflict (owner_kind, owner_id) where status = 'ACTIVE' do nothing`,
        [uuidv7(), owner.kind, owner.id],
        'run',
      );
      const cart = options.lock ? await this.findActiveForUpdate(owner) : await this.em.findOne(CartEntity, { ownerKind: owner.kind, ownerId: owner.id, status: 'ACTIVE' }, { refresh: true });
      if (cart) return cart;
      // checked out or abandoned in between: the next insert creates a fresh one
      if (attempt >= ACTIVE_CART_ATTEMPTS) throw new Error(`could not obtain an active cart for ${owner.kind} ${owner.id}`);
    }
  }

  /**
   * Claims up to `limit` ACTIVE guest carts unchanged for `ttlMs` by the database clock. Rows
   * another sweeper (a replica) holds are skipped, not waited for.
   */
  async claimExpiredGuestCarts(ttlMs: number, limit: number): Promise<CartRecord[]> {
    const rows = await this.em.execute<{ id: string }[]>(
      `select id from ${this.table}
        where status = 'ACTIVE' and owner_kind = 'GUEST' and updated_at <= now() - make_interval(secs => ? / 1000.0)
        order by updated_at
        limit ?
        for update skip locked`,
      [ttlMs, limit],
    );
    if (!rows.length) return [];
    return this.em.find(CartEntity, { id: { $in: rows.map((r) => r.id) } }, { refresh: true });
  }

  addHistory(entry: CartHistoryRecord): void {
    this.em.create(CartHistoryEntity, entry);
  }
}
