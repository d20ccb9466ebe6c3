/**
 * Orders keeps local projections of catalog prices and customers' address books, built from
 * their integration events so a checkout needs no synchronous call. Each event type has its own
 * durable consumer, so events about one product or address may arrive out of order: every fact
 * carries the version of the event that set it and an older event never overwrites a newer one.
 */

/** Orders events by occurrence, then by id (UUIDv7: time-ordered) when two share a millisecond. */
export type EventVersion = string;

export function eventVersion(occurredAt: string, eventId: string): EventVersion {
  return `${new Date(occurredAt).toISOString()}#${eventId}`;
}

export const isNewer = (candidate: EventVersion, current: EventVersion | null | undefined): boolean => !current || candidate > current;
