import type pg from 'pg';
import type { JetStreamClient } from '@nats-io/jetstream';

export interface BatchResult {
  /** Rows claimed in this batch. */
  claimed: number;
  published: number;
  /** Rows JetStream had already stored (a re-publish inside the duplicate window). */
  duplicates: number;
  /** The publish error that ended the batch early; the failed row and those after it stay pending. */
  failure?: { id: string; error: unknown };
  /**
   * JetStream stored a new message at a sequence the outbox had already recorded: the stream
   * went backwards (lost data). The batch stopped there, leaving that row pending; the relay
   * reconciles the outbox with the stream before it publishes again.
   */
  streamWentBack?: { id: string; streamSeq: number };
  /** The highest stream sequence recorded in this batch (0 when none). */
  highestStreamSeq: number;
  /**
   * The next batch, read by the statement that marked this one (none after a failure): the relay
   * publishes it without reading again, and an empty one lets it rest.
   */
  next?: PendingRow[];
}

export interface PendingRow {
  id: string;
  subject: string;
  data: string;
}

/**
 * Publishes one batch of pending outbox rows: read them in `seq` order (or take the ones the
 * previous batch read), publish each with `msgID` = row id, then mark what was stored and read
 * the next batch in the same statement. A publish failure ends the batch at that row so
 * order is kept; the rows before it are still marked and the failed row keeps its attempt count
 * and error for operators.
 *
 * No transaction and no row locks: only the relay holding the context's advisory lock calls this
 * (relay.ts), so nobody else claims these rows, and every statement is a round trip saved on the
 * busiest loop of every context (an empty poll is one statement). If the process dies after a
 * publish but before the mark, the rows stay pending and are re-published with the same `msgID`:
 * JetStream drops them inside the duplicate window. A relay that lost its lock mid-batch (its
 * connection broke) cannot mark anything, and its publishes are the same duplicates.
 */
export async function publishPendingBatch(
  client: pg.Client,
  options: {
    schema: string;
    stream: string;
    js: JetStreamClient;
    batchSize: number;
    publishTimeoutMs: number;
    /** The highest stream sequence already recorded in the outbox; a new message at or below it means data loss. */
    recordedStreamSeq?: number;
    /** The rows to publish, as the previous batch's `next` read them; read here when absent. */
    pending?: PendingRow[];
  },
): Promise<BatchResult> {
  const table = `"${options.schema}".outbox`;
  const result: BatchResult = { claimed: 0, published: 0, duplicates: 0, highestStreamSeq: 0 };
  const rows =
    options.pending ??
    (
      await client.query<PendingRow>(
        `select id, subject, envelope::text as data from ${table}
          where published_at is null order by seq limit $1`,
        [options.batchSize],
      )
    ).rows;
  result.claimed = rows.length;
  // Every publish of the batch is sent at once (pipelined on the one connection, so the stream
  // stores them in this order) and then the acks are read in order: one round trip per batch
  // instead of one per row. Only the prefix up to the first failure is marked; rows after it that
  // the stream did store stay pending and are re-published, which JetStream drops as duplicates.
  const acks = await Promise.allSettled(
    rows.map((row) => options.js.publish(row.subject, row.data, { msgID: row.id, expect: { streamName: options.stream }, timeout: options.publishTimeoutMs })),
  );
  const stored: { id: string; streamSeq: number }[] = [];
  for (const [i, row] of rows.entries()) {
    const outcome = acks[i]!;
    if (outcome.status === 'rejected') {
      result.failure = { id: row.id, error: outcome.reason };
      break;
    }
    const ack = outcome.value;
    if (!ack.duplicate && options.recordedStreamSeq !== undefined && ack.seq <= options.recordedStreamSeq) {
      result.streamWentBack = { id: row.id, streamSeq: ack.seq };
      break;
    }
    stored.push({ id: row.id, streamSeq: ack.seq });
    result.highestStreamSeq = Math.max(result.highestStreamSeq, ack.seq);
    if (ack.duplicate) result.duplicates++;
    else result.published++;
  }
  if (stored.length) {
    // the mark and the next batch's read in one statement: the read sees the rows before the
    // mark (one snapshot), so it leaves out the ones just marked by id
    const stopped = Boolean(result.failure || result.streamWentBack);
    const { rows: next } = await client.query<PendingRow>(
      `with marked as (
         update ${table} o set published_at = now(), stream_seq = p.stream_seq, attempts = o.attempts + 1, last_error = null
           from unnest($1::uuid[], $2::bigint[]) as p(id, stream_seq) where o.id = p.id)
       select id, subject, envelope::text as data from ${table}
        where published_at is null and not (id = any($1::uuid[])) and not $4::boolean order by seq limit $3`,
      [stored.map((s) => s.id), stored.map((s) => s.streamSeq), options.batchSize, stopped],
    );
    if (!stopped) result.next = next;
  }
  if (result.failure) {
    await client.query(`update ${table} set attempts = attempts + 1, last_error = $2 where id = $1`, [
      result.failure.id,
      describeError(result.failure.error),
    ]);
  }
  return result;
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
