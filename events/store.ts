import { EntitySchema } from '@mikro-orm/postgresql';
import { Migration } from '@mikro-orm/migrations';

/**
 * The messaging tables every context has in its own schema: the transactional outbox, the
 * idempotent inbox and the dead-letter store. The SQL lives here once; `createContextOrm`
 * runs it as every context's first migration.
 */

export interface OutboxRow {
  id: string; // = envelope id = Nats-Msg-Id
  seq: string; // bigserial: publish order
  subject: string;
  type: string;
  envelope: Record<string, unknown>;
  createdAt: Date;
  publishedAt?: Date | null;
  streamSeq?: string | null;
  attempts: number;
  lastError?: string | null;
}

export const OutboxMessage = new EntitySchema<OutboxRow>({
  name: 'OutboxMessage',
  tableName: 'outbox',
  properties: {
    id: { type: 'uuid', primary: true },
    seq: { type: 'bigint', autoincrement: true, persist: false },
    subject: { type: 'text' },
    type: { type: 'text' },
    envelope: { type: 'json' },
    createdAt: { type: 'datetime', fieldName: 'created_at', onCreate: () => new Date() },
    publishedAt: { type: 'datetime', nullable: true, fieldName: 'published_at' },
    streamSeq: { type: 'bigint', nullable: true, fieldName: 'stream_seq' },
    attempts: { type: 'integer', default: 0 },
    lastError: { type: 'text', nullable: true, fieldName: 'last_error' },
  },
});

export interface DeadLetterRow {
  id: string;
  messageId: string;
  handler: string;
  subject: string;
  envelope: Record<string, unknown> | null;
  rawData: string | null;
  error: string;
  deliveries: number;
  failedAt: Date;
  replayedAt?: Date | null;
}

export const DeadLetter = new EntitySchema<DeadLetterRow>({
  name: 'DeadLetter',
  tableName: 'dead_letter',
  properties: {
    id: { type: 'uuid', primary: true },
    messageId: { type: 'text', fieldName: 'message_id' },
    handler: { type: 'text' },
    subject: { type: 'text' },
    envelope: { type: 'json', nullable: true },
    rawData: { type: 'text', nullable: true, fieldName: 'raw_data' },
    error: { type: 'text' },
    deliveries: { type: 'integer' },
    failedAt: { type: 'datetime', fieldName: 'failed_at' },
    replayedAt: { type: 'datetime', nullable: true, fieldName: 'replayed_at' },
  },
});

export const messagingEntities = [OutboxMessage, DeadLetter];

export class messagingMigration extends Migration {
  override async up(): Promise<void> {
    const schema = this.config.get('schema');
    this.addSql(`
      create table "${schema}".outbox (
        id uuid primary key,
        seq bigserial not null unique,
        subject text not null,
        type text not null,
        envelope jsonb not null,
        created_at timestamptz not null default now(),
        published_at timestamptz,
        stream_seq bigint,
        attempts integer not null default 0,
        last_error text
      );
      create index outbox_unpublished_idx on "${schema}".outbox (seq) where published_at is null;
      create index outbox_published_at_idx on "${schema}".outbox (published_at) where published_at is not null;

      -- A statement-level trigger wakes the relay (LISTEN "<schema>_outbox") when rows commit.
      create function "${schema}".notify_outbox() returns trigger language plpgsql as $$
      begin
        perform pg_notify(tg_table_schema || '_outbox', '');
        return null;
      end $$;
      create trigger outbox_notify after insert on "${schema}".outbox
        for each statement execute function "${schema}".notify_outbox();

      create table "${schema}".inbox (
        message_id text not null,
        handler text not null,
        processed_at timestamptz not null default now(),
        primary key (message_id, handler)
      );
      create index inbox_processed_at_idx on "${schema}".inbox (processed_at);

      create table "${schema}".dead_letter (
        id uuid primary key,
        message_id text not null,
        handler text not null,
        subject text not null,
        envelope jsonb,
        raw_data text,
        error text not null,
        deliveries integer not null,
        failed_at timestamptz not null default now(),
        replayed_at timestamptz,
        unique (message_id, handler)
      );
    `);
  }
}

/**
 * Relays are woken over NATS now (outbox-signal.ts), not by NOTIFY: a NOTIFY woke every
 * LISTENing connection of the database on every outbox commit, whatever its channel.
 */
export class outboxRingMigration extends Migration {
  override async up(): Promise<void> {
    const schema = this.config.get('schema');
    this.addSql(`
      drop trigger if exists outbox_notify on "${schema}".outbox;
      drop function if exists "${schema}".notify_outbox();
    `);
  }
}
