import { arity, flagError } from './errors.ts';
import { confirmed } from './errors.ts';
import { parseFilters } from './filters.ts';
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
    // cli.NoArgs (docker/cli@v27.3.1).
    const argErr = arity(cmd, rest.length, 0);
    if (argErr) return argErr;
    const { filters, error } = parseFilters(flags.filter as string[] | undefined);
    if (error) return flagError(cmd.path, error);
    const warn = 'WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue? [y/N] ';
    if (!flags.force && !confirmed(env.stdin)) return R(warn);
    const prefix = flags.force ? '' : warn;
    const r = pruneNetworks(env, filters);
    if ('error' in r) return R(prefix, `Error response from daemon: ${r.error}\n`, 1);
    return R(r.gone.length ? `${prefix}Deleted Networks:\n${r.gone.map((n) => `${n}\n`).join('')}\n` : prefix);
  },
});
