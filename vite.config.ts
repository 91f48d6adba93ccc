import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The web UI lives in web/; the Fastify server serves web/dist in production.
// In development `npx vite` proxies /api to a locally running `anshin serve` (default port 8080).
export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    proxy: {
      '/api': { target: process.env.ANSHIN_API_URL ?? 'http://localhost:8080', changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: process.env.ANSHIN_API_URL ?? 'http://localhost:8080', changeOrigin: false },
    },
  },
});
