import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The designer is served under /designer by the API server (api/http/web-app.router.ts). `npx vite designer` serves
// it with hot reload and sends API calls to the server `npm start` runs (STAGECRAFT_PORT, default 3000).
const apiTarget = `http://127.0.0.1:${process.env.STAGECRAFT_PORT ?? '3000'}`;

export default defineConfig({
  base: '/designer/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
  },
  server: {
    port: 5174,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
    },
  },
});
