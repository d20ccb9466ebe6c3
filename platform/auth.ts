import { LRUCache } from 'lru-cache';
import { SignJWT, importPKCS8, importSPKI, jwtVerify, errors as joseErrors, type CryptoKey } from 'jose';
import type { Config, Role } from './config.js';
import { DomainError, forbidden, unauthenticated } from './errors.js';

export type { Role };
export const STAFF_ROLES: readonly Role[] = ['CUSTOMER_SERVICE', 'WAREHOUSE', 'CATALOG_MANAGER', 'ADMIN'];

/**
 * The session a token belongs to: `sid` stays the same across refreshes, so revoking it revokes
 * them all; `issuedAt` (seconds) lets "every session issued before" revocations find it.
 */
export interface SessionClaims {
  sessionId?: string;
  issuedAt?: number;
  /** Unix seconds. */
  expiresAt?: number;
}

/** Who is calling: only ever derived from a signature-verified token. */
export type Caller =
  | { kind: 'anonymous' }
  | ({ kind: 'guest'; role: 'GUEST'; subject: string } & SessionClaims)
  | ({ kind: 'customer'; role: 'CUSTOMER'; subject: string } & SessionClaims)
  | ({ kind: 'staff'; role: Exclude<Role, 'GUEST' | 'CUSTOMER'>; subject: string } & SessionClaims);

export const ANONYMOUS: Caller = { kind: 'anonymous' };

/** Session lifetimes (SPEC §2). */
export const SESSION_TTL_SECONDS: Record<'GUEST' | 'CUSTOMER' | 'STAFF', number> = {
  CUSTOMER: 24 * 3600,
  GUEST: 7 * 24 * 3600,
  STAFF: 8 * 3600,
};

const ALG = 'ES256';

export interface TokenVerifier {
  /** Verifies signature, issuer, audience and expiry (a token without `exp` is refused); throws UNAUTHENTICATED otherwise. */
  verify(token: string): Promise<Exclude<Caller, { kind: 'anonymous' }>>;
  /** Reads `Authorization: Bearer …`; no header → anonymous; a bad token → UNAUTHENTICATED. */
  fromAuthorizationHeader(header: string | undefined | null): Promise<Caller>;
}

export interface TokenIssuer {
  /** A new session (a fresh `sid`), or a refresh of `sessionId` (same `sid`, new expiry). */
  issue(role: Role, subject: string, options?: { sessionId?: string }): Promise<{ token: string; expiresAt: Date; sessionId: string }>;
}

/** Answers whether a verified session has been revoked (logout, password change); in memory, no round trip. */
export interface RevocationCheck {
  isRevoked(session: { subject: string } & SessionClaims): boolean;
}

/** Verified sessions kept per process (by token text); a few thousand active shoppers fit. */
const VERIFIED_TOKENS_KEPT = 10_000;

export async function createTokenVerifier(jwt: Config['jwt'], options: { revocations?: RevocationCheck } = {}): Promise<TokenVerifier> {
  const key: CryptoKey = await importSPKI(jwt.publicKeyPem.replace(/\\n/g, '\n'), ALG);
  // One request chain presents the same token to the gateway and to every subgraph of its query
  // plan, and a client presents it on every request of its session: an ES256 verification costs
  // far more than a lookup, and what a given token text says cannot change. So a verified token's
  // caller is kept until the token's own expiry; revocation is still checked on every use.
  const verified = new LRUCache<string, SignedInCaller>({ max: VERIFIED_TOKENS_KEPT });

  const checkSignature = async (token: string): Promise<SignedInCaller> => {
    try {
      const { payload } = await jwtVerify(token, key, { issuer: jwt.issuer, audience: jwt.audience, algorithms: [ALG], requiredClaims: ['exp'] });
      const role = payload.role as Role;
      const subject = payload.sub;
      if (!subject || typeof role !== 'string') throw unauthenticated('Invalid session token');
      const session: SessionClaims = { sessionId: typeof payload.sid === 'string' ? payload.sid : undefined, issuedAt: payload.iat, expiresAt: payload.exp };
      if (role === 'GUEST') return { kind: 'guest', role, subject, ...session } as const;
      if (role === 'CUSTOMER') return { kind: 'customer', role, subject, ...session } as const;
      if ((STAFF_ROLES as string[]).includes(role)) return { kind: 'staff', role: role as Exclude<Role, 'GUEST' | 'CUSTOMER'>, subject, ...session } as const;
      throw unauthenticated('Invalid session token');
    } catch (err) {
      throw sessionError(err);
    }
  };

  const verify = async (token: string): Promise<SignedInCaller> => {
    let caller = verified.get(token);
    if (caller && caller.expiresAt! * 1000 <= Date.now()) {
      verified.delete(token);
      throw sessionError(new joseErrors.JWTExpired('"exp" claim timestamp check failed', {}));
    }
    if (!caller) {
      caller = await checkSignature(token);
      verified.set(token, caller);
    }
    if (options.revocations?.isRevoked(caller)) throw unauthenticated('Session revoked');
    return caller;
  };
  return {
    verify,
    async fromAuthorizationHeader(header) {
      if (!header) return ANONYMOUS;
      const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
      if (!match) throw unauthenticated('Authorization header must be "Bearer <token>"');
      return verify(match[1]);
    },
  };
}

type SignedInCaller = Exclude<Caller, { kind: 'anonymous' }>;

/** `reason` lets the subscription edge tell an expired session (refresh) from a bad one. */
function sessionError(err: unknown): unknown {
  if (err instanceof joseErrors.JWTExpired) return new DomainError('UNAUTHENTICATED', 'Session expired', { reason: 'SESSION_EXPIRED' });
  if (err instanceof joseErrors.JOSEError) return unauthenticated('Invalid session token');
  return err;
}

export async function createTokenIssuer(jwt: Config['jwt']): Promise<TokenIssuer> {
  if (!jwt.privateKeyPem) throw new Error('JWT_PRIVATE_KEY is required to issue sessions');
  const key = await importPKCS8(jwt.privateKeyPem.replace(/\\n/g, '\n'), ALG);
  return {
    async issue(role, subject, options = {}) {
      const sessionId = options.sessionId ?? crypto.randomUUID();
      const ttl = role === 'GUEST' ? SESSION_TTL_SECONDS.GUEST : role === 'CUSTOMER' ? SESSION_TTL_SECONDS.CUSTOMER : SESSION_TTL_SECONDS.STAFF;
      const now = Math.floor(Date.now() / 1000);
      const exp = now + ttl;
      const token = await new SignJWT({ role, sid: sessionId })
        .setProtectedHeader({ alg: ALG, typ: 'JWT' })
        .setSubject(subject)
        .setIssuer(jwt.issuer)
        .setAudience(jwt.audience)
        .setIssuedAt(now)
        .setExpirationTime(exp)
        .setJti(crypto.randomUUID())
        .sign(key);
      return { token, expiresAt: new Date(exp * 1000), sessionId };
    },
  };
}

// ---- checks used by use cases (authorization lives in the use case, not the resolver) ----

export function requireSignedIn(caller: Caller): Exclude<Caller, { kind: 'anonymous' }> {
  if (caller.kind === 'anonymous') throw unauthenticated();
  return caller;
}

export function requireCustomer(caller: Caller, message = 'Sign in as a customer'): Extract<Caller, { kind: 'customer' }> {
  if (caller.kind !== 'customer') throw caller.kind === 'anonymous' || caller.kind === 'guest' ? unauthenticated(message) : forbidden(message);
  return caller;
}

/** ADMIN satisfies every staff check (SPEC §2). */
export function hasStaffRole(caller: Caller, ...roles: Role[]): boolean {
  return caller.kind === 'staff' && (caller.role === 'ADMIN' || roles.includes(caller.role));
}

export function requireStaff(caller: Caller, ...roles: Role[]): Extract<Caller, { kind: 'staff' }> {
  if (caller.kind === 'anonymous') throw unauthenticated();
  if (!hasStaffRole(caller, ...roles)) throw forbidden(`Requires role ${[...roles, 'ADMIN'].join(' or ')}`);
  return caller as Extract<Caller, { kind: 'staff' }>;
}

export const isStaff = (caller: Caller): caller is Extract<Caller, { kind: 'staff' }> => caller.kind === 'staff';
