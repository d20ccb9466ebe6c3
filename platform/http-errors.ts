import type { ServerResponse } from 'node:http';
import type express from 'express';
import type { Logger } from './logger.js';

/** Answers `body` as JSON with `status` (plain Node response: used before and outside Express). */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

/**
 * How every server answers an error no GraphQL execution turned into a result: body-parser
 * refusals (too large, malformed JSON) keep their 4xx status, anything else is a 500; always
 * JSON, never a stack.
 */
export function answerHttpError(res: ServerResponse, err: unknown, log: Logger): void {
  const e = err as { status?: number; statusCode?: number; type?: string } | undefined;
  if (res.headersSent) {
    log.error({ err }, 'error after the answer started');
    res.destroy();
    return;
  }
  const status = e?.status ?? e?.statusCode ?? 500;
  if (status >= 500) {
    log.error({ err }, 'unexpected error in HTTP handler');
    sendJson(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    return;
  }
  const message = e?.type === 'entity.too.large' ? 'Request body too large' : e?.type === 'entity.parse.failed' ? 'Malformed JSON body' : 'Bad request';
  sendJson(res, status, { errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
}

/** The last error handler of every Express app: answerHttpError, unless Express's own answer started. */
export function jsonErrors(log: Logger): express.ErrorRequestHandler {
  return (err, _req, res, next) => {
    if (res.headersSent) return next(err);
    answerHttpError(res, err, log);
  };
}
