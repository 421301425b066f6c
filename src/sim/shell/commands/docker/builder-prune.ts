/**
 * `docker builder prune [-a] [-f]`: node1's BuildKit keeps no cache records between builds
 * in the simulation, so there is nothing to delete: "Total reclaimed space: 0B".
 * docker/cli@v27.3.1:cli/command/builder/prune.go (normalWarning, allCacheWarning; a "no" is
 * errdefs.Cancelled, exit 0).
 */
import { pruneEvent } from '../../../docker/events.ts';
import { startPrune } from './prune-start.ts';
import { defineCommand } from './define.ts';

// docker/cli@v27.3.1:cli/command/builder/prune.go allCacheWarning, normalWarning.
const ALL_CACHE = 'WARNING! This will remove all build cache. Are you sure you want to continue?';
const DANGLING_CACHE = 'WARNING! This will remove all dangling build cache. Are you sure you want to continue?';

// docker/cli@v27.3.1:cli/command/builder/prune.go
export default defineCommand({
  use: 'prune',
  short: 'Remove build cache',
  flags: [
    { long: 'all', short: 'a', type: 'bool', usage: 'Remove all unused build cache, not just dangling ones' },
    { long: 'filter', type: 'filter', usage: 'Provide filter values (e.g. "until=24h")' },
    { long: 'force', short: 'f', type: 'bool', usage: 'Do not prompt for confirmation' },
    { long: 'keep-storage', type: 'bytes', usage: 'Amount of disk space to keep for cache' },
  ],
  async run(flags, rest, env, cmd) {
    const start = startPrune(env, cmd, rest, flags, flags.all ? ALL_CACHE : DANGLING_CACHE);
    if ('done' in start) return start.done;
    pruneEvent(env.daemon, 'builder', 0); // moby@v27.3.1:api/server/backend/build/backend.go PruneCache
    return { stdout: `${start.prompt}Total reclaimed space: 0B\n`, stderr: '', exitCode: 0 };
  },
});
