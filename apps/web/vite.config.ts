import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * `npm run build -w apps/web` writes dist/, which the gateway serves at `/`. `npm run dev -w
 * apps/web` serves the app with hot reload on :5173 and sends /api to the gateway on :3000.
 */
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
  server: { port: 5173, proxy: { '/api': 'http://localhost:3000' } },
});
