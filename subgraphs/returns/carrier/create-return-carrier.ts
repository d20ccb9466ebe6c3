import type { SubgraphRuntime } from '../../../platform/subgraph-runtime.js';
import type { CarrierAdapter } from '../../fulfillment/carrier/carrier-adapter.js';
import { createCarrierAdapter } from '../../fulfillment/carrier/create-carrier.js';
import type { ReturnCarrierAdapter } from './return-carrier.js';
import { StubReturnCarrier } from './stub-return-carrier.js';

/**
 * The return carrier the configuration names, by the one selection fulfillment uses
 * (CARRIER_ADAPTER, createCarrierAdapter): with `easypost` a return's prepaid label is bought from
 * EasyPost (is_return) by the same adapter that buys the outbound labels; with `stub`, returns'
 * own stub. Production without a choice refuses to start, as fulfillment does.
 */
export function createReturnCarrier(runtime: Pick<SubgraphRuntime, 'config' | 'outbound' | 'log'>): ReturnCarrierAdapter {
  if (runtime.config.carrier.adapter === 'stub') return new StubReturnCarrier();
  return returnLabelsOf(createCarrierAdapter(runtime));
}

/** The shared carrier adapter seen through returns' port. */
export function returnLabelsOf(carrier: CarrierAdapter): ReturnCarrierAdapter {
  return {
    async createReturnLabel(request) {
      // the order's delivery address is where the parcel starts: a carrier cannot book without it
      if (!request.fromAddress) throw new Error(`return ${request.returnId}: the order's shipping address is not known yet, no label can be booked`);
      const label = await carrier.createReturnLabel({
        returnId: request.returnId,
        orderId: request.orderId,
        warehouseId: request.warehouseId,
        customerAddress: request.fromAddress,
        carrier: null,
      });
      return { carrier: label.carrier, trackingNumber: label.trackingNumber, labelUrl: label.labelUrl };
    },
  };
}
