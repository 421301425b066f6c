import { arity, flagError } from './errors.ts';
import { confirmed } from './errors.ts';
import { parseFilters } from './filters.ts';
import { R, pruneImages } from './image.ts';
import { defineCommand } from './define.ts';

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
    // cli.NoArgs (docker/cli@v27.3.1).
    const argErr = arity(cmd, rest.length, 0);
    if (argErr) return argErr;
    const { filters, error } = parseFilters(flags.filter as string[] | undefined);
    if (error) return flagError(cmd.path, error);
    // docker/cli@v27.3.1:cli/command/image/prune.go: the CLI adds dangling=!all to the learner's filters.
    filters.add('dangling', String(!flags.all));
    let prompt = '';
    if (!flags.force) {
      const warn = flags.all
        ? 'WARNING! This will remove all images without at least one container associated to them.'
        : 'WARNING! This will remove all dangling images.';
      prompt = `${warn}\nAre you sure you want to continue? [y/N] `;
      // A "no" is errdefs.Cancelled: main exits 0 without a message.
      if (!confirmed(env.stdin)) return R(prompt, '', 0);
    }
    const r = await pruneImages(env, filters);
    return R(prompt + r.stdout, r.stderr, r.exitCode);
  },
});
