import { startPrune } from './prune-start.ts';
import { R, pruneVolumes } from './storage.ts';
import { defineCommand } from './define.ts';

// docker/cli@v27.3.1:cli/command/volume/prune.go allVolumesWarning, unusedVolumesWarning.
const ALL_VOLUMES = 'WARNING! This will remove all local volumes not used by at least one container.\nAre you sure you want to continue?';
const ANONYMOUS = 'WARNING! This will remove anonymous local volumes not used by at least one container.\nAre you sure you want to continue?';

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
    // docker/cli@v27.3.1:cli/command/volume/prune.go: --all is the filter all=true, and the warning says "all".
    const start = startPrune(env, cmd, rest, flags, flags.all ? ALL_VOLUMES : ANONYMOUS, (filters) => {
      if (!flags.all) return undefined;
      if (filters.contains('all')) return 'conflicting options: cannot specify both --all and --filter all=1';
      filters.add('all', 'true');
      return undefined;
    });
    if ('done' in start) return start.done;
    const { filters, prompt } = start;
    const r = await pruneVolumes(env, filters);
    return R(prompt + r.stdout, r.stderr, r.exitCode);
  },
});
