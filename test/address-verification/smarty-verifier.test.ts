import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import type { PostalAddress } from '../../platform/address-verification/address-verifier.js';
import { createAddressVerification } from '../../platform/address-verification/create-address-verification.js';
import { SmartyAddressVerifier, smartyPolicy } from '../../platform/address-verification/smarty-address-verifier.js';
import { withVerificationPolicy } from '../../platform/address-verification/verification-policy.js';
import { loadConfig } from '../../platform/config.js';
import { OutboundClients } from '../../platform/outbound/outbound-clients.js';
import { FakeSmarty, smartyCandidate } from '../support/fake-smarty.js';

/**
 * The SmartyStreets US Street adapter against a local fake of the API
 * (https://www.smarty.com/docs/cloud/us-street-api: request fields, `auth-id`/`auth-token`,
 * candidates with `components` and `analysis.dpv_match_code`, `[]` for no match).
 */

const log = pino({ level: 'silent' });
let smarty: FakeSmarty;

beforeAll(async () => {
  smarty = await FakeSmarty.start();
  smarty.know('1 Santa Claus Ln', [smartyCandidate({ primaryNumber: '1', streetName: 'Santa Claus', streetSuffix: 'Ln', city: 'North Pole', state: 'AK', zip: '99705', plus4: '9901', dpv: 'Y' })]);
  smarty.know('1 santa claus lane', [smartyCandidate({ primaryNumber: '1', streetName: 'Santa Claus', streetSuffix: 'Ln', city: 'North Pole', state: 'AK', zip: '99705', plus4: '9901', dpv: 'Y' })]);
  smarty.know('22 Elm St', [smartyCandidate({ primaryNumber: '22', streetName: 'Elm', streetSuffix: 'St', city: 'Springfield', state: 'IL', zip: '62701', plus4: '1234', dpv: 'S' })]);
  smarty.know('300 Tower Ave', [smartyCandidate({ primaryNumber: '300', streetName: 'Tower', streetSuffix: 'Ave', city: 'Chicago', state: 'IL', zip: '60601', plus4: '0001', dpv: 'D' })]);
  smarty.know('99 Nowhere Rd', [smartyCandidate({ primaryNumber: '99', streetName: 'Nowhere', streetSuffix: 'Rd', city: 'Nome', state: 'AK', zip: '99762', plus4: '0000', dpv: 'N' })]);
});
afterAll(async () => {
  await smarty?.stop();
});
beforeEach(() => {
  smarty.recover();
  smarty.requests.length = 0;
});

const santa: PostalAddress = { line1: '1 Santa Claus Ln', line2: null, city: 'North Pole', region: 'AK', postalCode: '99705', country: 'US' };

function verifier(options: { timeoutMs?: number; breakerFailures?: number; authToken?: string } = {}) {
  const outbound = new OutboundClients({ ...loadConfig({}).outbound, retryDelayMs: 5, breakerFailures: options.breakerFailures ?? 100, breakerHalfOpenMs: 1_000 });
  const timeoutMs = options.timeoutMs ?? 2_000;
  const adapter = new SmartyAddressVerifier({ authId: smarty.authId, authToken: options.authToken ?? smarty.authToken, apiBase: smarty.url, timeoutMs, policy: smartyPolicy(outbound, timeoutMs) });
  return { outbound, verification: withVerificationPolicy(adapter, { timeoutMs, log }) };
}

describe('the Smarty address verifier', () => {
  it('looks the address up with GET /street-address, credentials in the query, strict matching, one candidate', async () => {
    const { verification } = verifier();
    await verification.verify({ ...santa, line2: 'Suite 5' });
    expect(smarty.requests).toHaveLength(1);
    expect(Object.fromEntries(smarty.requests[0]!)).toMatchObject({
      'auth-id': 'fake-auth-id',
      'auth-token': 'fake-auth-token',
      street: '1 Santa Claus Ln',
      secondary: 'Suite 5',
      city: 'North Pole',
      state: 'AK',
      zipcode: '99705',
      candidates: '1',
      match: 'strict',
    });
  });

  it('answers VERIFIED when the standardized address is the one entered (a 5-digit ZIP matches its ZIP+4)', async () => {
    expect(await verifier().verification.verify(santa)).toEqual({ status: 'VERIFIED' });
  });

  it("answers CORRECTED with Smarty's standardized address when it differs", async () => {
    const entered = { ...santa, line1: '1 santa claus lane', city: 'north pole', region: 'ak' };
    expect(await verifier().verification.verify(entered)).toEqual({
      status: 'CORRECTED',
      suggestion: { line1: '1 Santa Claus Ln', line2: null, city: 'North Pole', region: 'AK', postalCode: '99705-9901', country: 'US' },
    });
  });

  it("answers CORRECTED for DPV S (secondary not recognised), keeping the customer's line 2", async () => {
    const entered: PostalAddress = { line1: '22 Elm St', line2: 'Apt 99', city: 'Springfield', region: 'IL', postalCode: '62701', country: 'US' };
    expect(await verifier().verification.verify(entered)).toEqual({ status: 'CORRECTED', suggestion: { ...entered, postalCode: '62701-1234' } });
  });

  it('answers UNVERIFIED for DPV D (the building needs an apartment or suite number): a warning, not a refusal', async () => {
    expect(await verifier().verification.verify({ line1: '300 Tower Ave', line2: null, city: 'Chicago', region: 'IL', postalCode: '60601', country: 'US' })).toEqual({ status: 'UNVERIFIED' });
  });

  it.each([
    ['no candidate at all (an empty array)', { line1: '12345 Imaginary Blvd' }],
    ['a candidate with DPV N', { line1: '99 Nowhere Rd', city: 'Nome', postalCode: '99762' }],
  ])('answers INVALID for %s', async (_case, change) => {
    expect(await verifier().verification.verify({ ...santa, ...change })).toEqual({ status: 'INVALID' });
  });

  it('answers UNVERIFIED for an address outside the US without calling Smarty (US Street covers the US only)', async () => {
    expect(await verifier().verification.verify({ ...santa, country: 'CA', region: 'ON', postalCode: 'K1A 0B1' })).toEqual({ status: 'UNVERIFIED' });
    expect(smarty.requests).toHaveLength(0);
  });

  it('retries a Smarty outage twice (HTTP 2x), then answers UNVERIFIED', async () => {
    smarty.outage(503);
    expect(await verifier().verification.verify(santa)).toEqual({ status: 'UNVERIFIED' });
    expect(smarty.requests).toHaveLength(3);
  });

  it('answers UNVERIFIED when Smarty does not answer within the timeout', async () => {
    smarty.slowBy(2_000);
    expect(await verifier({ timeoutMs: 150 }).verification.verify(santa)).toEqual({ status: 'UNVERIFIED' });
  });

  it('answers UNVERIFIED on bad credentials without retrying or blaming Smarty', async () => {
    const { verification, outbound } = verifier({ authToken: 'wrong', breakerFailures: 1 });
    expect(await verification.verify(santa)).toEqual({ status: 'UNVERIFIED' });
    expect(smarty.requests).toHaveLength(1);
    expect(outbound.readiness().openCircuits).toEqual([]);
  });

  it('opens the breaker when Smarty is down (calls then fail fast as UNVERIFIED) and closes it once Smarty answers again', async () => {
    const { verification, outbound } = verifier({ breakerFailures: 3 });
    smarty.outage(500);
    expect(await verification.verify(santa)).toEqual({ status: 'UNVERIFIED' });
    expect(outbound.readiness().openCircuits).toEqual(['smarty']);
    const reached = smarty.requests.length;
    expect(await verification.verify(santa)).toEqual({ status: 'UNVERIFIED' });
    expect(smarty.requests).toHaveLength(reached);

    smarty.recover();
    let answer;
    for (const deadline = Date.now() + 10_000; answer?.status !== 'VERIFIED' && Date.now() < deadline; ) {
      answer = await verification.verify(santa);
      if (answer.status !== 'VERIFIED') await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(answer).toEqual({ status: 'VERIFIED' });
    expect(outbound.readiness()).toEqual({ outbound: { smarty: 'closed' }, openCircuits: [] });
  });
});

describe('a slow Smarty', () => {
  it('cannot hold every request: beyond the bulkhead, checks answer UNVERIFIED at once without calling it', async () => {
    smarty.slowBy(800);
    const outbound = new OutboundClients({ ...loadConfig({}).outbound, maxConcurrent: 2, maxQueued: 1, breakerFailures: 100 });
    const adapter = new SmartyAddressVerifier({ authId: smarty.authId, authToken: smarty.authToken, apiBase: smarty.url, timeoutMs: 5_000, policy: smartyPolicy(outbound, 5_000) });
    const verification = withVerificationPolicy(adapter, { timeoutMs: 5_000, log });

    const settled: number[] = [];
    let requestsWhenRefused = -1;
    const checks = Array.from({ length: 6 }, (_, i) =>
      verification.verify(santa).then((answer) => {
        settled.push(i);
        if (answer.status === 'UNVERIFIED') requestsWhenRefused = Math.max(requestsWhenRefused, smarty.requests.length);
        return answer.status;
      }),
    );
    // two in flight, one waiting, three refused by the bulkhead
    expect(await Promise.all(checks)).toEqual(['VERIFIED', 'VERIFIED', 'VERIFIED', 'UNVERIFIED', 'UNVERIFIED', 'UNVERIFIED']);
    expect(settled.slice(0, 3).sort()).toEqual([3, 4, 5]);
    expect(requestsWhenRefused).toBeLessThanOrEqual(2);
    expect(smarty.requests).toHaveLength(3);
    expect(outbound.list()[0]!.stats().calls).toMatchObject({ success: 3, bulkhead_rejected: 3 });
  });
});

describe('choosing the address verifier by configuration', () => {
  const production = () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    return {
      NODE_ENV: 'production',
      JWT_PRIVATE_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      JWT_PUBLIC_KEY: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      STAFF_ACCOUNTS: JSON.stringify([{ email: 'boss@shop.example', role: 'ADMIN', password: 'a-strong-password' }]),
      SUBGRAPH_SHARED_SECRET: 'a-production-subgraph-secret',
    };
  };
  const build = (env: Record<string, string>) => {
    const config = loadConfig(env);
    const outbound = new OutboundClients(config.outbound);
    return { verification: createAddressVerification({ config, outbound, log }), outbound };
  };

  it('uses the stub by default outside production', async () => {
    const { verification, outbound } = build({});
    expect(await verification.verify({ ...santa, postalCode: '00000' })).toEqual({ status: 'INVALID' });
    expect(outbound.list()).toEqual([]);
  });

  it('uses Smarty when ADDRESS_VERIFIER=smarty, against SMARTY_API_BASE', async () => {
    const { verification, outbound } = build({ ADDRESS_VERIFIER: 'smarty', SMARTY_AUTH_ID: smarty.authId, SMARTY_AUTH_TOKEN: smarty.authToken, SMARTY_API_BASE: smarty.url });
    expect(await verification.verify(santa)).toEqual({ status: 'VERIFIED' });
    expect(smarty.requests).toHaveLength(1);
    expect(outbound.list().map((p) => p.name)).toEqual(['smarty']);
  });

  it('needs both Smarty credentials', () => {
    expect(() => loadConfig({ ADDRESS_VERIFIER: 'smarty', SMARTY_AUTH_ID: 'x' })).toThrow(/SMARTY_AUTH_ID and SMARTY_AUTH_TOKEN/);
  });

  it('has no default in production: customers and orders refuse to start without ADDRESS_VERIFIER', () => {
    expect(() => build(production())).toThrow(/ADDRESS_VERIFIER must be set in production/);
    expect(() => build({ ...production(), ADDRESS_VERIFIER: 'stub' })).not.toThrow();
  });
});
