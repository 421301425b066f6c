import { defineCommand } from './define.ts';
import { systemPrune } from './storage.ts';

// docker/cli@v27.3.1:cli/command/system/prune.go
export default defineCommand({
  use: 'prune [OPTIONS]',
  short: 'Remove unused data',
  flags: [
    { long: 'all', short: 'a', type: 'bool', usage: 'Remove all unused images not just dangling ones' },
    { long: 'filter', type: 'filter', usage: 'Provide filter values (e.g. "label=<key>=<value>")' },
    { long: 'force', short: 'f', type: 'bool', usage: 'Do not prompt for confirmation' },
    { long: 'volumes', type: 'bool', usage: 'Prune anonymous volumes' },
  ],
  // Parses its own arguments still (the registry has checked the flags and answered --help).
  rawArgs: true,
  run: (_flags, args, env) => systemPrune(args, env),
});
