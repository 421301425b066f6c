import { humanSize } from '../../../image/units.ts';
import { pruneEvent } from '../../../docker/events.ts';
import { FilterArgs } from './filters.ts';
import { startPrune } from './prune-start.ts';
import { pruneContainers } from './container-prune.ts';
import { pruneImages } from './image.ts';
import { pruneNetworks } from './network.ts';
import { contentSize } from '../../../image/tree.ts';
import { R, pruneVolumes, systemPrunePrompt } from './storage.ts';
import { defineCommand } from './define.ts';

// docker/cli@v27.3.1:cli/command/system/prune.go
/** `docker system prune [-a] [--volumes] [-f] [--filter …]`: stopped containers, unused networks, dangling (or all unused) images, build cache. */
export default defineCommand({
  use: 'prune [OPTIONS]',
  short: 'Remove unused data',
  flags: [
    { long: 'all', short: 'a', type: 'bool', usage: 'Remove all unused images not just dangling ones' },
    { long: 'filter', type: 'filter', usage: 'Provide filter values (e.g. "label=<key>=<value>")' },
    { long: 'force', short: 'f', type: 'bool', usage: 'Do not prompt for confirmation' },
    { long: 'volumes', type: 'bool', usage: 'Prune anonymous volumes' },
  ],
  async run(flags, rest, env, cmd) {
    // docker/cli@v27.3.1:cli/command/system/prune.go runPrune.
    const noUntil = (filters: FilterArgs) =>
      flags.volumes && filters.contains('until') ? 'ERROR: The "until" filter is not supported with "--volumes"' : undefined;
    const start = startPrune(env, cmd, rest, flags, (filters) => systemPrunePrompt(flags, filters), noUntil);
    if ('done' in start) return start.done;
    const { filters, prompt } = start;
    const lib = await env.daemon.imageLib();
    let out = prompt;
    const fail = (e: string) => R(out, `Error response from daemon: ${e}\n`, 1);
    // pruneFuncs in order: containers, networks, volumes (--volumes), images, build cache; each one's output then a blank line.
    const c = pruneContainers(env, filters);
    if ('error' in c) return fail(c.error);
    if (c.gone.length) out += `Deleted Containers:\n${c.gone.map((id) => `${id}\n`).join('')}\n`;
    const n = pruneNetworks(env, filters);
    if ('error' in n) return fail(n.error);
    if (n.gone.length) out += `Deleted Networks:\n${n.gone.map((name) => `${name}\n`).join('')}\n`;
    let reclaimed = 0;
    if (flags.volumes) {
      const before = lib.volumes.all().reduce((sum, v) => sum + contentSize(v.data), 0);
      const v = await pruneVolumes(env, filters);
      if (v.exitCode) return R(out, v.stderr, v.exitCode);
      out += v.stdout.replace(/Total reclaimed space: .*\n$/, '');
      reclaimed += before - lib.volumes.all().reduce((sum, x) => sum + contentSize(x.data), 0);
    }
    const imageFilters = new FilterArgs();
    for (const [k, vs] of filters.fields) for (const v of vs) imageFilters.add(k, v);
    imageFilters.add('dangling', String(!flags.all));
    const before = lib.store.totalSize();
    const img = await pruneImages(env, imageFilters);
    if (img.exitCode) return R(out, img.stderr, img.exitCode);
    out += img.stdout.replace(/Total reclaimed space: .*\n$/, '');
    reclaimed += before - lib.store.totalSize();
    const builder = await lib.builder();
    const cacheBytes = [...builder.cache.values()].reduce((sum, r) => sum + (r.layer?.size ?? 0), 0);
    const cache = builder.cache.size;
    if (cache) {
      builder.prune();
      out += `Deleted build cache objects:\n${[...Array(cache).keys()].map(() => `${env.host.rng.hex(25)}\n`).join('')}\n`;
    }
    pruneEvent(env.daemon, 'builder', cacheBytes); // moby@v27.3.1:api/server/backend/build/backend.go PruneCache
    out += `Total reclaimed space: ${humanSize(reclaimed + cacheBytes)}\n`;
    return R(out);
  },
});
