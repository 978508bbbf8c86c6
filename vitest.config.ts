import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each file gets its own databases; two workers fit the build machines' two cores.
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default'],
  },
});
