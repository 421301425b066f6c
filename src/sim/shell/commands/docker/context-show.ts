import { defineCommand } from './define.ts';

// docker/cli@v27.3.1:cli/command/context/show.go
export default defineCommand({
  use: 'show',
  short: 'Print the name of the current context',
  flags: [],
  async run() {
    return { stdout: 'default\n', stderr: '', exitCode: 0 };
  },
});
