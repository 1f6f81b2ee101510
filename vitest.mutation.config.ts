// Test runner configuration for the mutation run (`npm run mutate`): the unit and property suites of
// the pure core (they import src/core directly, so no dist/ build), so each mutant runs fast.
// MUTATION_TESTS (comma-separated globs) narrows the suites for a quick run over one file while
// working; its scores are then lower bounds (fewer tests can only kill fewer mutants).
import { defineConfig } from 'vitest/config';

const narrowed = process.env.MUTATION_TESTS?.split(',').filter(Boolean);

export default defineConfig({
  test: {
    include: narrowed?.length
      ? narrowed
      : ['test/core/**/*.test.ts', 'test/robustness/kpi-properties.test.ts'],
    testTimeout: 60_000,
    pool: 'forks',
  },
});
