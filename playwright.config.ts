import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS } from './tests/e2e/chromium.mjs';

const PORT = Number(process.env.CC_E2E_PORT ?? 4391);

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: process.env.CI ? 1 : 0,
  // Ceilings, not waits: a passing test never waits for them, and a busy 2-core machine needs the room.
  timeout: 90_000,
  expect: { timeout: 30_000 },
  // Issue #14: the list, then the ten slowest tests (tests/e2e/slowest-reporter.ts) and, from Playwright, the
  // ten slowest files over 60 s.
  reporter: [['list'], ['./tests/e2e/slowest-reporter.ts']],
  reportSlowTests: { max: 10, threshold: 60_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    // Issue #14: recording a trace (a DOM snapshot and a screenshot around every action) cost over a quarter of
    // the CPU of a passing run, and a passing test's trace is thrown away: layout.spec's six short tests, one
    // worker, alternated at load 25-30, took 23.3 and 19.9 s of CPU with 'retain-on-failure', 15.4 and 15.9 s
    // without a trace. In CI a failing test is retried once, and that retry records the trace to read. Locally
    // (no retry) every test records one and keeps it when it fails.
    trace: process.env.CI ? 'on-first-retry' : 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CC_CHROMIUM,
      args: CHROMIUM_ARGS,
    },
  },
  // Issue #14: dist/ as built, sent without astro preview's gzip on every response and with the hashed chunks
  // cached (tests/e2e/serve.mjs says what it serves and why).
  webServer: {
    command: `node tests/e2e/serve.mjs ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
