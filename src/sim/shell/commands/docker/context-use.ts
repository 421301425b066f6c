import { defineCommand } from './define.ts';

// docker/cli@v27.3.1:cli/command/context/use.go
export default defineCommand({
  use: 'use CONTEXT',
  short: 'Set the current docker context',
  flags: [],
  async run(_flags, rest) {
    if (rest[0] === 'default') return { stdout: 'default\nCurrent context is now "default"\n', stderr: '', exitCode: 0 };
    return { stdout: '', stderr: `context "${rest[0] ?? ''}" does not exist\n`, exitCode: 1 };
  },
});
