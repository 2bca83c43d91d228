import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm run dev:web` serves the workspace with hot reload and sends API calls to the server `npm start` runs
// (STAGECRAFT_PORT, default 3000). The Host header is kept, so the API's same-origin check sees the dev page's host.
const apiTarget = `http://127.0.0.1:${process.env.STAGECRAFT_PORT ?? '3000'}`;

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/readyz': { target: apiTarget, changeOrigin: false },
    },
  },
});
