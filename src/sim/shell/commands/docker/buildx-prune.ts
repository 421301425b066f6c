/**
 * `docker buildx prune` (docker/buildx@v0.17.1:commands/prune.go runPrune): the warning and buildx's own
 * promptForConfirmation (commands/util.go: " [y/N] ", only "y"/"Y" says yes; a "no" ends quietly, status 0),
 * then the records BuildKit removed (none: node1's BuildKit keeps no cache records between builds in the
 * simulation, as builder-prune.ts says) and "Total:" through tabwriter(1, 8, 1, '\t').
 */
import { R } from './image.ts';
import { parseFilters } from './filters.ts';
import { bxArity } from './buildx.ts';
import { defineCommand } from './define.ts';
import { noContainer, resolve } from './buildx-store.ts';

// prune.go normalWarning, allCacheWarning.
const NORMAL = 'WARNING! This will remove all dangling build cache. Are you sure you want to continue?';
const ALL = 'WARNING! This will remove all build cache. Are you sure you want to continue?';

export default defineCommand({
  use: 'prune',
  short: 'Remove build cache',
  flags: [
    { long: 'all', short: 'a', type: 'bool', usage: 'Include internal/frontend images' },
    { long: 'filter', type: 'filter', usage: 'Provide filter values (e.g., "until=24h")' },
    { long: 'keep-storage', type: 'bytes', usage: 'Amount of disk space to keep for cache' },
    { long: 'verbose', type: 'bool', usage: 'Provide a more verbose output' },
    { long: 'force', short: 'f', type: 'bool', usage: 'Do not prompt for confirmation' },
  ],
  async run(flags, rest, env, cmd) {
    const bad = bxArity(cmd, rest.length, 'none');
    if (bad) return bad;
    const { error } = parseFilters(flags.filter as string[] | undefined);
    if (error) return R('', `${error}\nSee '${cmd.path} --help'.\n`, 125);
    let prompt = '';
    if (!flags.force) {
      prompt = `${flags.all ? ALL : NORMAL} [y/N] `;
      // bufio ReadLine drops the line's "\n" or "\r\n"; nothing is trimmed.
      if ((env.stdin.split('\n')[0] ?? '').replace(/\r$/, '').toLowerCase() !== 'y') return R(prompt);
    }
    // builder.New (--builder, else the current one); a docker-container builder's BuildKit is asked through its container.
    const b = await resolve(env.fs, (flags as Record<string, unknown>).builder as string | undefined);
    if ('error' in b) return R(prompt, `ERROR: ${b.error}\n`, 1);
    if (b.ng) return R(prompt, noContainer(b.ng), 1);
    return R(`${prompt}Total:\t0B\n`);
  },
});
