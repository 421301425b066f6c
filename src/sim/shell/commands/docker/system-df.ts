/**
 * `docker system df [-v] [--format F]` over the image store, containers and volumes.
 * docker/cli@v27.3.1:cli/command/formatter/disk_usage.go (the four summary rows, their
 * Reclaimable arithmetic, and the verbose sections); sizes are go-units HumanSize.
 */
import type { ExecResult } from '../../../api.ts';
import { stateString } from '../../../docker/container.ts';
import { humanSize, humanSizeWithPrecision } from '../../../image/units.ts';
import { layerSizes } from './inspect-doc.ts';
import { familiarName, parseNormalizedNamed } from '../../../../oci/reference.ts';
import type { CmdEnv } from '../../types.ts';
import { writeList } from '../../kit/listformat.ts';
import { tabwriter } from '../../kit/tabwriter.ts';
import { GoStruct } from '../../kit/template/index.ts';
import { createdAgo } from '../../../image/units.ts';
import { arity } from './errors.ts';
import { defineCommand, FORMAT_HELP } from './define.ts';

const HEADER = { Type: 'TYPE', TotalCount: 'TOTAL', Active: 'ACTIVE', Size: 'SIZE', Reclaimable: 'RECLAIMABLE' };
/** go-units HumanSize: four significant digits (docker/cli@v27.3.1:vendor/github.com/docker/go-units/size.go), which
 * formatter/disk_usage.go prints every total with, and image.go the SHARED SIZE and UNIQUE SIZE (SIZE has three). */
const goHumanSize = (n: number) => humanSizeWithPrecision(n, 4);
const pct = (part: number, total: number) => (total > 0 ? `${goHumanSize(part)} (${Math.floor((part * 100) / total)}%)` : goHumanSize(part));

function verbose(
  env: CmdEnv,
  images: ReturnType<Awaited<ReturnType<CmdEnv['daemon']['imageLib']>>['store']['all']>,
  containers: ReturnType<CmdEnv['daemon']['containers']['values']> extends Iterable<infer C> ? C[] : never,
  volumes: { name: string }[],
  volUsers: (n: string) => number,
  used: (id: string) => number,
  shared: (li: (typeof images)[number]) => number,
): ExecResult {
  const now = env.host.clock.nowMs;
  const table = (rows: string[][]) => tabwriter(`${rows.map((r) => r.join('\t')).join('\n')}\n`, 10, 3);
  const imgRows = [['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE', 'SHARED SIZE', 'UNIQUE SIZE', 'CONTAINERS']];
  for (const li of images) {
    const tag = [...li.tags][0];
    let repo = '<none>';
    let t = '<none>';
    if (tag) {
      try {
        const ref = parseNormalizedNamed(tag);
        if (ref.tag) {
          repo = familiarName(ref);
          t = ref.tag;
        }
      } catch {
        // an unparsable tag stays <none>, as the CLI's `continue` skips it
      }
    }
    const sh = shared(li);
    imgRows.push([
      repo,
      t,
      li.image.id.slice(7, 19),
      createdAgo(li.createdMs, now),
      humanSize(li.image.size),
      goHumanSize(sh),
      goHumanSize(li.image.size - sh),
      String(used(li.image.id)),
    ]);
  }
  const ctrRows = [['CONTAINER ID', 'IMAGE', 'COMMAND', 'LOCAL VOLUMES', 'SIZE', 'CREATED', 'STATUS', 'NAMES']];
  for (const c of containers) {
    const argv = [...(c.config.Entrypoint ?? []), ...(c.config.Cmd ?? [])].join(' ');
    const cmd = [...argv].length > 20 ? `${[...argv].slice(0, 19).join('')}…` : argv;
    const status =
      c.status === 'running'
        ? `Up ${createdAgo(c.startedMs, now).replace(/ ago$/, '')}${c.paused ? ' (Paused)' : ''}`
        : c.status === 'created'
          ? 'Created'
          : `Exited (${c.exitCode}) ${createdAgo(c.finishedMs, now)}`;
    // formatter/disk_usage.go: SizeRootFs zeroed, so ContainerContext.Size is HumanSizeWithPrecision(SizeRw, 3) alone.
    const rw = humanSizeWithPrecision(layerSizes(env.daemon, c).rw, 3);
    ctrRows.push([c.id.slice(0, 12), c.imageArg, JSON.stringify(cmd), '0', rw, createdAgo(c.createdMs, now), status, c.name]);
  }
  const volRows = [['VOLUME NAME', 'LINKS', 'SIZE'], ...volumes.map((v) => [v.name, String(volUsers(v.name)), '0B'])];
  const bcRows = [['CACHE ID', 'CACHE TYPE', 'SIZE', 'CREATED', 'LAST USED', 'USAGE', 'SHARED']];
  const out = `Images space usage:\n\n${table(imgRows)}\nContainers space usage:\n\n${table(ctrRows)}\nLocal Volumes space usage:\n\n${table(volRows)}\nBuild cache usage: 0B\n\n${table(bcRows)}`;
  return { stdout: out, stderr: '', exitCode: 0 };
}

// docker/cli@v27.3.1:cli/command/system/df.go
export default defineCommand({
  use: 'df [OPTIONS]',
  short: 'Show docker disk usage',
  flags: [
    { long: 'format', type: 'string', usage: FORMAT_HELP },
    { long: 'verbose', short: 'v', type: 'bool', usage: 'Show detailed information on space usage' },
  ],
  async run(flags, rest, env, cmd) {
    const argErr = arity(cmd, rest.length, 0);
    if (argErr) return argErr;
    const lib = await env.daemon.imageLib();
    const images = lib.store.all();
    const containers = [...env.daemon.containers.values()];
    const active = (s: string) => s === 'running' || s === 'paused' || s === 'restarting';
    // LayersSize: every distinct layer once; an image's SharedSize: its layers other images use too.
    const layerUse = new Map<string, { size: number; n: number }>();
    for (const li of images) for (const l of li.image.layers) layerUse.set(l.diffId, { size: l.size, n: (layerUse.get(l.diffId)?.n ?? 0) + 1 });
    const layersSize = [...layerUse.values()].reduce((n, l) => n + l.size, 0);
    const used = (id: string) => containers.filter((c) => c.image.id === id).length;
    const shared = (li: (typeof images)[number]) => li.image.layers.filter((l) => (layerUse.get(l.diffId)?.n ?? 0) > 1).reduce((n, l) => n + l.size, 0);
    const rwOf = (cs: typeof containers) => cs.reduce((n, c) => n + layerSizes(env.daemon, c).rw, 0);
    const volumes = lib.volumes.all();
    const volUsers = (name: string) => containers.filter((c) => (lib.mounts.get(c.id) ?? []).some((m) => (m as { name?: string }).name === name)).length;
    if (flags.verbose && !flags.format) return verbose(env, images, containers, volumes, volUsers, used, shared);
    let usedImg = 0;
    for (const li of images) if (used(li.image.id)) usedImg += li.image.size - shared(li);
    const rows = [
      {
        Type: 'Images',
        TotalCount: String(images.length),
        Active: String(images.filter((li) => used(li.image.id) > 0).length),
        Size: goHumanSize(layersSize),
        Reclaimable: pct(layersSize - usedImg, layersSize),
      },
      // formatter/disk_usage.go diskUsageContainersContext: the SizeRw of all, reclaimable those of the inactive ones.
      {
        Type: 'Containers',
        TotalCount: String(containers.length),
        Active: String(containers.filter((c) => active(stateString(c))).length),
        Size: goHumanSize(rwOf(containers)),
        Reclaimable: pct(rwOf(containers.filter((c) => !active(stateString(c)))), rwOf(containers)),
      },
      {
        Type: 'Local Volumes',
        TotalCount: String(volumes.length),
        Active: String(volumes.filter((v) => volUsers(v.name) > 0).length),
        Size: goHumanSize(0),
        Reclaimable: pct(0, 0),
      },
      { Type: 'Build Cache', TotalCount: '0', Active: '0', Size: '0B', Reclaimable: '0B' },
    ].map((r) => new GoStruct('*formatter.diskUsageContext', r, undefined, undefined, true));
    const format = (flags.format as string | undefined) || 'table {{.Type}}\t{{.TotalCount}}\t{{.Active}}\t{{.Size}}\t{{.Reclaimable}}';
    return writeList(format === 'table' ? 'table {{.Type}}\t{{.TotalCount}}\t{{.Active}}\t{{.Size}}\t{{.Reclaimable}}' : format, rows, HEADER);
  },
});
