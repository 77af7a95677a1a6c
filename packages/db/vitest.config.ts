import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    globalSetup: ['test-support/postgres-server.ts'],
    // Each test file in its own process: PGlite's WebAssembly in worker threads of one process
    // trips a V8 bug on CPUs with memory protection keys ("Check failed:
    // jit_page_->allocations_.erase(addr) == 1", nodejs/node#64500), which aborted a CI run.
    pool: 'forks',
    maxWorkers: 1,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default', ['json', { outputFile: '.test-results.json' }]],
  },
});
