import { z } from 'zod';
import { v7 as uuidv7 } from 'uuid';

/**
 * Integration events are data definitions: a context, a type, a version and a payload schema.
 * Payloads are validated when recorded in the outbox and again when a consumer receives them.
 */
export interface EventDefinition<TType extends string = string, TPayload = unknown> {
  /** The producing bounded context; its stream carries the event. */
  readonly context: string;
  /** PascalCase, `<Noun><PastTense>`, e.g. `ProductPriceChanged`. */
  readonly type: TType;
  readonly version: number;
  readonly schema: z.ZodType<TPayload>;
}

export type PayloadOf<D> = D extends EventDefinition<string, infer P> ? P : never;

export function defineEvent<TType extends string, TSchema extends z.ZodType>(definition: {
  context: string;
  type: TType;
  version: number;
  schema: TSchema;
}): EventDefinition<TType, z.output<TSchema>> {
  return Object.freeze(definition) as EventDefinition<TType, z.output<TSchema>>;
}

/** What travels on the wire: the payload plus the metadata every consumer may rely on. */
export const envelopeSchema = z.object({
  id: z.string().uuid(),
  type: z.string(),
  version: z.number().int().positive(),
  occurredAt: z.string().datetime({ offset: true }),
  /** The business flow this belongs to, e.g. the order id for everything in an order saga. */
  correlationId: z.string().nullable(),
  /** The id of the message that caused this one. */
  causationId: z.string().nullable(),
  customerId: z.string().nullable(),
  payload: z.unknown(),
});
export type Envelope<TPayload = unknown> = Omit<z.infer<typeof envelopeSchema>, 'payload'> & { payload: TPayload };

export interface EventMetadata {
  correlationId?: string | null;
  causationId?: string | null;
  customerId?: string | null;
}

export function createEnvelope<D extends EventDefinition>(definition: D, payload: PayloadOf<D>, meta: EventMetadata = {}): Envelope<PayloadOf<D>> {
  const parsed = definition.schema.parse(payload) as PayloadOf<D>;
  return {
    id: uuidv7(),
    type: definition.type,
    version: definition.version,
    occurredAt: new Date().toISOString(),
    correlationId: meta.correlationId ?? null,
    causationId: meta.causationId ?? null,
    customerId: meta.customerId ?? null,
    payload: parsed,
  };
}

const kebabs = new Map<string, string>();
/** `ProductPriceChanged` → `product-price-changed`; once per event type (every outbox row names one). */
function kebab(type: string): string {
  let token = kebabs.get(type);
  if (token === undefined) kebabs.set(type, (token = type.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()));
  return token;
}

/** `cs.catalog.product-price-changed.v1` */
export function subjectFor(namespace: string, definition: Pick<EventDefinition, 'context' | 'type' | 'version'>): string {
  return `${namespace}.${definition.context}.${kebab(definition.type)}.v${definition.version}`;
}

/** One stream per producing context: `CS_CATALOG` over `cs.catalog.>`. */
export function streamFor(namespace: string, context: string): { name: string; subjects: string[] } {
  return { name: `${namespace}_${context}`.toUpperCase(), subjects: [`${namespace}.${context}.>`] };
}
