import { existsSync } from 'node:fs';
import path from 'node:path';
import express from 'express';
import { repoPath } from '../platform/paths.js';

/** Where `npm run build` puts the staff app (Vite, admin/vite.config.ts). */
export const ADMIN_APP_DIR = repoPath('admin', 'dist');

/**
 * The staff web app at /admin: the built files, and the app's index.html for every other path under
 * /admin (the app routes in the browser, so deep links and reloads work). Everything comes from this
 * origin — the CSP forbids any other, so the app can fetch nothing from a CDN — and the API is the
 * same gateway's /graphql (HTTP and WebSocket).
 */
export function adminApp(dir = ADMIN_APP_DIR): express.Router {
  const router = express.Router();
  router.use((_req, res, next) => {
    res.setHeader('Content-Security-Policy', "default-src 'self'; connect-src 'self'; img-src 'self' data: https:; style-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'");
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'same-origin');
    next();
  });
  if (!existsSync(path.join(dir, 'index.html'))) {
    router.use((_req, res) => {
      res.status(404).type('text/plain').send('The staff app is not built: run `npm run build`.');
    });
    return router;
  }
  // Hashed asset names never change content: cache them for good; index.html is always revalidated.
  router.use('/assets', express.static(path.join(dir, 'assets'), { immutable: true, maxAge: '1y', fallthrough: false }));
  router.use(express.static(dir, { index: false, maxAge: 0 }));
  router.get('/{*path}', (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(path.join(dir, 'index.html'));
  });
  return router;
}
