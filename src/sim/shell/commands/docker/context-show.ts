import { arity } from './errors.ts';
import { defineCommand } from './define.ts';

// docker/cli@v27.3.1:cli/command/context/show.go
export default defineCommand({
  use: 'show',
  short: 'Print the name of the current context',
  flags: [],
  async run(_flags, rest, _env, cmd) {
    const argErr = arity(cmd, rest.length, 0);
    if (argErr) return argErr;
    return { stdout: 'default\n', stderr: '', exitCode: 0 };
  },
});
