import type { Caller } from '../platform/auth.js';

/** Per operation at the gateway: the verified caller and the raw header to forward. */
export interface GatewayContext {
  caller: Caller;
  /** `Bearer …` exactly as received, forwarded only after it verified. */
  authorization?: string;
  requestId: string;
  /** Who the rate limiter counts: the token subject, else the client address. */
  clientKey: string;
  /** The client's address (proxies trusted as TRUST_PROXY_HOPS says); per-address budgets count it. */
  clientAddress: string;
}
