import type { ExecResult } from '../../../api.ts';
import { BadPattern } from '../../../../oci/pathmatch.ts';
import { arity } from './errors.ts';
import { formatImages, imageRows, type ImagesOptions } from '../../../image/format.ts';
import { displayRef } from '../../../image/store.ts';
import { getTimestamp } from '../../kit/timestamp.ts';
import { FilterArgs } from './filters.ts';
import type { CmdEnv } from '../../types.ts';
import { createdAgo, humanSize, humanSizeWithPrecision } from '../../../image/units.ts';
import { goTimeString } from '../../kit/gotime.ts';
import { R, formatted } from './image.ts';
import { defineCommand, FORMAT_HELP } from './define.ts';

// docker/cli@v27.3.1:cli/command/image/list.go
export default defineCommand({
  use: 'images [OPTIONS] [REPOSITORY[:TAG]]',
  short: 'List images',
  aliases: 'docker image ls, docker image list, docker images',
  top: 7,
  flags: [
    { long: 'all', short: 'a', type: 'bool', usage: 'Show all images (default hides intermediate images)' },
    { long: 'digests', type: 'bool', usage: 'Show digests' },
    { long: 'filter', short: 'f', type: 'filter', usage: 'Filter output based on conditions provided' },
    { long: 'format', type: 'string', usage: FORMAT_HELP },
    { long: 'no-trunc', type: 'bool', usage: "Don't truncate output" },
    { long: 'quiet', short: 'q', type: 'bool', usage: 'Only show image IDs' },
    { long: 'tree', type: 'bool', usage: 'List multi-platform images as a tree (EXPERIMENTAL)' },
  ],
  async run(flags, rest, env, cmd) {
    const argErr = arity(cmd, rest.length, 0, 1);
    if (argErr) return argErr;
    let dangling: boolean | undefined;
    // Every reference= value is a pattern, ORed (moby@v27.3.1:daemon/images/image_list.go); the CLI adds the positional
    // REPOSITORY[:TAG] as one more (docker/cli@v27.3.1:cli/command/image/list.go: filters.Add("reference", options.matchName)).
    const references: string[] = [];
    const args = new FilterArgs();
    for (const f of (flags.filter as string[] | undefined) ?? []) {
      const [k, v = ''] = [f.slice(0, f.indexOf('=')), f.slice(f.indexOf('=') + 1)];
      if (k === 'dangling') {
        if (!['true', 'false', '1', '0'].includes(v)) return R('', `Error response from daemon: invalid filter 'dangling=[${v}]'\n`, 1); // filters.Args.GetBoolOrDefault: invalidFilter{key, values}
        dangling = v === 'true' || v === '1';
      } else if (k === 'reference') references.push(v);
      else if (!['before', 'since', 'label', 'until'].includes(k) || !f.includes('='))
        return R('', `Error response from daemon: invalid filter '${k || f}'\n`, 1);
      else args.add(k, v);
    }
    if (rest[0] !== undefined) references.push(rest[0]);
    const bounds = await imageSpan(args, env);
    if (typeof bounds === 'string') return R('', `Error response from daemon: ${bounds}\n`, 1);
    try {
      return await list(flags, references, dangling, env, bounds);
    } catch (e) {
      // Go's path.ErrBadPattern from reference.FamiliarMatch, returned by the daemon as is.
      if (e instanceof BadPattern) return R('', `Error response from daemon: ${e.message}\n`, 1);
      throw e;
    }
  },
});

/**
 * moby@v27.3.1:daemon/images/image_list.go Images: before= resolves to the oldest image named (GetImage's
 * "No such image" when one is missing), until= lowers that bound to a timestamp, since= to the newest image
 * named; label= is filters.Args.MatchKVList on the image's config labels.
 */
async function imageSpan(args: FilterArgs, env: CmdEnv): Promise<ImagesOptions['span'] | string> {
  const lib = await env.daemon.imageLib();
  const w: NonNullable<ImagesOptions['span']> = {};
  const created = (ref: string): number | string => lib.store.lookup(ref)?.createdMs ?? `No such image: ${displayRef(ref)}`;
  for (const ref of args.get('before')) {
    const ms = created(ref);
    if (typeof ms === 'string') return ms;
    if (w.beforeMs === undefined || w.beforeMs > ms) w.beforeMs = ms;
  }
  for (const v of args.get('until')) {
    const t = getTimestamp(v, env.host.clock.nowMs);
    if ('error' in t) return t.error;
    if (w.beforeMs === undefined || w.beforeMs > t.ms) w.beforeMs = t.ms;
  }
  for (const ref of args.get('since')) {
    const ms = created(ref);
    if (typeof ms === 'string') return ms;
    if (w.sinceMs === undefined || w.sinceMs < ms) w.sinceMs = ms;
  }
  const labels: typeof w.labels = (l) => l !== undefined && args.matchKVList('label', l);
  if (args.contains('label')) w.labels = labels;
  return w;
}

async function list(
  flags: Record<string, unknown>,
  references: string[],
  dangling: boolean | undefined,
  env: CmdEnv,
  bounds: ImagesOptions['span'],
): Promise<ExecResult> {
  const lib = await env.daemon.imageLib();
  // docker/cli@v27.3.1:cli/command/image/list.go runImages: what --tree does not take yet (main prints it, status 1).
  if (flags.tree) {
    const not = flags.quiet
      ? '--quiet'
      : flags['no-trunc']
        ? '--no-trunc'
        : flags.digests
          ? '--show-digest'
          : flags.format !== undefined && flags.format !== ''
            ? '--format'
            : undefined;
    if (not) return R('', `${not} is not yet supported with --tree\n`, 1);
    const rows = imageRows(lib.store, { nowMs: env.host.clock.nowMs, ...(dangling !== undefined ? { dangling } : {}), references, span: bounds });
    const { imageTree } = await import('./images-tree.ts');
    return R(imageTree(rows, env.tty, env.columns));
  }
  if (flags.format !== undefined) {
    const rows = imageRows(lib.store, { nowMs: env.host.clock.nowMs, ...(dangling !== undefined ? { dangling } : {}), references, span: bounds });
    const docs = rows.map((r) => ({
      Repository: r.repo,
      Tag: r.tag,
      Digest: r.digest,
      ID: flags['no-trunc'] ? r.li.image.id : r.li.image.id.slice(7, 19),
      CreatedSince: createdAgo(r.li.createdMs, env.host.clock.nowMs),
      CreatedAt: goTimeString(Math.floor(r.li.createdMs / 1000) * 1000),
      Size: humanSize(r.li.image.size),
      // docker/cli@v27.3.1:cli/command/formatter/image.go: -1 (not computed by `docker images`) is N/A.
      Containers: 'N/A',
      SharedSize: 'N/A',
      UniqueSize: 'N/A',
      // VirtualSize (deprecated, = Size) is units.HumanSize: four significant digits, where Size has three.
      VirtualSize: humanSizeWithPrecision(r.li.image.size, 4),
    }));
    if (flags.quiet) return R(docs.map((d) => `${d.ID}\n`).join(''));
    // docker/cli@v27.3.1:cli/command/formatter/image.go NewImageContext: the header map.
    return formatted(
      docs,
      flags.format as string,
      {
        ID: 'IMAGE ID',
        Repository: 'REPOSITORY',
        Tag: 'TAG',
        Digest: 'DIGEST',
        CreatedSince: 'CREATED',
        CreatedAt: 'CREATED AT',
        Size: 'SIZE',
        Containers: 'CONTAINERS',
        VirtualSize: 'SIZE',
        SharedSize: 'SHARED SIZE',
        UniqueSize: 'UNIQUE SIZE',
      },
      '*formatter.imageContext',
    );
  }
  return R(
    formatImages(lib.store, {
      nowMs: env.host.clock.nowMs,
      all: Boolean(flags.all),
      digests: Boolean(flags.digests),
      quiet: Boolean(flags.quiet),
      noTrunc: Boolean(flags['no-trunc']),
      ...(dangling !== undefined ? { dangling } : {}),
      references,
      span: bounds,
    }),
  );
}
