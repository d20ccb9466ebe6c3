import { useState } from 'react';
import { graphql } from '../__generated__';
import { api } from '../graphql/api';
import { navigate, useLocation } from '../router';
import { Show, useLoad } from '../ui/data';
import { SubmissionNotes, TextField, useSubmission } from '../ui/forms';
import { formatTime } from '../ui/format';

const DeadLetters = graphql(`
  query AdminDeadLetters($context: String, $after: String) {
    deadLetters(context: $context, first: 25, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        context
        handler
        subject
        eventId
        error
        attempts
        failedAt
        payload
        replayRequestedAt
        replayedAt
      }
    }
  }
`);

const Replay = graphql(`
  mutation AdminReplayDeadLetter($id: ID!) {
    replayDeadLetter(id: $id) {
      id
      replayRequestedAt
      replayedAt
    }
  }
`);

/** ADMIN: messages a handler gave up on, with the event and the error; replay once the cause is fixed. */
export function DeadLettersScreen() {
  const { query } = useLocation();
  const context = query.get('context') ?? '';
  const [text, setText] = useState(context);
  const [after, setAfter] = useState<string | null>(null);
  const letters = useLoad(() => api.request(DeadLetters, { context: context || null, after }), [context, after]);
  return (
    <>
      <h1>Dead letters</h1>
      <form
        className="inline"
        aria-label="Filter dead letters"
        onSubmit={(e) => {
          e.preventDefault();
          setAfter(null);
          navigate(text.trim() ? `/dead-letters?context=${encodeURIComponent(text.trim())}` : '/dead-letters');
        }}
      >
        <TextField label="Context (e.g. orders)" value={text} onChange={(e) => setText(e.target.value)} />
        <button type="submit">Filter</button>
      </form>
      <Show loaded={letters}>
        {(data) =>
          !data.deadLetters.nodes.length ? (
            <p className="muted">No dead letters.</p>
          ) : (
            <>
              <p className="muted">{data.deadLetters.totalCount} dead letters</p>
              {data.deadLetters.nodes.map((d) => (
                <article key={d.id} className="card" data-dead-letter-id={d.id}>
                  <h2>
                    {d.context} · {d.handler}
                  </h2>
                  <dl className="facts">
                    <dt>Subject</dt>
                    <dd>{d.subject}</dd>
                    <dt>Failed</dt>
                    <dd>
                      {formatTime(d.failedAt)} after {d.attempts} attempts
                    </dd>
                    <dt>Error</dt>
                    <dd className="field-error">{d.error}</dd>
                    <dt>Replay</dt>
                    <dd data-testid="replay-state">{d.replayedAt ? `replayed ${formatTime(d.replayedAt)}` : d.replayRequestedAt ? `requested ${formatTime(d.replayRequestedAt)}` : 'not replayed'}</dd>
                  </dl>
                  <details>
                    <summary>Payload</summary>
                    <pre>{pretty(d.payload)}</pre>
                  </details>
                  <ReplayForm id={d.id} onDone={letters.reload} />
                </article>
              ))}
              {data.deadLetters.pageInfo.hasNextPage && (
                <button type="button" className="secondary" onClick={() => setAfter(data.deadLetters.pageInfo.endCursor ?? null)}>
                  Next page
                </button>
              )}
            </>
          )
        }
      </Show>
    </>
  );
}

function ReplayForm({ id, onDone }: { id: string; onDone: () => void }) {
  const submission = useSubmission(async () => {
    await api.request(Replay, { id });
    onDone();
    return 'Replay requested: the owning context runs it again in a moment.';
  }, []);
  return (
    <form className="inline" onSubmit={submission.onSubmit} aria-label={`Replay dead letter ${id}`}>
      <button type="submit" disabled={submission.busy}>
        Replay
      </button>
      <SubmissionNotes submission={submission} />
    </form>
  );
}

function pretty(json: string): string {
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
}
