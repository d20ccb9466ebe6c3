/**
 * Opaque page cursors for order listings: the keyset position (placedAt, id) of the last order
 * on a page, newest first. Anything we did not encode decodes to null (→ BAD_USER_INPUT).
 */
export interface OrderPosition {
  placedAt: Date;
  id: string;
}

const VERSION = 1;

export function encodeCursor(position: OrderPosition): string {
  return Buffer.from(JSON.stringify([VERSION, position.placedAt.toISOString(), position.id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): OrderPosition | null {
  if (cursor.length > 512 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  let tuple: unknown;
  try {
    tuple = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(tuple) || tuple.length !== 3 || tuple[0] !== VERSION || typeof tuple[1] !== 'string' || typeof tuple[2] !== 'string') return null;
  const placedAt = new Date(tuple[1]);
  if (Number.isNaN(placedAt.getTime()) || !/^[0-9a-f-]{36}$/i.test(tuple[2])) return null;
  return { placedAt, id: tuple[2] };
}

/** Page sizes: 1–100, 20 by default (the contract's default). */
export const MAX_PAGE_SIZE = 100;
