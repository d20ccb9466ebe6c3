import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-budget.js';

const request = (peer: string, forwardedFor?: string) =>
  ({ socket: { remoteAddress: peer }, headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor } }) as unknown as IncomingMessage;

describe('the client address', () => {
  it('is the peer when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddress(request('127.0.0.1', '203.0.113.7'), 0)).toBe('127.0.0.1');
  });

  it("behind one trusted proxy is that proxy's last X-Forwarded-For entry, never one the client wrote", () => {
    // the client sent "X-Forwarded-For: 203.0.113.7"; the ingress appended the address it saw
    expect(clientAddress(request('10.0.0.5', '203.0.113.7, 198.51.100.20'), 1)).toBe('198.51.100.20');
    expect(clientAddress(request('10.0.0.5', '198.51.100.20'), 1)).toBe('198.51.100.20');
  });

  it('falls back to the farthest address known when fewer proxies answered than are trusted', () => {
    expect(clientAddress(request('10.0.0.5'), 1)).toBe('10.0.0.5');
    expect(clientAddress(request('10.0.0.5', '198.51.100.20'), 2)).toBe('198.51.100.20');
  });
});
