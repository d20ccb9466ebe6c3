/**
 * Opaque page cursors of listings ordered by UUIDv7 id (id order is creation order): the id of
 * the last row on a page (fulfillment's shipments, returns). Anything we did not encode decodes to null.
 */
const VERSION = 1;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeCursor(id: string): string {
  return Buffer.from(JSON.stringify([VERSION, id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string | null {
  if (cursor.length > 200 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  try {
    const tuple: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(tuple) && tuple.length === 2 && tuple[0] === VERSION && typeof tuple[1] === 'string' && UUID.test(tuple[1])) return tuple[1];
  } catch {
    // not ours
  }
  return null;
}
