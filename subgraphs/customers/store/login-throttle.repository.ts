import type { EntityManager } from '@mikro-orm/postgresql';
import { qualified } from './sql.js';

/**
 * Failed sign-ins per e-mail key, in PostgreSQL so every replica sees the same count; times
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

  async recentFailures(emailKey: string, windowMs: number): Promise<{ failures: Date[]; now: Date }> {
    const [{ now }] = await this.em.execute<{ now: Date }[]>('select now() as now');
    const rows = await this.em.execute<{ failed_at: Date }[]>(
      `select failed_at from ${this.table} where email_key = ? and failed_at > now() - (? * interval '1 millisecond') order by failed_at`,
      [emailKey, windowMs],
    );
    return { failures: rows.map((r) => new Date(r.failed_at)), now: new Date(now) };
  }

  async recordFailure(emailKey: string): Promise<void> {
    await this.em.execute(`insert into ${this.table} (email_key) values (?)`, [emailKey]);
  }

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
