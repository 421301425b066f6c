/**
 * `docker buildx rm [NAME...]` (docker/buildx@v0.17.1:commands/rm.go runRm, rmAllInactive): each builder of the
 * store is removed (its never-made container and volume with it), "NAME removed" on stderr; a context's builder
 * cannot be; an unknown name is builder.New's error. Any failure ends with "failed to remove one or more builders".
 * --all-inactive asks first (rmInactiveWarning, buildx's prompt: only "y"/"Y" says yes), then removes every
 * inactive one: all of node1's docker-container builders.
 */
import { defineCommand } from './define.ts';
import { R } from './buildx.ts';
import { list, remove, resolve } from './buildx-store.ts';

const WARNING = 'WARNING! This will remove all builders that are not in running state. Are you sure you want to continue?';

export default defineCommand({
  use: 'rm [OPTIONS] [NAME] [NAME...]',
  short: 'Remove one or more builder instances',
  flags: [
    { long: 'keep-state', type: 'bool', usage: 'Keep BuildKit state' },
    { long: 'keep-daemon', type: 'bool', usage: 'Keep the BuildKit daemon running' },
    { long: 'all-inactive', type: 'bool', usage: 'Remove all inactive builders' },
    { long: 'force', short: 'f', type: 'bool', usage: 'Do not prompt for confirmation' },
  ],
  async run(flags, rest, env) {
    if (rest.length && flags['all-inactive']) return R('', 'ERROR: cannot specify builder name when --all-inactive is set\n', 1);
    if (flags['all-inactive']) {
      let prompt = '';
      if (!flags.force) {
        prompt = `${WARNING} [y/N] `;
        if ((env.stdin.split('\n')[0] ?? '').replace(/\r$/, '').toLowerCase() !== 'y') return R(prompt);
      }
      let removed = '';
      for (const ng of await list(env.fs)) {
        await remove(env.fs, ng.Name);
        removed += `${ng.Name} removed\n`;
      }
      return R(prompt, removed);
    }
    // options.builders: the arguments, else the persistent --builder (empty: the current builder).
    const names = rest.length ? rest : [((flags as Record<string, unknown>).builder as string | undefined) ?? ''];
    let err = '';
    let failed = false;
    for (const name of names) {
      const r = await resolve(env.fs, name);
      let why = 'error' in r ? r.error : undefined;
      // b.ContextName(): the default builder is the default context's.
      if (!why && !('error' in r) && !r.ng) why = 'context builder cannot be removed, run `docker context rm default` to remove this context';
      if (!why && !('error' in r) && r.ng) {
        await remove(env.fs, r.ng.Name);
        err += `${name} removed\n`;
        continue;
      }
      failed = true;
      err += `failed to remove ${name}: ${why}\n`;
    }
    return failed ? R('', `${err}ERROR: failed to remove one or more builders\n`, 1) : R('', err);
  },
});
