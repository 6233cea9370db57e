/**
 * Builds the web explorer into client/dist, which the API server serves on the same port as
 * /graphql. Everything is bundled locally: the app must work with no network but the server.
 */
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Cytoscape and Chart.js are big; one chunk each keeps caching sensible.
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      // Two pages: the explorer, and GraphiQL (served by the API for browsers at /graphql).
      input: { main: `${root}index.html`, graphiql: `${root}graphiql/index.html` },
      output: {
        manualChunks: { cytoscape: ['cytoscape', 'cytoscape-fcose'], chart: ['chart.js'] },
      },
    },
  },
  server: {
    // dev:client proxies the API so the dev server and the built app talk to the same origin.
    proxy: { '/graphql': process.env.ATLAS_API ?? 'http://127.0.0.1:4000', '/healthz': process.env.ATLAS_API ?? 'http://127.0.0.1:4000' },
  },
});
