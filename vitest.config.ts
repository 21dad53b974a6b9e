import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Builds dist/ once before the workers start when e2e tests (which spawn bin/arazzo.js) are selected.
    globalSetup: ['test/support/build-cli-once.ts'],
    // The JSON report is what .ci/run reads to print "N passed, N failed".
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
