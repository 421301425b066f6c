import { defineCommand } from './define.ts';
import { diff } from './storage.ts';

// docker/cli@v27.3.1:cli/command/container/diff.go
export default defineCommand({
  use: 'diff CONTAINER',
  short: 'Inspect changes to files or directories on a container\'s filesystem',
  aliases: 'docker container diff, docker diff',
  flags: [],
  // Parses its own arguments still (the registry has checked the flags and answered --help).
  rawArgs: true,
  run: (_flags, args, env) => diff(args, env),
});
