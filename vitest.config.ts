import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    // A ceiling, not a wait: heavy property and grading tests must pass on a busy 2-core machine.
    testTimeout: 60_000,
  },
});
