import { startPrune } from './prune-start.ts';
import { R, pruneImages } from './image.ts';
import { defineCommand } from './define.ts';

// docker/cli@v27.3.1:cli/command/image/prune.go allImageWarning, danglingWarning.
const ALL_IMAGES = 'WARNING! This will remove all images without at least one container associated to them.\nAre you sure you want to continue?';
const DANGLING = 'WARNING! This will remove all dangling images.\nAre you sure you want to continue?';

// docker/cli@v27.3.1:cli/command/image/prune.go
export default defineCommand({
  use: 'prune [OPTIONS]',
  short: 'Remove unused images',
  flags: [
    { long: 'all', short: 'a', type: 'bool', usage: 'Remove all unused images, not just dangling ones' },
    { long: 'filter', type: 'filter', usage: 'Provide filter values (e.g. "until=<timestamp>")' },
    { long: 'force', short: 'f', type: 'bool', usage: 'Do not prompt for confirmation' },
  ],
  async run(flags, rest, env, cmd) {
    // docker/cli@v27.3.1:cli/command/image/prune.go: the CLI adds dangling=!all to the filters.
    const start = startPrune(env, cmd, rest, flags, flags.all ? ALL_IMAGES : DANGLING, (filters) => void filters.add('dangling', String(!flags.all)));
    if ('done' in start) return start.done;
    const { filters, prompt } = start;
    const r = await pruneImages(env, filters);
    return R(prompt + r.stdout, r.stderr, r.exitCode);
  },
});
