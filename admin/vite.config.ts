import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The staff app is served by the gateway at /admin (gateway/admin-app.ts), so every asset URL is
 * under /admin/ and the build is self-contained: no CDN, nothing fetched at run time.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/admin/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: {
    // `npx vite admin` during development: the API stays on the gateway.
    proxy: { '/graphql': { target: 'http://127.0.0.1:4000', ws: true } },
  },
});
