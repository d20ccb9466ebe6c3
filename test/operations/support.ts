import { streamFor } from '../../events/contract.js';
import { connectBroker } from '../../events/nats.js';
import { eventually } from '../support/config.js';
import type { GraphQLResponse, Stack } from '../support/stack.js';

export const ALERTS = /* GraphQL */ `
  query OperationsAlerts($status: AlertStatus, $kind: AlertKind, $first: Int, $after: String) {
    alerts(status: $status, kind: $kind, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        kind
        status
        summary
        subject
        sku
        raisedAt
        acknowledgedAt
        acknowledgedBy
        resolvedAt
        resolvedBy
        resolution
        escalatedAt
        order {
          id
        }
      }
    }
  }
`;

export const ACKNOWLEDGE = /* GraphQL */ `
  mutation OperationsAcknowledge($id: ID!) {
    acknowledgeAlert(id: $id) {
      id
      status
      acknowledgedAt
      acknowledgedBy
    }
  }
`;

export const RESOLVE = /* GraphQL */ `
  mutation OperationsResolve($id: ID!, $note: String) {
    resolveAlert(id: $id, note: $note) {
      id
      status
      resolvedAt
      resolvedBy
      resolution
    }
  }
`;

export const ALERT_RAISED = /* GraphQL */ `
  subscription OperationsAlertRaised {
    alertRaised {
      id
      kind
      status
      summary
      subject
      sku
      order {
        id
        status
      }
    }
  }
`;

export interface AlertView {
  id: string;
  kind: string;
  status: string;
  summary: string;
  subject: string;
  sku: string | null;
  raisedAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
  resolution: string | null;
  escalatedAt: string | null;
  order: { id: string } | null;
}

export const errorCode = (res: GraphQLResponse): string | undefined => res.errors?.[0]?.extensions?.code as string | undefined;

export function ok<T = any>(res: GraphQLResponse<T>): T {
  if (res.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors)}`);
  return res.data as T;
}

/** Every alert (any status) about `subject`, newest first. */
export async function alertsAbout(stack: Stack, staffToken: string, subject: string): Promise<AlertView[]> {
  const { alerts } = ok(await stack.request(ALERTS, { first: 100 }, staffToken));
  return (alerts.nodes as AlertView[]).filter((a) => a.subject === subject);
}

/** Waits until an alert about `subject` satisfies `probe`. */
export function alertWhen(stack: Stack, staffToken: string, subject: string, probe: (alert: AlertView) => boolean, what: string, timeoutMs = 20_000): Promise<AlertView> {
  return eventually(async () => (await alertsAbout(stack, staffToken, subject)).find(probe), { what, timeoutMs });
}

/**
 * Resolves once the consumer `handlerName` of `consumingContext` on `producer`'s stream has handled
 * everything published so far: for events whose effect is that nothing changes.
 */
export async function handlerIdle(stack: Stack, producer: string, consumingContext: string, handlerName: string): Promise<void> {
  const broker = await connectBroker(stack.env.config.nats, stack.env.log);
  try {
    await eventually(
      async () => {
        const info = await broker.jsm.consumers.info(streamFor(stack.env.namespace, producer).name, `${consumingContext}-${handlerName}`);
        return info.num_pending === 0 && info.num_ack_pending === 0 && info.delivered.stream_seq > 0;
      },
      { what: `${consumingContext}'s ${handlerName} to catch up` },
    );
  } finally {
    await broker.close();
  }
}
