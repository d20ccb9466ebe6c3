import { generateKeyPairSync } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTokenIssuer, createTokenVerifier, type RevocationCheck } from './auth.js';

const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const jwt = {
  privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  issuer: 'crittersupply-test',
  audience: 'crittersupply-graph',
};

afterEach(() => {
  vi.useRealTimers();
});

describe('token verification (a verified token is remembered until it expires)', () => {
  it('answers the same caller for a token presented again', async () => {
    const verifier = await createTokenVerifier(jwt);
    const { token } = await (await createTokenIssuer(jwt)).issue('CUSTOMER', 'customer-1');
    const first = await verifier.fromAuthorizationHeader(`Bearer ${token}`);
    expect(first).toMatchObject({ kind: 'customer', role: 'CUSTOMER', subject: 'customer-1' });
    expect(await verifier.fromAuthorizationHeader(`Bearer ${token}`)).toEqual(first);
  });

  it('still refuses a remembered token once its session is revoked', async () => {
    const revoked = new Set<string>();
    const revocations: RevocationCheck = { isRevoked: (session) => revoked.has(session.sessionId ?? '') };
    const verifier = await createTokenVerifier(jwt, { revocations });
    const { token, sessionId } = await (await createTokenIssuer(jwt)).issue('CUSTOMER', 'customer-2');
    await verifier.verify(token);
    revoked.add(sessionId);
    await expect(verifier.verify(token)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: 'Session revoked' });
  });

  it('refuses a remembered token as expired once its expiry passes', async () => {
    const verifier = await createTokenVerifier(jwt);
    const { token, expiresAt } = await (await createTokenIssuer(jwt)).issue('GUEST', 'guest-1');
    await verifier.verify(token);
    vi.useFakeTimers({ now: expiresAt.getTime() + 1_000, toFake: ['Date'] });
    await expect(verifier.verify(token)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED', reason: 'SESSION_EXPIRED' } });
  });

  it('does not remember a token that failed verification', async () => {
    const verifier = await createTokenVerifier(jwt);
    const { token } = await (await createTokenIssuer(jwt)).issue('CUSTOMER', 'customer-3');
    const tampered = `${token.slice(0, -4)}AAAA`;
    await expect(verifier.verify(tampered)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    await expect(verifier.verify(tampered)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });
});
