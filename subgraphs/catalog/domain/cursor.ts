/**
 * Opaque page cursors: the keyset position of the last product on a page, in the ordering the
 * page was listed with. Listing order is (name, sku); search order is (rank desc, sku).
 * Clients must not build them; anything we did not encode decodes to null (→ BAD_USER_INPUT).
 */

export type ListingPosition = { order: 'name'; name: string; sku: string };
export type SearchPosition = { order: 'rank'; rank: number; sku: string };
export type PagePosition = ListingPosition | SearchPosition;

const VERSION = 1;

export function encodeCursor(position: PagePosition): string {
  const tuple = position.order === 'name' ? [VERSION, 'n', position.name, position.sku] : [VERSION, 'r', position.rank, position.sku];
  return Buffer.from(JSON.stringify(tuple), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): PagePosition | null {
  if (cursor.length > 1024 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  let tuple: unknown;
  try {
    tuple = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(tuple) || tuple.length !== 4 || tuple[0] !== VERSION || typeof tuple[3] !== 'string') return null;
  const [, order, key, sku] = tuple as [number, unknown, unknown, string];
  if (order === 'n' && typeof key === 'string') return { order: 'name', name: key, sku };
  if (order === 'r' && typeof key === 'number' && Number.isFinite(key)) return { order: 'rank', rank: key, sku };
  return null;
}
