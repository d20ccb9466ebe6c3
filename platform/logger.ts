import { pino, type Logger } from 'pino';
import type { Config } from './config.js';

export type { Logger };

/** One root logger per process; modules take child loggers tagged with what they are. */
export function createLogger(config: Pick<Config, 'logLevel' | 'env'>, service: string): Logger {
  return pino({
    level: config.logLevel,
    base: { service },
    redact: { paths: ['req.headers.authorization', '*.password', '*.token', 'authorization'], censor: '[redacted]' },
    ...(config.env === 'development' && process.stdout.isTTY
      ? { transport: { target: 'pino-pretty', options: { colorize: true, singleLine: true } } }
      : {}),
  });
}
