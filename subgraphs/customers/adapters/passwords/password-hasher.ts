import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Salted, deliberately slow password hashes (scrypt). The stored form describes itself —
 * `scrypt$N$r$p$salt$hash` (salt and hash base64url) — so the cost can be raised later and
 * old hashes still verify (and are upgraded on the next successful sign-in).
 */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, stored: string): Promise<boolean>;
  /** True when `stored` was made with weaker parameters than the current ones. */
  needsRehash(stored: string): boolean;
  /**
   * Spends about as long as `verify` on a real hash and returns false: used for unknown
   * e-mails, so response time does not tell which e-mails have accounts.
   */
  verifyNothing(password: string): Promise<false>;
}

export interface ScryptParams {
  /** CPU/memory cost, a power of two. */
  N: number;
  r: number;
  p: number;
}

/**
 * One of OWASP's equivalent scrypt settings (N=2^15, r=8, p=3): 32 MiB per hash rather than the
 * 128 MiB of N=2^17, so concurrent sign-ins stay affordable; roughly 150–600 ms per hash.
 */
export const PRODUCTION_SCRYPT: ScryptParams = { N: 2 ** 15, r: 8, p: 3 };
/** Tests sign in hundreds of times; the format and code path stay the same. */
export const TEST_SCRYPT: ScryptParams = { N: 2 ** 10, r: 8, p: 1 };

const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

const derive = (password: string, salt: Buffer, params: ScryptParams, keyLength: number) =>
  new Promise<Buffer>((resolve, reject) => {
    const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r + 1024 * 1024 };
    scrypt(password.normalize('NFKC'), salt, keyLength, options, (err, key) => (err ? reject(err) : resolve(key)));
  });

interface ParsedHash extends ScryptParams {
  salt: Buffer;
  hash: Buffer;
}

function parse(stored: string): ParsedHash | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map((n) => Number(n));
  if (![N, r, p].every((n) => Number.isSafeInteger(n) && n > 0)) return null;
  // Refuse absurd parameters from a tampered row instead of allocating gigabytes.
  if (N > 2 ** 20 || r > 32 || p > 16) return null;
  const salt = Buffer.from(parts[4], 'base64url');
  const hash = Buffer.from(parts[5], 'base64url');
  if (!salt.length || !hash.length) return null;
  return { N, r, p, salt, hash };
}

export function createScryptPasswordHasher(params: ScryptParams = PRODUCTION_SCRYPT): PasswordHasher {
  // A hash of a random secret with the current parameters: verifying against it costs the same.
  const decoy = (async () => {
    const salt = randomBytes(SALT_LENGTH);
    const hash = await derive(randomBytes(16).toString('hex'), salt, params, KEY_LENGTH);
    return { ...params, salt, hash } satisfies ParsedHash;
  })();

  const compare = async (password: string, parsed: ParsedHash) => {
    const candidate = await derive(password, parsed.salt, parsed, parsed.hash.length);
    return timingSafeEqual(candidate, parsed.hash);
  };

  return {
    async hash(password) {
      const salt = randomBytes(SALT_LENGTH);
      const hash = await derive(password, salt, params, KEY_LENGTH);
      return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), hash.toString('base64url')].join('$');
    },
    async verify(password, stored) {
      const parsed = parse(stored);
      if (!parsed) {
        await compare(password, await decoy);
        return false;
      }
      return compare(password, parsed);
    },
    needsRehash(stored) {
      const parsed = parse(stored);
      return !parsed || parsed.N < params.N || parsed.r < params.r || parsed.p < params.p || parsed.hash.length < KEY_LENGTH;
    },
    async verifyNothing(password) {
      await compare(password, await decoy);
      return false;
    },
  };
}
