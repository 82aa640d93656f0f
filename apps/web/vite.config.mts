import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
// During `vite` dev, the api runs on its own port; the UI talks to it through this proxy.
const api = 'http://127.0.0.1:3000';

// JSX is compiled by Vite's built-in Oxc transform (React automatic runtime), no plugin needed.
export default defineConfig({
  root,
  base: '/',
  // The runtime imports from libs, pure functions with no imports of their own: the word diff the
  // server stores with an edit decision, and the policy editor's JSON error locator.
  resolve: {
    alias: {
      '@arbiter/contracts/word-diff': fileURLToPath(
        new URL('../../libs/contracts/src/word-diff.ts', import.meta.url),
      ),
      '@arbiter/policy/json-error-locator': fileURLToPath(
        new URL('../../libs/policy/src/json-error.locator.ts', import.meta.url),
      ),
    },
  },
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, target: 'es2022' },
  server: {
    proxy: {
      '/v1': api,
      '/socket.io': { target: api, ws: true },
    },
  },
});
