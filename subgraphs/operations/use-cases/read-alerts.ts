import { requireStaff } from '../../../platform/auth.js';
import type { AlertKind, AlertStatus } from '../domain/alert-lifecycle.js';
import type { AlertRecord } from '../store/alert.entity.js';
import { AlertRepository } from '../store/alert.repository.js';
import { checkFirst, decodeCursor, encodeCursor, invalidInput, isUuid, type FieldErrors } from './input.js';
import { ALERT_ROLES, type OperationsScope } from './scope.js';

export interface AlertPage {
  nodes: AlertRecord[];
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export interface AlertListArgs {
  status?: AlertStatus | null;
  kind?: AlertKind | null;
  first?: number | null;
  after?: string | null;
}

/** `alert(id)`: staff; null for an unknown id. */
export async function readAlert(scope: OperationsScope, id: string): Promise<AlertRecord | null> {
  requireStaff(scope.caller, ...ALERT_ROLES);
  return isUuid(id) ? new AlertRepository(scope.em).findById(id) : null;
}

/** `alerts`: staff; newest first, filtered by status and kind. */
export async function listAlerts(scope: OperationsScope, args: AlertListArgs): Promise<AlertPage> {
  requireStaff(scope.caller, ...ALERT_ROLES);
  const errors: FieldErrors = {};
  const first = checkFirst(args.first, errors);
  const cursor = args.after != null ? decodeCursor(args.after) : null;
  const afterId = cursor && cursor.length === 2 && cursor[0] === 'alert' && typeof cursor[1] === 'string' && isUuid(cursor[1]) ? cursor[1] : null;
  if (args.after != null && !afterId) errors.after = 'is not a cursor of this listing';
  if (Object.keys(errors).length) throw invalidInput(errors);

  const { rows, totalCount } = await new AlertRepository(scope.em).page({ status: args.status ?? null, kind: args.kind ?? null }, afterId, first);
  const nodes = rows.slice(0, first);
  const last = nodes[nodes.length - 1];
  return { nodes, totalCount, pageInfo: { hasNextPage: rows.length > first, endCursor: last ? encodeCursor(['alert', last.id]) : null } };
}
