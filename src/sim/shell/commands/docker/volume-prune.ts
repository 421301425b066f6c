import { arity, flagError } from './errors.ts';
import { confirmed } from './errors.ts';
import { parseFilters } from './filters.ts';
import { R, pruneVolumes } from './storage.ts';
import { defineCommand } from './define.ts';

// docker/cli@v27.3.1:cli/command/volume/prune.go
export default defineCommand({
  use: 'prune [OPTIONS]',
  short: 'Remove unused local volumes',
  flags: [
    { long: 'all', short: 'a', type: 'bool', usage: 'Remove all unused volumes, not just anonymous ones' },
    { long: 'filter', type: 'filter', usage: 'Provide filter values (e.g. "label=<label>")' },
    { long: 'force', short: 'f', type: 'bool', usage: 'Do not prompt for confirmation' },
  ],
  async run(flags, rest, env, cmd) {
    // cli.NoArgs (docker/cli@v27.3.1).
    const argErr = arity(cmd, rest.length, 0);
    if (argErr) return argErr;
    const { filters, error } = parseFilters(flags.filter as string[] | undefined);
    if (error) return flagError(cmd.path, error);
    // docker/cli@v27.3.1:cli/command/volume/prune.go: --all is the filter all=true, and the warning says "all".
    if (flags.all) {
      if (filters.contains('all')) return R('', 'conflicting options: cannot specify both --all and --filter all=1\n', 1);
      filters.add('all', 'true');
    }
    const warning = flags.all
      ? 'WARNING! This will remove all local volumes not used by at least one container.'
      : 'WARNING! This will remove anonymous local volumes not used by at least one container.';
    const prompt = flags.force ? '' : `${warning}\nAre you sure you want to continue? [y/N] `;
    if (!flags.force && !confirmed(env.stdin)) return R(prompt);
    const r = await pruneVolumes(env, filters);
    return R(prompt + r.stdout, r.stderr, r.exitCode);
  },
});
