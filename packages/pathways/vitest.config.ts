import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // JSON results let .ci/run print one "N passed, N failed" line for the whole monorepo.
    reporters: ['default', ['json', { outputFile: '.test-results.json' }]],
    // Two cores: one worker keeps runs predictable and leaves a core for the rest of CI.
    pool: 'threads',
    maxWorkers: 1,
  },
});
