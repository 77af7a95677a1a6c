import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    globalSetup: ['../../packages/db/test-support/postgres-server.ts', './test-support/build-server.ts'],
    // Each test file in its own process: PGlite's WebAssembly in worker threads of one process
    // trips a V8 bug on CPUs with memory protection keys ("Check failed:
    // jit_page_->allocations_.erase(addr) == 1", nodejs/node#64500), which aborted a CI run.
    pool: 'forks',
    // Two files at once (the machine's two cores): most of a file's time is waiting on a
    // database or a child process. Every file has its own databases and server.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default', ['json', { outputFile: '.test-results.json' }]],
  },
});
