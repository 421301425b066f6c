import { arity } from './errors.ts';
import { R } from './image.ts';
import { defineCommand } from './define.ts';

// docker/cli@v27.3.1:cli/command/registry/login.go
export default defineCommand({
  use: 'login [OPTIONS] [SERVER]',
  short: 'Authenticate to a registry',
  long: 'Authenticate to a registry.\nDefaults to Docker Hub if no server is specified.',
  top: 8,
  flags: [
    { long: 'password', short: 'p', type: 'string', usage: 'Password' },
    { long: 'password-stdin', type: 'bool', usage: 'Take the password from stdin' },
    { long: 'username', short: 'u', type: 'string', usage: 'Username' },
  ],
  async run(flags, rest, env, cmd) {
    const argErr = arity(cmd, rest.length, 0, 1);
    if (argErr) return argErr;
    const password = flags['password-stdin'] ? env.stdin.replace(/\n$/, '') : ((flags.password as string | undefined) ?? '');
    const lib = await env.daemon.imageLib();
    const r = lib.service.login(rest[0], (flags.username as string | undefined) ?? '', password);
    let warn = flags.password ? 'WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n' : '';
    // The warning comes first on a terminal.
    if (warn && env.stream) {
      env.stream({ stream: 'stderr', text: warn });
      warn = '';
    }
    return R(r.stdout, warn + r.stderr, r.exitCode);
  },
});
