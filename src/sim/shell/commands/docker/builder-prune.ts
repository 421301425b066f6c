/**
 * `docker builder prune [-a] [-f]`: node1's BuildKit keeps no cache records between builds
 * in the simulation, so there is nothing to delete: "Total reclaimed space: 0B".
 * docker/cli@v27.3.1:cli/command/builder/prune.go (normalWarning, allCacheWarning; a "no" is
 * errdefs.Cancelled, exit 0).
 */
import { arity, confirmed } from './errors.ts';
import { defineCommand } from './define.ts';

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
    const argErr = arity(cmd, rest.length, 0);
    if (argErr) return argErr;
    const warning = flags.all
      ? 'WARNING! This will remove all build cache. Are you sure you want to continue? [y/N] '
      : 'WARNING! This will remove all dangling build cache. Are you sure you want to continue? [y/N] ';
    if (!flags.force && !confirmed(env.stdin)) return { stdout: warning, stderr: '', exitCode: 0 };
    return { stdout: `${flags.force ? '' : warning}Total reclaimed space: 0B\n`, stderr: '', exitCode: 0 };
  },
});
