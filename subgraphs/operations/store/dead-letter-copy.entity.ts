import { EntitySchema } from '@mikro-orm/postgresql';

/**
 * A row of `operations.dead_letter_copy`: operations' copy of another context's dead letter, fed
 * by MessageDeadLettered and DeadLetterReplayed (operations never reads other schemas). Its id is
 * the dead letter's id in the owning context.
 */
export interface DeadLetterCopyRecord {
  id: string;
  context: string;
  handler: string;
  subject: string;
  eventId: string;
  error: string;
  attempts: number;
  failedAt: Date;
  payload: string;
  replayedAt: Date | null;
  replayRequestedAt: Date | null;
}

export const DeadLetterCopyEntity = new EntitySchema<DeadLetterCopyRecord>({
  name: 'DeadLetterCopy',
  tableName: 'dead_letter_copy',
  properties: {
    id: { type: 'uuid', primary: true },
    context: { type: 'text' },
    handler: { type: 'text' },
    subject: { type: 'text' },
    eventId: { type: 'text', fieldName: 'event_id' },
    error: { type: 'text' },
    attempts: { type: 'integer' },
    failedAt: { type: 'datetime', fieldName: 'failed_at' },
    payload: { type: 'text' },
    replayedAt: { type: 'datetime', fieldName: 'replayed_at', nullable: true },
    replayRequestedAt: { type: 'datetime', fieldName: 'replay_requested_at', nullable: true },
  },
});
