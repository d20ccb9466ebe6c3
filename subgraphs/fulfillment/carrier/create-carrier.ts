import type { Config } from '../../../platform/config.js';
import type { Logger } from '../../../platform/logger.js';
import type { OutboundClients } from '../../../platform/outbound/outbound-clients.js';
import type { CarrierAdapter } from './carrier-adapter.js';
import { EasyPostCarrier, easyPostPolicy } from './easypost-carrier.js';
import { StubCarrier } from './stub-carrier.js';

/**
 * The carrier adapter the configuration names (CARRIER_ADAPTER). Production has no default: the
 * stub books no parcel with anyone, so fulfillment refuses to start unless the choice was made
 * (`easypost`, or `stub` on purpose — logged), as payments does for its provider.
 */
export function createCarrierAdapter(runtime: { config: Pick<Config, 'env' | 'carrier'>; outbound: OutboundClients; log: Logger }): CarrierAdapter {
  const { config, outbound, log } = runtime;
  switch (config.carrier.adapter) {
    case 'stub':
      if (config.env === 'production') log.warn('CARRIER_ADAPTER=stub in production: labels are not booked with any carrier');
      return new StubCarrier();
    case 'easypost': {
      const { apiKey, apiBase, fromAddress } = config.carrier.easypost;
      if (!apiKey || !fromAddress) throw new Error('EASYPOST_API_KEY and EASYPOST_FROM_ADDRESS are required when CARRIER_ADAPTER=easypost');
      return new EasyPostCarrier({ apiKey, apiBase, fromAddress, timeoutMs: config.carrier.timeoutMs, policy: easyPostPolicy(outbound, config.carrier.timeoutMs) });
    }
    case null:
      throw new Error('CARRIER_ADAPTER must be set in production (easypost, or stub for a store that books its labels elsewhere)');
  }
}
