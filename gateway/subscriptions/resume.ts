import { GraphQLError } from 'graphql';
import type { Envelope } from '../../events/contract.js';
import type { GraphExecutor } from './edge.js';
import type { EventQueue } from './event-queue.js';

/**
 * How a subscription field resumes after a client's cursor (`orderUpdated(after:)`): where the
 * client's cursor points, where each live event stands, and how to read the durable history
 * after a position through the gateway (with the subscriber's own token, so the owning subgraph
 * checks access exactly as for a query).
 */
export interface ResumeSpec<TArgs = Record<string, unknown>> {
  /** The argument holding the cursor of the last change the client saw. */
  argument: string;
  /** The client's cursor → the position to replay after, or why it cannot be resumed from. */
  start: (args: TArgs) => { position: number } | { refused: string; field: string };
  /** A live event's position; null when it carries none (then the history is asked). */
  positionOf: (event: Envelope<any>) => number | null;
  history: {
    query: string;
    variables: (args: TArgs, after: number) => Record<string, unknown>;
    /** The query's answer → the changes as events, oldest first. */
    events: (data: Record<string, unknown>, args: TArgs) => Envelope<any>[];
  };
}

/**
 * The events a resuming subscriber receives: the history after its cursor, then live events,
 * with no gap and no duplicate at the seam. The live queue was listening before the history was
 * read, so a change that commits while the history is being read is in one or both of them;
 * dedupe by position drops the copy. A live event that skips ahead of the last position (core
 * NATS delivery is at most once) or carries no position sends the subscriber to the history
 * again, which has every committed change (events are published only after their commit).
 */
export function resumeAfter(
  live: EventQueue<Envelope<any>>,
  position: number,
  readHistory: (after: number) => Promise<Envelope<any>[]>,
  positionOf: (event: Envelope<any>) => number | null,
): AsyncIterableIterator<Envelope<any>> {
  let last = position;
  async function* stream(): AsyncGenerator<Envelope<any>> {
    async function* catchUp() {
      for (const event of await readHistory(last)) {
        const at = positionOf(event);
        if (at !== null && at <= last) continue;
        if (at !== null) last = at;
        yield event;
      }
    }
    yield* catchUp();
    for await (const event of live) {
      const at = positionOf(event);
      if (at !== null && at <= last) continue; // already sent from the history
      if (at === last + 1) {
        last = at;
        yield event;
      } else {
        yield* catchUp(); // a gap, or an event without a position: the history has it
      }
    }
  }
  const generator = stream();
  return {
    next: () => generator.next(),
    // Closing the live queue first ends a `next()` still waiting on it (an async generator
    // suspended in an await would only see return() after that await settles).
    return: async () => {
      await live.return();
      return generator.return(undefined);
    },
    throw: async (error?: unknown) => {
      await live.return();
      return generator.throw(error);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/**
 * For the edge: the live queue as is, or, when the client asked to resume, the resuming stream.
 * A cursor that cannot be resumed from closes the queue and fails the subscription (BAD_USER_INPUT).
 */
export function resumable(
  spec: ResumeSpec<any> | undefined,
  args: Record<string, unknown>,
  live: EventQueue<Envelope<any>>,
  execute: (query: string, variables: Record<string, unknown>) => ReturnType<GraphExecutor>,
): AsyncIterableIterator<Envelope<any>> {
  if (!spec || args[spec.argument] == null) return live;
  const start = spec.start(args);
  if ('refused' in start) {
    live.close();
    throw new GraphQLError(start.refused, { extensions: { code: 'BAD_USER_INPUT', fields: { [start.field]: start.refused } } });
  }
  const readHistory = async (after: number) => {
    const result = await execute(spec.history.query, spec.history.variables(args, after));
    if (result.errors?.length || !result.data) {
      const [first] = result.errors ?? [];
      throw new GraphQLError(first?.message ?? 'Could not read the history to resume from', {
        extensions: { code: first?.extensions?.code ?? 'INTERNAL_SERVER_ERROR' },
      });
    }
    return spec.history.events(result.data, args);
  };
  return resumeAfter(live, start.position, readHistory, spec.positionOf);
}
