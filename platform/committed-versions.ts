import { LRUCache } from 'lru-cache';

/**
 * The last committed version of each of a process's busiest rows, as it saw them: what it read,
 * or what it wrote with the commit. A use case that writes over a version (`… where version = ?`)
 * may decide on a copy from here instead of reading the row first: one statement less.
 *
 * A copy may be behind — another replica, a sweep or another request moved the row — but never
 * wrong, as long as every writer of the row bumps its version: a version's content is then a
 * fact. A write over a version that moved changes nothing, and the caller reads the row again.
 * So is a refusal decided on a copy: only the row as it is now can refuse.
 */
export class CommittedVersions<T> {
  private readonly known: LRUCache<string, T & object>;

  /** `capacity`: rows remembered (least recently used go first). */
  constructor(
    private readonly versionOf: (record: T) => number,
    capacity = 5_000,
  ) {
    this.known = new LRUCache({ max: capacity });
  }

  get(key: string): T | undefined {
    return this.known.get(key);
  }

  /** A committed version; an older one never replaces a newer. */
  remember(key: string, record: T & object): void {
    const current = this.known.peek(key);
    if (current && this.versionOf(current) > this.versionOf(record)) return;
    this.known.set(key, record);
  }

  /** The row moves (or moved) in a way this process will not see committed. */
  forget(key: string): void {
    this.known.delete(key);
  }
}
