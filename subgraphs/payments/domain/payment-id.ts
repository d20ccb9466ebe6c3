import { v5 as uuidv5 } from 'uuid';

/** Fixed namespace of payment ids (a random UUID chosen once; never change it). */
const PAYMENT_ID_NAMESPACE = '6f1d4b1e-3c2a-4e7b-9a55-0c8e2f7d9b31';

/**
 * A payment's id is derived from its order's id (UUIDv5), not minted at random (UUIDv7), because
 * the provider's idempotency keys derive from it: if the transaction that authorized rolls back
 * after the provider said yes (a crash, a lost connection), the redelivered request must present
 * the same key, so the provider answers with the first hold instead of placing a second one.
 * One payment per order makes the order id a natural key.
 */
export const paymentIdFor = (orderId: string): string => uuidv5(orderId.toLowerCase(), PAYMENT_ID_NAMESPACE);
