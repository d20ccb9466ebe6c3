import type pg from 'pg';
import { JetStreamApiError } from '@nats-io/jetstream';
import type { Broker } from './nats.js';
import { ensureStream } from './streams.js';

/** JetStream's "stream not found". */
const STREAM_NOT_FOUND = 10059;

export interface StreamReconciliation {
  /** Published rows marked pending again because the stream no longer holds them. */
  redriven: number;
  /** Why: the stream was gone, replaced by a new one, or lost its newest messages. */
  reason: 'stream-missing' | 'stream-replaced' | 'tail-lost' | null;
  /** The highest stream sequence recorded on a published row afterwards (0 when none). */
  highestStreamSeq: number;
}

/**
 * Makes the outbox agree with the stream after the broker may have lost data (a store wiped or
 * never synced, a stream deleted and re-created). The outbox records each published row's stream
 * sequence; the stream keeps a prefix of what was published, so:
 * - rows recorded above the stream's last sequence are gone (the tail was lost);
 * - if the newest row at or below it is not the message the stream has at that sequence, the
 *   stream is a different one (re-created empty, refilled since) and every row is gone.
 * Lost rows become pending again and the relay re-sends them in `seq` order with the same msgID:
 * JetStream drops any it still holds inside the duplicate window, and consumers' inboxes absorb
 * what they already handled. (Messages removed on purpose — purged, aged out, deleted — are below
 * the stream's first sequence or simply missing and are not re-sent.)
 *
 * Run only by the active relay (it holds the context's relay lock), so no batch runs meanwhile.
 */
export async function reconcileOutboxWithStream(
  client: pg.Client,
  options: { schema: string; context: string; stream: string; broker: Broker },
): Promise<StreamReconciliation> {
  const { broker, stream } = options;
  const table = `"${options.schema}".outbox`;

  let reason: StreamReconciliation['reason'] = null;
  let state = await streamState(broker, stream);
  if (!state) {
    await ensureStream(broker, options.context);
    state = (await streamState(broker, stream)) ?? { firstSeq: 0, lastSeq: 0 };
    reason = 'stream-missing';
  }

  const { rows: anchors } = await client.query<{ id: string; stream_seq: string }>(
    `select id, stream_seq from ${table} where published_at is not null and stream_seq <= $1 order by stream_seq desc limit 1`,
    [state.lastSeq],
  );
  const anchor = anchors[0];
  let keepUpTo = state.lastSeq;
  if (anchor && Number(anchor.stream_seq) >= state.firstSeq) {
    const stored = await broker.jsm.streams.getMessage(stream, { seq: Number(anchor.stream_seq) });
    // A missing message was deleted on purpose; a different one means another stream.
    if (stored && stored.header?.get('Nats-Msg-Id') !== anchor.id) {
      keepUpTo = 0;
      reason = 'stream-replaced';
    }
  }

  const reset = await client.query(
    `update ${table} set published_at = null, stream_seq = null, last_error = $2
      where published_at is not null and stream_seq > $1`,
    [keepUpTo, `re-sent: the stream ${stream} no longer held it`],
  );
  const redriven = reset.rowCount ?? 0;
  if (redriven && !reason) reason = 'tail-lost';

  const { rows } = await client.query<{ highest: string | null }>(`select max(stream_seq) as highest from ${table} where published_at is not null`);
  return { redriven, reason: redriven ? reason : null, highestStreamSeq: Number(rows[0]?.highest ?? 0) };
}

async function streamState(broker: Broker, stream: string): Promise<{ firstSeq: number; lastSeq: number } | undefined> {
  try {
    const info = await broker.jsm.streams.info(stream);
    return { firstSeq: info.state.first_seq, lastSeq: info.state.last_seq };
  } catch (err) {
    if (err instanceof JetStreamApiError && err.code === STREAM_NOT_FOUND) return undefined;
    throw err;
  }
}
