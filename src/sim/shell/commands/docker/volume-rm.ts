import { defineCommand } from './define.ts';
import { VOLUME_SUBS } from './storage.ts';

// docker/cli@v27.3.1:cli/command/volume/remove.go
export default defineCommand({
  use: 'rm [OPTIONS] VOLUME [VOLUME...]',
  short: 'Remove one or more volumes',
  long: '\nRemove one or more volumes. You cannot remove a volume that is in use by a container.\n',
  example: '\n$ docker volume rm hello\nhello\n',
  flags: [
    { long: 'force', short: 'f', type: 'bool', usage: 'Force the removal of one or more volumes' },
  ],
  // Parses its own arguments still (the registry has checked the flags and answered --help).
  rawArgs: true,
  run: (_flags, args, env) => VOLUME_SUBS.rm!(args, env),
});
