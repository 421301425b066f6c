import { defineCommand } from './define.ts';
import { IMAGE_SUBS } from './image.ts';

// docker/cli@v27.3.1:cli/command/image/prune.go
export default defineCommand({
  use: 'prune [OPTIONS]',
  short: 'Remove unused images',
  flags: [
    { long: 'all', short: 'a', type: 'bool', usage: 'Remove all unused images, not just dangling ones' },
    { long: 'filter', type: 'filter', usage: 'Provide filter values (e.g. "until=<timestamp>")' },
    { long: 'force', short: 'f', type: 'bool', usage: 'Do not prompt for confirmation' },
  ],
  // Parses its own arguments still (the registry has checked the flags and answered --help).
  rawArgs: true,
  run: (_flags, args, env) => IMAGE_SUBS.prune!(args, env),
});
