import type { EntityManager } from '@mikro-orm/postgresql';
import { qualified } from './sql.js';
import type { FailedAttempt } from '../domain/login-throttle.js';

/**
 * Failed sign-ins per e-mail key and client address, in PostgreSQL so every replica sees the same count; times
 * come from the database clock for the same reason.
 */
export class LoginThrottleRepository {
  private readonly table: string;

  constructor(private readonly em: EntityManager) {
    this.table = qualified(em, 'login_failure');
  }

  /** Serialises check-and-count for one e-mail key until the transaction ends. */
  async lockKey(emailKey: string): Promise<void> {
    await this.em.execute('select pg_advisory_xact_lock(hashtext(?))', [`customers:login:${emailKey}`]);
  }

  /** The e-mail's failures within the window, from every address, marked when they came from `clientAddress`. */
  async recentFailures(emailKey: string, clientAddress: string, windowMs: number): Promise<{ failures: FailedAttempt[]; now: Date }> {
    const [{ now }] = await this.em.execute<{ now: Date }[]>('select now() as now');
    const rows = await this.em.execute<{ failed_at: Date; here: boolean }[]>(
      `select failed_at, client_address = ? as here from ${this.table}
        where email_key = ? and failed_at > now() - (? * interval '1 millisecond') order by failed_at`,
      [clientAddress, emailKey, windowMs],
    );
    return { failures: rows.map((r) => ({ at: new Date(r.failed_at), fromThisAddress: r.here })), now: new Date(now) };
  }

  async recordFailure(emailKey: string, clientAddress: string): Promise<void> {
    await this.em.execute(`insert into ${this.table} (email_key, client_address) values (?, ?)`, [emailKey, clientAddress]);
  }

  /**
   * After a successful sign-in: only that address's failures are forgotten, so the owner signing
   * in elsewhere does not hand a guesser a fresh allowance.
   */
  async clearFailuresFrom(emailKey: string, clientAddress: string): Promise<void> {
    await this.em.execute(`delete from ${this.table} where email_key = ? and client_address = ?`, [emailKey, clientAddress]);
  }

  /** After a password reset: the old password is gone, so are all guesses at it. */
  async clearFailures(emailKey: string): Promise<void> {
    await this.em.execute(`delete from ${this.table} where email_key = ?`, [emailKey]);
  }

  /** Housekeeping: failures older than the window no longer count for anything. */
  async purgeOlderThan(windowMs: number): Promise<number> {
    const result = await this.em.execute<{ affectedRows: number }>(
      `delete from ${this.table} where failed_at < now() - (? * interval '1 millisecond')`,
      [windowMs],
      'run',
    );
    return result.affectedRows;
  }
}
