import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { OutboundClients } from '../outbound/outbound-clients.js';
import type { AddressVerifier } from './address-verifier.js';
import { SmartyAddressVerifier, smartyPolicy } from './smarty-address-verifier.js';
import { createStubAddressVerifier } from './stub-address-verifier.js';
import { withVerificationPolicy, type AddressVerification } from './verification-policy.js';

/**
 * The address service the configuration names (ADDRESS_VERIFIER), under the verification policy
 * (5 s, failures → UNVERIFIED). Customers and orders both take addresses and both call this.
 * Production has no default: the stub would call every tidy address VERIFIED, so the process
 * refuses to start unless the choice was made (`smarty`, or `stub` on purpose — logged).
 */
export function createAddressVerification(runtime: { config: Pick<Config, 'env' | 'addressVerification' | 'addressVerifier'>; outbound: OutboundClients; log: Logger }): AddressVerification {
  const { config, outbound, log } = runtime;
  const { timeoutMs } = config.addressVerification;
  let verifier: AddressVerifier;
  switch (config.addressVerifier.kind) {
    case 'stub':
      if (config.env === 'production') log.warn('ADDRESS_VERIFIER=stub in production: addresses are not really verified');
      verifier = createStubAddressVerifier();
      break;
    case 'smarty': {
      const { authId, authToken, apiBase } = config.addressVerifier.smarty;
      if (!authId || !authToken) throw new Error('SMARTY_AUTH_ID and SMARTY_AUTH_TOKEN are required when ADDRESS_VERIFIER=smarty');
      verifier = new SmartyAddressVerifier({ authId, authToken, apiBase, timeoutMs, policy: smartyPolicy(outbound, timeoutMs) });
      break;
    }
    case null:
      throw new Error('ADDRESS_VERIFIER must be set in production (smarty, or stub to take addresses unverified)');
  }
  return withVerificationPolicy(verifier, { timeoutMs, log: log.child({ component: 'address-verification' }) });
}
