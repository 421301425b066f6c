// Runs grade-worker.ts from the TypeScript sources (a checkout without a build). Under Vitest the CLI is built once
// for the run (tests/global-setup.ts) and CC_TEST_GRADE_WORKER names that build's worker: starting it costs a third of
// transpiling the sources in every new worker thread, and it is the same code as of this run.
if (process.env.CC_TEST_GRADE_WORKER) {
  const { pathToFileURL } = await import('node:url');
  await import(pathToFileURL(process.env.CC_TEST_GRADE_WORKER).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./grade-worker.ts');
}
