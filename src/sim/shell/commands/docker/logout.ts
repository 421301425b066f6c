import { defineCommand } from './define.ts';
import { logout } from './image.ts';

// docker/cli@v27.3.1:cli/command/registry/logout.go
export default defineCommand({
  use: 'logout [SERVER]',
  short: 'Log out from a registry',
  long: 'Log out from a registry.\nIf no server is specified, the default is defined by the daemon.',
  top: 9,
  flags: [],
  // Parses its own arguments still (the registry has checked the flags and answered --help).
  rawArgs: true,
  run: (_flags, args, env) => logout(args, env),
});
