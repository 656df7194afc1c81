import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { compression } from 'vite-plugin-compression2';
import { defineConfig } from 'vitest/config';

// The API serves web/dist in the one-command run; in development Vite proxies the API's paths.
const api = process.env.JICENG_API ?? 'http://127.0.0.1:5080';

export default defineConfig({
  plugins: [
    react(),
    // Each asset also as .br and .gz beside it: the API sends the smallest one the browser accepts, compressed once
    // at build time at the highest level rather than on every request (county networks are slow).
    compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 1024, deleteOriginalAssets: false }),
  ],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  server: { proxy: { '/api': api, '/health': api, '/swagger': api } },
  build: { outDir: 'dist', emptyOutDir: true },
  test: { environment: 'jsdom', globals: true, setupFiles: ['./src/test/setup.ts'] },
});
