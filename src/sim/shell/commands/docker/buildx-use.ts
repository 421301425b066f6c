/**
 * `docker buildx use [NAME]` (docker/buildx@v0.17.1:commands/use.go runUse): an instance of the store becomes
 * current (store.Txn.SetCurrent under the default context's endpoint, buildx-store.ts); "default", the context's
 * own builder, clears it. Another name is the store's error, wrapped.
 */
import { defineCommand } from './define.ts';
import { R, bxArity } from './buildx.ts';
import { byName, setCurrent } from './buildx-store.ts';

export default defineCommand({
  use: 'use [OPTIONS] NAME',
  short: 'Set the current builder instance',
  flags: [
    { long: 'global', type: 'bool', usage: 'Builder persists context changes' },
    { long: 'default', type: 'bool', usage: 'Set builder as default for current context' },
  ],
  async run(flags, rest, env, cmd) {
    const bad = bxArity(cmd, rest.length, 'max1');
    if (bad) return bad;
    // options.builder = rootOpts.builder (the persistent --builder), then the argument.
    const name = rest[0] ?? ((flags as Record<string, unknown>).builder as string | undefined) ?? '';
    const found = await byName(env.fs, name);
    if ('ng' in found) {
      // SetCurrent(ep, name, global, default): --default also writes defaults/<hash of the endpoint>, which the
      // store reads only when `current` names no instance; node1 has one endpoint, so `current` is what counts.
      await setCurrent(env.fs, found.ng.Name, Boolean(flags.global));
      return R('');
    }
    // The context's builder (node1's one context is "default", the current one): current cleared.
    if (found.notExist && name === 'default') {
      await setCurrent(env.fs, '', false);
      return R('');
    }
    return R('', `ERROR: failed to find instance ${JSON.stringify(name)}: ${found.error}\n`, 1);
  },
});
