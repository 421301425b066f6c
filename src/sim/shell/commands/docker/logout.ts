import { arity } from './errors.ts';
import { R } from './image.ts';
import { defineCommand } from './define.ts';

// docker/cli@v27.3.1:cli/command/registry/logout.go
export default defineCommand({
  use: 'logout [SERVER]',
  short: 'Log out from a registry',
  long: 'Log out from a registry.\nIf no server is specified, the default is defined by the daemon.',
  top: 9,
  flags: [],
  async run(_flags, rest, env, cmd) {
    // cli.RequiresMaxArgs(1).
    const argErr = arity(cmd, rest.length, 0, 1);
    if (argErr) return argErr;
    const lib = await env.daemon.imageLib();
    const r = lib.service.logout(rest[0]);
    return R(r.stdout, r.stderr, r.exitCode);
  },
});
