/**
 * Opaque page cursors of the coupon listing (by code): the last code on a page. Anything we did
 * not encode decodes to null.
 */
const VERSION = 1;

export const encodeCursor = (code: string): string => Buffer.from(JSON.stringify([VERSION, code]), 'utf8').toString('base64url');

export function decodeCursor(cursor: string): string | null {
  if (cursor.length > 200 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  try {
    const tuple: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(tuple) && tuple.length === 2 && tuple[0] === VERSION && typeof tuple[1] === 'string' && tuple[1].length <= 64) return tuple[1];
  } catch {
    // not ours
  }
  return null;
}
