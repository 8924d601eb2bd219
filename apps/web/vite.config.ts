import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * `npm run build -w apps/web` writes dist/, which the gateway serves at `/`. The dev server (`npm run
 * dev` at the root starts it beside the services; `npm run dev -w apps/web` alone) serves the app
 * with hot reload on :5173 and sends /api to the gateway (SLOTWISE_GATEWAY_URL, default :3000).
 */
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
  server: {
    port: 5173,
    // A build tool's setting, read where Vite runs (the services read theirs through config.ts).
    // eslint-disable-next-line no-restricted-properties
    proxy: { '/api': process.env.SLOTWISE_GATEWAY_URL ?? 'http://localhost:3000' },
  },
});
