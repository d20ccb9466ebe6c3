/**
 * The position of one status change in an order's history, as clients see it
 * (`OrderUpdated.cursor`, `orderUpdated(after:)`): the order and the change's sequence number
 * (1 = PLACED), in an opaque base64url string. Minted by orders (`Order.statusChanges`) and by the
 * gateway's subscription edge (from `OrderStatusChanged.sequence`); both read it here so the two
 * always agree.
 */
export interface OrderStatusPosition {
  orderId: string;
  sequence: number;
}

const VERSION = 'osc1';

export const encodeOrderStatusCursor = ({ orderId, sequence }: OrderStatusPosition): string =>
  Buffer.from(`${VERSION}:${orderId}:${sequence}`, 'utf8').toString('base64url');

/** Null for anything that is not a cursor minted by encodeOrderStatusCursor. */
export function decodeOrderStatusCursor(cursor: string): OrderStatusPosition | null {
  if (cursor.length > 120) return null;
  const [version, orderId, sequence, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split(':');
  if (version !== VERSION || rest.length || !/^[0-9a-f-]{36}$/i.test(orderId ?? '') || !/^\d{1,9}$/.test(sequence ?? '')) return null;
  return { orderId: orderId.toLowerCase(), sequence: Number(sequence) };
}
