import { dispatchShipment, type DispatchInput } from './dispatch-shipment.js';
import { listShipments, readShipment, visibleOrderShipments, type ShipmentListArgs } from './read-shipments.js';
import { recordDeliveryAttempt, type DeliveryAttemptInput } from './record-delivery-attempt.js';
import type { FulfillmentDeps, FulfillmentScope } from './scope.js';

export type { FulfillmentDeps, FulfillmentScope } from './scope.js';

/** The request-facing use cases with their process-wide dependencies bound (wired in subgraph.ts). */
export function createFulfillmentUseCases(deps: FulfillmentDeps) {
  return {
    dispatchShipment: (scope: FulfillmentScope, input: DispatchInput) => dispatchShipment(deps, scope, input),
    recordDeliveryAttempt: (scope: FulfillmentScope, input: DeliveryAttemptInput) => recordDeliveryAttempt(deps, scope, input),
    readShipment,
    listShipments: (scope: FulfillmentScope, args: ShipmentListArgs) => listShipments(scope, args),
    visibleOrderShipments,
  };
}

export type FulfillmentUseCases = ReturnType<typeof createFulfillmentUseCases>;
