import { defineConfig } from 'vitest/config';

// One real app for the whole run (started in global setup), one browser page per test, in order.
export default defineConfig({
  test: {
    globals: true,
    environment: 'node',
    globalSetup: ['./app-server.ts'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    fileParallelism: false,
    reporters: ['default'],
  },
});
