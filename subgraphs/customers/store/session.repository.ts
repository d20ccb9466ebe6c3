import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { recordEvent } from '../../../events/outbox.js';
import { SessionRevoked } from '../../../events/contracts/customers/index.js';
import { qualified } from './sql.js';

/** SHA-256 of a reset token: the database never holds a token that would work. */
export const resetTokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Revoked sessions and password-reset tokens (in the caller's transaction). */
export class SessionRepository {
  constructor(
    private readonly em: EntityManager,
    private readonly eventNamespace: string,
  ) {}

  /**
   * Records a revocation and announces it (SessionRevoked, through the outbox) to every process
   * that verifies tokens.
   */
  async revoke(revocation: { subject: string; sessionId: string | null; issuedBefore: Date | null; exceptSessionId: string | null; expiresAt: Date }): Promise<void> {
    await this.em.execute(
      `insert into ${qualified(this.em, 'session_revocation')} (subject, session_id, issued_before, except_session_id, expires_at) values (?, ?, ?, ?, ?)`,
      [revocation.subject, revocation.sessionId, revocation.issuedBefore, revocation.exceptSessionId, revocation.expiresAt],
    );
    recordEvent(
      this.em,
      this.eventNamespace,
      SessionRevoked,
      {
        subject: revocation.subject,
        sessionId: revocation.sessionId,
        issuedBefore: revocation.issuedBefore?.toISOString() ?? null,
        exceptSessionId: revocation.exceptSessionId,
        expiresAt: revocation.expiresAt.toISOString(),
      },
      { customerId: revocation.subject },
    );
  }

  async isSessionRevoked(sessionId: string): Promise<boolean> {
    const rows = await this.em.execute(`select 1 from ${qualified(this.em, 'session_revocation')} where session_id = ? limit 1`, [sessionId]);
    return rows.length > 0;
  }

  async insertResetToken(tokenHash: string, customerId: string, expiresAt: Date): Promise<void> {
    await this.em.execute(`insert into ${qualified(this.em, 'password_reset')} (token_hash, customer_id, expires_at) values (?, ?, ?)`, [tokenHash, customerId, expiresAt]);
  }

  /** The customer of an unused, unexpired token (database clock), without using it up. */
  async findUsableResetToken(tokenHash: string): Promise<string | null> {
    const rows = await this.em.execute<{ customer_id: string }[]>(
      `select customer_id from ${qualified(this.em, 'password_reset')} where token_hash = ? and used_at is null and expires_at > now()`,
      [tokenHash],
    );
    return rows[0]?.customer_id ?? null;
  }

  /** Marks the token used and returns its customer, if it is unused and unexpired (database clock). */
  async consumeResetToken(tokenHash: string): Promise<string | null> {
    const rows = await this.em.execute<{ customer_id: string }[]>(
      `update ${qualified(this.em, 'password_reset')} set used_at = now() where token_hash = ? and used_at is null and expires_at > now() returning customer_id`,
      [tokenHash],
    );
    return rows[0]?.customer_id ?? null;
  }
}
