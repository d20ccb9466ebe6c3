import type express from 'express';
import type { Logger } from './logger.js';

/**
 * The last error handler of every server: body-parser refusals (too large, malformed JSON) keep
 * their 4xx status, anything else is a 500; always JSON, never Express's HTML page with a stack.
 */
export function jsonErrors(log: Logger): express.ErrorRequestHandler {
  return (err: { status?: number; statusCode?: number; type?: string }, _req, res, next) => {
    if (res.headersSent) return next(err);
    const status = err?.status ?? err?.statusCode ?? 500;
    if (status >= 500) {
      log.error({ err }, 'unexpected error in HTTP handler');
      res.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      return;
    }
    const message = err.type === 'entity.too.large' ? 'Request body too large' : err.type === 'entity.parse.failed' ? 'Malformed JSON body' : 'Bad request';
    res.status(status).json({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
  };
}
