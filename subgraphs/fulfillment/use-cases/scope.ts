import type { EntityManager } from '@mikro-orm/postgresql';
import type { Caller } from '../../../platform/auth.js';
import type { CarrierAdapter } from '../carrier/carrier-adapter.js';

/** What a request's use case needs: who is calling and the request's EntityManager fork. */
export interface FulfillmentScope {
  caller: Caller;
  em: EntityManager;
}

/** Process-wide dependencies, wired once in subgraph.ts. */
export interface FulfillmentDeps {
  /** Subject namespace of integration events (config.nats.namespace). */
  eventNamespace: string;
  carrier: CarrierAdapter;
}

/** The message or request a change is made on behalf of, for history rows and event envelopes. */
export interface Cause {
  /** The staff member's id, `carrier:<NAME>`, or `system`. */
  actor: string;
  /** The id of the integration event that caused it; null for requests and carrier reports. */
  causationId: string | null;
  /** Free text for the history where the change itself says nothing (a staff note, a carrier scan's note). */
  note?: string | null;
}

export const SYSTEM_ACTOR = 'system';
export const carrierActor = (carrier: string | null) => (carrier ? `carrier:${carrier}` : 'carrier');
