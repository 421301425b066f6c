import { startPrune } from './prune-start.ts';
import { R, pruneNetworks } from './network.ts';
import { defineCommand } from './define.ts';

// docker/cli@v27.3.1:cli/command/network/prune.go
export default defineCommand({
  use: 'prune [OPTIONS]',
  short: 'Remove all unused networks',
  flags: [
    { long: 'filter', type: 'filter', usage: 'Provide filter values (e.g. "until=<timestamp>")' },
    { long: 'force', short: 'f', type: 'bool', usage: 'Do not prompt for confirmation' },
  ],
  async run(flags, rest, env, cmd) {
    const start = startPrune(
      env,
      cmd,
      rest,
      flags,
      'WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue?',
    );
    if ('done' in start) return start.done;
    const { filters, prompt: prefix } = start;
    const r = pruneNetworks(env, filters);
    if ('error' in r) return R(prefix, `Error response from daemon: ${r.error}\n`, 1);
    return R(r.gone.length ? `${prefix}Deleted Networks:\n${r.gone.map((n) => `${n}\n`).join('')}\n` : prefix);
  },
});
