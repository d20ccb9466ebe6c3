import { GraphQLError } from 'graphql';

/**
 * An async iterator over pushed events for one subscription. Bounded: a client that cannot keep
 * up is ended with an error instead of growing the gateway's memory. `return()` (client sent
 * complete, or the socket closed) runs the close callbacks exactly once.
 */
export class EventQueue<T> implements AsyncIterableIterator<T> {
  private readonly buffer: T[] = [];
  private waiting: ((result: IteratorResult<T>) => void) | undefined;
  private failure: Error | undefined;
  private closed = false;
  private readonly closeCallbacks: (() => void)[] = [];

  constructor(private readonly capacity = 256) {}

  push(item: T): void {
    if (this.closed) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = undefined;
      resolve({ value: item, done: false });
      return;
    }
    if (this.buffer.length >= this.capacity) {
      this.failure = new GraphQLError('Subscriber too slow; events were dropped', { extensions: { code: 'SLOW_CONSUMER' } });
      this.close();
      return;
    }
    this.buffer.push(item);
  }

  onClose(callback: () => void): void {
    if (this.closed) callback();
    else this.closeCallbacks.push(callback);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const callback of this.closeCallbacks.splice(0)) callback();
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = undefined;
      resolve({ value: undefined, done: true });
    }
  }

  next(): Promise<IteratorResult<T>> {
    if (this.buffer.length) return Promise.resolve({ value: this.buffer.shift()!, done: false });
    if (this.failure) {
      const failure = this.failure;
      this.failure = undefined;
      return Promise.reject(failure);
    }
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }

  return(): Promise<IteratorResult<T>> {
    this.buffer.length = 0;
    this.close();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error?: unknown): Promise<IteratorResult<T>> {
    this.close();
    return Promise.reject(error);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
