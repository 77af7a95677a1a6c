import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Two cores: one worker keeps runs predictable and leaves a core for the rest of CI.
    pool: 'threads',
    maxWorkers: 1,
  },
});
