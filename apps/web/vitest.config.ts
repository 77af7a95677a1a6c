import { defineConfig } from 'vitest/config';

// Unit tests run in Node; the end-to-end tests drive the built app in Debian's Chromium.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'e2e/**/*.test.ts'],
    globalSetup: ['../../packages/db/test-support/postgres-server.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    reporters: ['default', ['json', { outputFile: '.test-results.json' }]],
  },
});
