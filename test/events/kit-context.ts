import { EntitySchema, type EntityManager } from '@mikro-orm/postgresql';
import { Migration } from '@mikro-orm/migrations';
import { createContextOrm, migrate, type Orm } from '../../platform/database.js';
import type { TestEnvironment } from '../support/config.js';

/**
 * A tiny bounded context for the messaging-kit tests: the messaging tables plus a `note`
 * (the producer's state change) and an `effect` table (what handlers did, one row per run).
 */
export interface Note {
  id: string;
  text: string;
}

export const NoteEntity = new EntitySchema<Note>({
  name: 'KitNote',
  tableName: 'note',
  properties: {
    id: { type: 'uuid', primary: true },
    text: { type: 'text' },
  },
});

class KitTables extends Migration {
  override async up(): Promise<void> {
    const schema = this.config.get('schema');
    this.addSql(`create table "${schema}".note (id uuid primary key, text text not null);`);
    this.addSql(`create table "${schema}".effect (id bigserial primary key, event_id text not null, handler text not null);`);
  }
}

export async function createKitContext(env: TestEnvironment, context: string): Promise<Orm> {
  const orm = await createContextOrm(
    env.config,
    { context, entities: [NoteEntity], migrations: [{ name: '0001-kit-tables', class: KitTables }] },
    env.log,
  );
  await migrate(orm, context, env.databaseUrl);
  return orm;
}

/** What a test handler does: one row per run, so "exactly once" is a count. */
export async function recordEffect(em: EntityManager, eventId: string, handler: string): Promise<void> {
  const schema = em.config.get('schema');
  await em.execute(`insert into "${schema}".effect (event_id, handler) values (?, ?)`, [eventId, handler], 'run');
}

export async function countEffects(orm: Orm, eventId: string, handler: string): Promise<number> {
  const schema = orm.config.get('schema');
  const rows = await orm.em.fork().execute<{ n: string }[]>(`select count(*) as n from "${schema}".effect where event_id = ? and handler = ?`, [eventId, handler]);
  return Number(rows[0]?.n ?? 0);
}
