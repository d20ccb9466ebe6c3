import type { Logger } from './logger.js';

type Closer = { name: string; close: () => Promise<unknown> | unknown };

/**
 * Graceful shutdown for process entry points: on SIGTERM/SIGINT close resources in reverse
 * order of acquisition (stop taking requests and messages first, then the pools they use).
 */
export class Lifecycle {
  private readonly closers: Closer[] = [];
  private closing: Promise<void> | undefined;

  constructor(private readonly log: Logger) {}

  onShutdown(name: string, close: Closer['close']): void {
    this.closers.push({ name, close });
  }

  shutdown(): Promise<void> {
    this.closing ??= (async () => {
      for (const closer of [...this.closers].reverse()) {
        try {
          await closer.close();
        } catch (err) {
          this.log.error({ err, resource: closer.name }, 'error while shutting down');
        }
      }
    })();
    return this.closing;
  }

  handleSignals(): void {
    const onSignal = (signal: NodeJS.Signals) => {
      this.log.info({ signal }, 'shutting down');
      const force = setTimeout(() => process.exit(1), 15_000).unref();
      void this.shutdown().then(() => {
        clearTimeout(force);
        process.exit(0);
      });
    };
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
  }
}
