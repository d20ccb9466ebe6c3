import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createEnvelope, subjectFor, type EventDefinition, type PayloadOf } from '../../events/contract.js';
import { connectBroker } from '../../events/nats.js';
import type { GraphQLResponse, Stack } from '../support/stack.js';

/** Shared by the customers test files: operations, input builders, token and outbox readers. */

export const DEMO_PASSWORD = 'critter-demo-pass';
export const STAFF_PASSWORD = 'critter-staff-dev';
export const PASSWORD = 'correct horse battery';

export const ADDRESS_FIELDS = /* GraphQL */ `
  fragment CustomersTestAddress on Address {
    id
    nickname
    line1
    line2
    city
    region
    postalCode
    country
    isDefault
    verification
  }
`;

export const SESSION_FIELDS = /* GraphQL */ `
  fragment CustomersTestSession on Session {
    token
    expiresAt
    role
    customer {
      id
      email
      firstName
      lastName
    }
  }
`;

export const REGISTER = /* GraphQL */ `
  mutation CustomersTestRegister($input: RegisterCustomerInput!) {
    registerCustomer(input: $input) {
      ...CustomersTestSession
    }
  }
  ${SESSION_FIELDS}
`;

export const LOGIN = /* GraphQL */ `
  mutation CustomersTestLogin($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      ...CustomersTestSession
    }
  }
  ${SESSION_FIELDS}
`;

export const START_GUEST_SESSION = /* GraphQL */ `
  mutation CustomersTestStartGuestSession {
    startGuestSession {
      ...CustomersTestSession
    }
  }
  ${SESSION_FIELDS}
`;

export const ME = /* GraphQL */ `
  query CustomersTestMe {
    me {
      id
      email
      firstName
      lastName
      addresses {
        ...CustomersTestAddress
      }
    }
  }
  ${ADDRESS_FIELDS}
`;

export const CUSTOMER = /* GraphQL */ `
  query CustomersTestCustomer($id: ID!) {
    customer(id: $id) {
      id
      email
      firstName
      lastName
      addresses {
        ...CustomersTestAddress
      }
    }
  }
  ${ADDRESS_FIELDS}
`;

export const ADD_ADDRESS = /* GraphQL */ `
  mutation CustomersTestAddAddress($input: AddressInput!) {
    addAddress(input: $input) {
      ...CustomersTestAddress
    }
  }
  ${ADDRESS_FIELDS}
`;

export const UPDATE_ADDRESS = /* GraphQL */ `
  mutation CustomersTestUpdateAddress($id: ID!, $input: AddressInput!) {
    updateAddress(id: $id, input: $input) {
      ...CustomersTestAddress
    }
  }
  ${ADDRESS_FIELDS}
`;

export const REMOVE_ADDRESS = /* GraphQL */ `
  mutation CustomersTestRemoveAddress($id: ID!) {
    removeAddress(id: $id)
  }
`;

export const SET_DEFAULT_ADDRESS = /* GraphQL */ `
  mutation CustomersTestSetDefaultAddress($id: ID!) {
    setDefaultAddress(id: $id) {
      ...CustomersTestAddress
    }
  }
  ${ADDRESS_FIELDS}
`;

export interface Address {
  id: string;
  nickname: string;
  line1: string;
  line2: string | null;
  city: string;
  region: string;
  postalCode: string;
  country: string;
  isDefault: boolean;
  verification: 'VERIFIED' | 'CORRECTED' | 'UNVERIFIED' | 'INVALID';
}

export interface AddressInput {
  nickname: string;
  line1: string;
  line2?: string | null;
  city: string;
  region: string;
  postalCode: string;
  country: string;
  isDefault?: boolean | null;
}

export interface SessionData {
  token: string;
  expiresAt: string;
  role: string;
  customer: { id: string; email: string; firstName: string; lastName: string } | null;
}

/** An e-mail no other test (or the seed) uses. */
export const uniqueEmail = (prefix = 'shopper'): string => `${prefix}.${randomBytes(5).toString('hex')}@critter.test`;

export const registration = (overrides: Partial<{ email: string; password: string; firstName: string; lastName: string }> = {}) => ({
  email: uniqueEmail(),
  password: PASSWORD,
  firstName: 'Pat',
  lastName: 'Pawson',
  ...overrides,
});

/** A tidy US address the stub verifier answers VERIFIED for. */
export const addressInput = (overrides: Partial<AddressInput> = {}): AddressInput => ({
  nickname: `Home ${randomBytes(3).toString('hex')}`,
  line1: '1 Main Street',
  line2: null,
  city: 'Springfield',
  region: 'IL',
  postalCode: '62701',
  country: 'US',
  ...overrides,
});

export const errorCode = (res: GraphQLResponse): string | undefined => res.errors?.[0]?.extensions?.code as string | undefined;
export const errorFields = (res: GraphQLResponse): string[] => Object.keys((res.errors?.[0]?.extensions?.fields as object | undefined) ?? {}).sort();

/** Registers a new customer through the gateway and returns the session. */
export async function registerCustomer(stack: Stack, overrides: Parameters<typeof registration>[0] = {}): Promise<SessionData & { customer: NonNullable<SessionData['customer']> }> {
  const res = await stack.request(REGISTER, { input: registration(overrides) });
  if (res.errors) throw new Error(`registration failed: ${JSON.stringify(res.errors)}`);
  return res.data.registerCustomer;
}

export async function login(stack: Stack, email: string, password: string): Promise<SessionData> {
  const res = await stack.request(LOGIN, { email, password });
  if (res.errors) throw new Error(`login of ${email} failed: ${JSON.stringify(res.errors)}`);
  return res.data.login;
}

export async function addAddress(stack: Stack, token: string, overrides: Partial<AddressInput> = {}): Promise<Address> {
  const res = await stack.request(ADD_ADDRESS, { input: addressInput(overrides) }, token);
  if (res.errors) throw new Error(`addAddress failed: ${JSON.stringify(res.errors)}`);
  return res.data.addAddress;
}

export async function myAddresses(stack: Stack, token: string): Promise<Address[]> {
  const res = await stack.request(ME, {}, token);
  if (res.errors) throw new Error(`me failed: ${JSON.stringify(res.errors)}`);
  return res.data.me.addresses;
}

/** The claims of a JWT, read without verifying it (the server did that). */
export function jwtClaims(token: string): Record<string, any> {
  const [, payload] = token.split('.');
  return JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8'));
}

export interface OutboxEvent {
  type: string;
  subject: string;
  customerId: string | null;
  payload: Record<string, any>;
  /** The whole envelope as stored (what the relay publishes). */
  envelope: Record<string, any>;
  publishedAt: Date | null;
}

/** Reads the customers context's tables directly: the outbox and the checkout projection. */
export class CustomersDb {
  private readonly client: pg.Client;

  constructor(databaseUrl: string) {
    this.client = new pg.Client({ connectionString: databaseUrl });
  }

  async connect(): Promise<void> {
    await this.client.connect();
  }

  close(): Promise<void> {
    return this.client.end();
  }

  /** Events recorded for one customer, in commit order. */
  async eventsFor(customerId: string, type?: string): Promise<OutboxEvent[]> {
    const { rows } = await this.client.query<{ type: string; subject: string; envelope: Record<string, any>; published_at: Date | null }>(
      `select type, subject, envelope, published_at from customers.outbox
        where envelope->'payload'->>'customerId' = $1 and ($2::text is null or type = $2)
        order by seq`,
      [customerId, type ?? null],
    );
    return rows.map((row) => ({
      type: row.type,
      subject: row.subject,
      customerId: row.envelope.customerId ?? null,
      payload: row.envelope.payload,
      envelope: row.envelope,
      publishedAt: row.published_at,
    }));
  }

  async customerCount(): Promise<number> {
    const { rows } = await this.client.query<{ n: number }>('select count(*)::int as n from customers.customer');
    return rows[0]!.n;
  }

  async outboxCount(): Promise<number> {
    const { rows } = await this.client.query<{ n: number }>('select count(*)::int as n from customers.outbox');
    return rows[0]!.n;
  }

  /** The projection row of one checkout (what orders' events told customers so far). */
  async checkoutHold(checkoutId: string): Promise<{ addressId: string | null; ended: boolean } | null> {
    const { rows } = await this.client.query<{ address_id: string | null; ended_at: Date | null }>(
      'select address_id, ended_at from customers.address_in_use where checkout_id = $1',
      [checkoutId],
    );
    return rows[0] ? { addressId: rows[0].address_id, ended: rows[0].ended_at !== null } : null;
  }
}

/**
 * Publishes an event as its producing context's relay would (envelope validated by the
 * contract, `msgID` = envelope id), for contexts that are not part of the test's stack.
 */
export async function publishEvent<D extends EventDefinition>(stack: Stack, definition: D, payload: PayloadOf<D>, meta: { customerId?: string } = {}): Promise<string> {
  const envelope = createEnvelope(definition, payload, { customerId: meta.customerId ?? null });
  const broker = await connectBroker(stack.env.config.nats, stack.env.log);
  try {
    await broker.js.publish(subjectFor(stack.env.namespace, definition), JSON.stringify(envelope), { msgID: envelope.id });
  } finally {
    await broker.close();
  }
  return envelope.id;
}
