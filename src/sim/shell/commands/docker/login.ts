import { defineCommand } from './define.ts';
import { login } from './image.ts';

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
  // Parses its own arguments still (the registry has checked the flags and answered --help).
  rawArgs: true,
  run: (_flags, args, env) => login(args, env),
});
