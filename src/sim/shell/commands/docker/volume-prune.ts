import { defineCommand } from './define.ts';
import { VOLUME_SUBS } from './storage.ts';

// docker/cli@v27.3.1:cli/command/volume/prune.go
export default defineCommand({
  use: 'prune [OPTIONS]',
  short: 'Remove unused local volumes',
  flags: [
    { long: 'all', short: 'a', type: 'bool', usage: 'Remove all unused volumes, not just anonymous ones' },
    { long: 'filter', type: 'filter', usage: 'Provide filter values (e.g. "label=<label>")' },
    { long: 'force', short: 'f', type: 'bool', usage: 'Do not prompt for confirmation' },
  ],
  // Parses its own arguments still (the registry has checked the flags and answered --help).
  rawArgs: true,
  run: (_flags, args, env) => VOLUME_SUBS.prune!(args, env),
});
