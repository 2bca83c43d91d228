import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{definitions,engine,api,adapters,designer,workspace,ui-kit,seeds,test}/**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', 'test/bench/**'],
    reporters: ['default', './test/support/closing-line-reporter.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores on every machine: two workers keep integration files parallel without starving PostgreSQL.
    maxWorkers: 2,
  },
});
