import type { EntityManager } from '@mikro-orm/postgresql';
import { requireSignedIn, requireStaff, type Caller } from '../../../platform/auth.js';
import { forbidden } from '../../../platform/errors.js';
import { decodeCursor, encodeCursor } from '../../../platform/id-cursor.js';
import type { ShipmentStatus } from '../domain/shipment-lifecycle.js';
import type { ShipmentHistoryRecord } from '../store/shipment-history.entity.js';
import type { ShipmentRecord } from '../store/shipment.entity.js';
import { ShipmentRepository } from '../store/shipment.repository.js';
import { invalidInput, isUuid, type FieldErrors } from './input.js';
import type { FulfillmentScope } from './scope.js';

export interface ShipmentPage {
  nodes: ShipmentRecord[];
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export interface ShipmentListArgs {
  status?: ShipmentStatus | null;
  warehouseId?: string | null;
  first?: number | null;
  after?: string | null;
}

export const PAGE_MAX = 100;

/** The order's customer and staff read a shipment; nobody else. */
const canRead = (caller: Caller, shipment: ShipmentRecord): boolean =>
  caller.kind === 'staff' || (caller.kind === 'customer' && caller.subject === shipment.customerId);

/** `shipment(id)`: signed in; null for an unknown id and for someone else's shipment alike, so existence never leaks. */
export async function readShipment(scope: FulfillmentScope, id: string): Promise<ShipmentRecord | null> {
  requireSignedIn(scope.caller);
  if (!isUuid(id)) return null;
  const shipment = await new ShipmentRepository(scope.em).findById(id);
  return shipment && canRead(scope.caller, shipment) ? shipment : null;
}

/**
 * `Order.shipments`: the order's customer or staff (ownership from the customer the shipment was
 * requested for). Someone else → FORBIDDEN; an order without shipments has nothing to protect.
 */
export function visibleOrderShipments(caller: Caller, shipments: ShipmentRecord[]): ShipmentRecord[] {
  requireSignedIn(caller);
  if (shipments.some((shipment) => !canRead(caller, shipment))) throw forbidden("Only the order's customer and staff can see its shipments");
  return shipments;
}

/** WAREHOUSE, CUSTOMER_SERVICE or ADMIN: shipments oldest first, e.g. a warehouse's ASSIGNED ones to pick. */
export async function listShipments(scope: FulfillmentScope, args: ShipmentListArgs): Promise<ShipmentPage> {
  requireStaff(scope.caller, 'WAREHOUSE', 'CUSTOMER_SERVICE');
  const errors: FieldErrors = {};
  const first = args.first ?? 20;
  if (!Number.isInteger(first) || first < 1 || first > PAGE_MAX) errors.first = `must be between 1 and ${PAGE_MAX}`;
  const afterId = args.after != null ? decodeCursor(args.after) : null;
  if (args.after != null && !afterId) errors.after = 'is not a cursor of this listing';
  if (Object.keys(errors).length) throw invalidInput(errors);

  const { rows, totalCount } = await new ShipmentRepository(scope.em).page(
    { status: args.status ?? null, warehouseId: args.warehouseId?.trim().toUpperCase() || null },
    afterId,
    first,
  );
  const nodes = rows.slice(0, first);
  const hasNextPage = rows.length > first;
  return { nodes, totalCount, pageInfo: { hasNextPage, endCursor: nodes.length ? encodeCursor(nodes[nodes.length - 1]!.id) : null } };
}

/** Batch for the per-request loader: each order's shipments (oldest first). */
export async function shipmentsOfOrders(em: EntityManager, orderIds: readonly string[]): Promise<ShipmentRecord[][]> {
  const ids = orderIds.filter(isUuid);
  const rows = ids.length ? await new ShipmentRepository(em).findByOrders(ids) : [];
  return orderIds.map((orderId) => rows.filter((row) => row.orderId === orderId));
}

/** Batch for the per-request loader: each shipment's history, oldest first. */
export async function historyOfShipments(em: EntityManager, shipmentIds: readonly string[]): Promise<ShipmentHistoryRecord[][]> {
  const rows = await new ShipmentRepository(em).historyOf(shipmentIds);
  return shipmentIds.map((id) => rows.filter((row) => row.shipmentId === id));
}
