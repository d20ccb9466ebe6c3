import { Kind, parse, type DocumentNode } from 'graphql';
import { LRUCache } from 'lru-cache';

/** The mutation that starts a checkout (turns the cart into one). */
const STARTS_CHECKOUT = 'checkoutCart';

/**
 * The contract's mutations of a shopper who is checking out: from turning the cart into a checkout
 * to placing the order. Under load these go before everything else (admission-control.ts): the
 * shopper is a few steps from paying, and the checkout's completion is what the SLA counts.
 */
export const CHECKOUT_MUTATIONS: ReadonlySet<string> = new Set([
  STARTS_CHECKOUT,
  'setCheckoutShippingAddress',
  'setCheckoutShippingMethod',
  'setCheckoutPaymentMethod',
  'placeOrder',
]);

/** What the admission step can see of a request: the parsed JSON body of a POST, if any. */
interface GraphQLBody {
  query?: unknown;
  operationName?: unknown;
}

/** A checkout's first step (checkoutCart), or one of the steps after it. */
export type CheckoutStep = 'first' | 'later';

/** A document's operations by name ('' for an anonymous one): the checkout step each is, if any. */
type Verdicts = Map<string, CheckoutStep | undefined>;

/**
 * Tells whether an HTTP GraphQL request is a checkout step — a mutation that selects one of
 * CHECKOUT_MUTATIONS at its top level — and whether it is the checkout's first. Decided before
 * Apollo has parsed the request, so the verdict of each document text is remembered (clients send
 * the same few documents over and over: a parse per new text, a lookup after). Anything it cannot tell — a GET, a persisted query's hash
 * without its text, a document that does not parse, an unknown operation name — is no checkout
 * step, and Apollo answers the mistakes as it would have.
 */
export class CheckoutSteps {
  /** Bounded by the texts' total length: a client sending ever new documents only evicts. */
  private readonly verdicts = new LRUCache<string, Verdicts>({ maxSize: 2_000_000, sizeCalculation: (_, text) => text.length || 1 });

  stepOf(body: unknown): CheckoutStep | undefined {
    if (typeof body !== 'object' || body === null) return undefined;
    const { query, operationName } = body as GraphQLBody;
    if (typeof query !== 'string') return undefined;
    let verdicts = this.verdicts.get(query);
    if (!verdicts) {
      verdicts = verdictsOf(query);
      this.verdicts.set(query, verdicts);
    }
    if (typeof operationName === 'string' && operationName !== '') return verdicts.get(operationName);
    // without a name the document must hold exactly one operation (else Apollo refuses it)
    return verdicts.size === 1 ? verdicts.values().next().value : undefined;
  }
}

function verdictsOf(query: string): Verdicts {
  let document: DocumentNode;
  try {
    document = parse(query, { noLocation: true });
  } catch {
    return new Map();
  }
  const verdicts: Verdicts = new Map();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const fields = definition.operation === 'mutation' ? definition.selectionSet.selections.flatMap((field) => (field.kind === Kind.FIELD ? [field.name.value] : [])) : [];
    const step = fields.includes(STARTS_CHECKOUT) ? 'first' : fields.some((name) => CHECKOUT_MUTATIONS.has(name)) ? 'later' : undefined;
    verdicts.set(definition.name?.value ?? '', step);
  }
  return verdicts;
}
