/**
 * `docker buildx stop [NAME]` (docker/buildx@v0.17.1:commands/stop.go runStop): the builder's nodes are stopped;
 * the default builder's (the daemon's BuildKit) cannot be and is left, and node1's docker-container builders
 * never ran (their container was not made: buildx-store.ts bootError), so there is nothing to stop: no output.
 */
import { defineCommand } from './define.ts';
import { R, bxArity } from './buildx.ts';
import { resolve } from './buildx-store.ts';

export default defineCommand({
  use: 'stop [NAME]',
  short: 'Stop builder instance',
  flags: [],
  async run(flags, rest, env, cmd) {
    const bad = bxArity(cmd, rest.length, 'max1');
    if (bad) return bad;
    const r = await resolve(env.fs, rest[0] ?? ((flags as Record<string, unknown>).builder as string | undefined));
    return 'error' in r ? R('', `ERROR: ${r.error}\n`, 1) : R('');
  },
});
