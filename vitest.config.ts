import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // One graphql-js, the CommonJS build that Apollo Server and @apollo/subgraph load (as Node
    // itself resolves it); Vite would otherwise pick the package's ESM copy, a second realm.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
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
