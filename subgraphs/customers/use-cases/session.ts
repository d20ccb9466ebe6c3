import type { Role } from '../../../platform/auth.js';
import type { CustomerRecord } from '../store/customer.entity.js';

/** A signed-in session as the API returns it (the GraphQL `Session`). */
export interface SessionResult {
  token: string;
  expiresAt: Date;
  role: Role;
  /** Null for guest and staff sessions. */
  customer: CustomerRecord | null;
}
