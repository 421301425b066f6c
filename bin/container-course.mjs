#!/usr/bin/env node
// The `container-course` command. Runs the prebuilt bundle (build/cli/, made by
// `npm run build:cli` and by `npm install`'s prepare step): plain JavaScript for any
// Node >= 20, from any folder. In a checkout with no build yet, or with
// CONTAINER_COURSE_SOURCES=1, it runs the TypeScript sources through tsx instead.
import module from 'node:module';

// node:fs through require: its ES module face would load fs/promises, readline and streams first (~10 ms).
const { existsSync } = module.createRequire(import.meta.url)('node:fs');

const major = Number(process.versions.node.split('.')[0]);
if (major < 20) {
  process.stderr.write(`container-course: Node ${process.versions.node} is too old; it needs Node 20 or newer.\n`);
  process.exit(2);
}
const bundle = new URL('../build/cli/container-course.mjs', import.meta.url);
if (process.env.CONTAINER_COURSE_SOURCES !== '1' && existsSync(bundle)) {
  // Node >= 22.1 keeps the compiled bundle on disk between runs (a faster start); Node 20 has no such cache.
  module.enableCompileCache?.();
  await import(bundle.href);
} else {
  let register;
  try {
    ({ register } = await import('tsx/esm/api'));
  } catch {
    process.stderr.write("container-course: the command is not built; run 'npm run build:cli' in the course repository.\n");
    process.exit(2);
  }
  register();
  const { main } = await import('../src/cli/main.ts');
  process.exitCode = await main(process.argv.slice(2));
}
