import type { Money } from './money.js';
import type { ProductOffer } from './cart.js';
import type { StockLevel } from './availability.js';

/**
 * The cart's local projections of catalog products and inventory stock, built from their
 * integration events so adding an item needs no synchronous call. Each event type has its own
 * durable consumer, so events about one SKU can arrive out of order (a price change before the
 * creation it follows). Every group of facts therefore carries the version of the event that
 * set it, and an older event never overwrites a newer fact.
 */

/** Orders events by occurrence, then by id (UUIDv7: time-ordered) when two share a millisecond. */
export type EventVersion = string;

export function eventVersion(occurredAt: string, eventId: string): EventVersion {
  return `${new Date(occurredAt).toISOString()}#${eventId}`;
}

export const isNewer = (candidate: EventVersion, current: EventVersion | null): boolean => current === null || candidate > current;

export interface ProductProjection extends ProductOffer {
  detailsVersion: EventVersion | null;
  priceVersion: EventVersion | null;
  statusVersion: EventVersion | null;
}

/** What one catalog event says about a product; absent facts are left as they are. */
export interface ProductFacts {
  name?: string;
  price?: Money;
  status?: string;
}

export const emptyProductProjection = (sku: string): ProductProjection => ({
  sku,
  name: null,
  price: null,
  status: null,
  detailsVersion: null,
  priceVersion: null,
  statusVersion: null,
});

export function applyProductFacts(current: ProductProjection, facts: ProductFacts, version: EventVersion): ProductProjection {
  const next = { ...current };
  if (facts.name !== undefined && isNewer(version, current.detailsVersion)) {
    next.name = facts.name;
    next.detailsVersion = version;
  }
  if (facts.price !== undefined && isNewer(version, current.priceVersion)) {
    next.price = { ...facts.price };
    next.priceVersion = version;
  }
  if (facts.status !== undefined && isNewer(version, current.statusVersion)) {
    next.status = facts.status;
    next.statusVersion = version;
  }
  return next;
}

/** A SKU's stock level and the version of the announcement it came from; a newer version wins (the store's upsert applies it). */
export interface StockProjection extends StockLevel {
  sku: string;
  version: EventVersion;
}

