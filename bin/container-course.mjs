#!/usr/bin/env node
// The `container-course` command. Runs the TypeScript sources through tsx so the
// CLI, the site and the tests share one engine with no separate build step.
import { register } from 'tsx/esm/api';

const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  process.stderr.write(
    `container-course: Node ${process.versions.node} is too old; run it through npx (the project pins Node 24).\n`,
  );
  process.exit(2);
}
register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
