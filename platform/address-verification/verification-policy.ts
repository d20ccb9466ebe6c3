import type { Logger } from '../logger.js';
import type { AddressVerifier, PostalAddress, VerificationOutcome } from './address-verifier.js';

/** What use cases call: never throws, never takes longer than the timeout. */
export interface AddressVerification {
  verify(address: PostalAddress): Promise<VerificationOutcome>;
}

/**
 * SPEC §2 (PO): an address that cannot be verified still saves — the service timing out
 * (`timeoutMs`, 5 s by default) or failing makes it UNVERIFIED instead of failing the request.
 */
export function withVerificationPolicy(verifier: AddressVerifier, options: { timeoutMs: number; log: Logger }): AddressVerification {
  return {
    async verify(address) {
      const controller = new AbortController();
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), options.timeoutMs);
      });
      try {
        const answer = await Promise.race([verifier.verify(address, { signal: controller.signal }), timedOut]);
        if (answer === 'timeout') {
          options.log.warn({ timeoutMs: options.timeoutMs }, 'address verification timed out; saving as UNVERIFIED');
          return { status: 'UNVERIFIED' };
        }
        if (answer.result === 'CORRECTED') return { status: 'CORRECTED', suggestion: answer.suggestion };
        return { status: answer.result };
      } catch (err) {
        options.log.warn({ err }, 'address verification failed; saving as UNVERIFIED');
        return { status: 'UNVERIFIED' };
      } finally {
        clearTimeout(timer);
        // Lets a real adapter cancel its HTTP call; the stub's "never answers" promise settles here.
        controller.abort(new Error('address verification no longer awaited'));
      }
    },
  };
}
