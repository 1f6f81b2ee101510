// Test runner configuration: unit tests under test/<ring>/, end-to-end tests (bundle, CLI,
// browser) in test/e2e; dist/ is built once before the run.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
