/**
 * Container storage commands: `docker diff` (from the overlay upperdir),
 * `docker commit`, `docker volume create|ls|inspect|rm|prune`, and
 * `docker system prune`.
 */
import type { ExecResult } from '../../../api.ts';
import { parseNormalizedNamed, tagNameOnly } from '../../../../oci/reference.ts';
import { commitImage } from '../../../image/container-fs.ts';
import { formatDiff } from '../../../image/overlay.ts';
import { tagKey } from '../../../image/store.ts';
import { humanSize } from '../../../image/units.ts';
import { parseFlags, type FlagDef } from '../../args.ts';
import type { CmdEnv } from '../../types.ts';
import { formatted } from './image.ts';
import { argsError, confirmed } from './errors.ts';
import { GoFunc } from '../../kit/template/index.ts';
import { FilterArgs, labelMap, parseFilters } from './filters.ts';
import { pruneContainers } from './container-prune.ts';
import { pruneImages } from './image.ts';
import { pruneNetworks } from './network.ts';
import { contentSize } from '../../../image/tree.ts';
import { templated } from './format.ts';

type Sub = (args: string[], env: CmdEnv) => Promise<ExecResult>;
const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });
const flagErr = (cmd: string, e: string) => R('', `${e}\nSee 'docker ${cmd} --help'.\n`, 125);
const countOf = (n: string) => {
  const m = /^(at least |at most |exactly )?(\d+) argument/.exec(n);
  return { kind: (m?.[1]?.trim() ?? 'exactly') as 'at least' | 'at most' | 'exactly', count: Number(m?.[2] ?? 1) };
};
const needs = (cmd: string, n: string, usage: string, what: string) => argsError(`docker ${cmd}`, countOf(n).kind, countOf(n).count, usage, what);

export const diff: Sub = async (args, env) => {
  const p = parseFlags(args, [], true);
  if (!p.ok) return flagErr('diff', p.error);
  if (p.rest.length !== 1) return needs('diff', 'exactly 1 argument', 'CONTAINER', "Inspect changes to files or directories on a container's filesystem");
  const c = env.daemon.find(p.rest[0] as string);
  if (!c) return R('', `Error response from daemon: No such container: ${p.rest[0]}\n`, 1);
  const root = env.daemon.lib?.rootfs.get(c.id)?.root;
  return R(root ? formatDiff(root.diff()) : '');
};

const COMMIT_FLAGS: FlagDef[] = [
  { long: 'author', short: 'a', type: 'string' }, { long: 'message', short: 'm', type: 'string' }, { long: 'change', short: 'c', type: 'list' }, { long: 'pause', short: 'p', type: 'bool' },
];

export const commit: Sub = async (args, env) => {
  const p = parseFlags(args, COMMIT_FLAGS, true);
  if (!p.ok) return flagErr('commit', p.error);
  // docker/cli@v27.3.1:cli/required.go RequiresRangeArgs(1, 2).
  if (p.rest.length < 1 || p.rest.length > 2)
    return R('', `"docker commit" requires at least 1 and at most 2 arguments.\nSee 'docker commit --help'.\n\nUsage:  docker commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]\n\nCreate a new image from a container's changes\n`, 1);
  const c = env.daemon.find(p.rest[0] as string);
  if (!c) return R('', `Error response from daemon: No such container: ${p.rest[0]}\n`, 1);
  const lib = await env.daemon.imageLib();
  const base = lib.imageOf(c);
  const root = lib.rootfs.get(c.id)?.root;
  if (!base || !root) return R('', `Error response from daemon: No such container: ${p.rest[0]}\n`, 1);
  let key: string | undefined;
  if (p.rest[1]) {
    try {
      const ref = parseNormalizedNamed(p.rest[1]);
      if (ref.digest) return R('', `Error response from daemon: invalid reference format\n`, 1);
      key = tagKey(tagNameOnly(ref));
    } catch (e) {
      return R('', `Error response from daemon: ${(e as Error).message}\n`, 1);
    }
  }
  const cfg = base.image.config.config;
  // moby@v27.3.1:daemon/commit.go: --change goes through dockerfile.BuildFromConfig (build/changes.ts).
  const { applyChanges } = await import('../../../build/changes.ts');
  const config = applyChanges({ ...cfg, Env: c.config.Env, Cmd: c.config.Cmd, Entrypoint: c.config.Entrypoint, ...(c.config.User ? { User: c.config.User } : {}), ...(c.config.WorkingDir ? { WorkingDir: c.config.WorkingDir } : {}) }, (p.flags.change as string[] | undefined) ?? []);
  if ('error' in config) return R('', `Error response from daemon: ${config.error as string}\n`, 1);
  const image = await commitImage(base.image, root, {
    createdBy: [...(c.config.Entrypoint ?? []), ...(c.config.Cmd ?? [])].join(' '),
    createdMs: env.host.clock.nowMs,
    config,
    ...(p.flags.author ? { author: p.flags.author as string } : {}),
    ...(p.flags.message ? { message: p.flags.message as string } : {}),
  });
  await lib.store.add(image);
  if (key) lib.store.setTag(key, image.id);
  return R(`${image.id}\n`);
};

const users = (env: CmdEnv) => (name: string) => env.daemon.lib?.usersOf(name, env.daemon.containers.values()) ?? [];

const volumeCreate: Sub = async (args, env) => {
  const p = parseFlags(args, [{ long: 'driver', short: 'd', type: 'string' }, { long: 'label', type: 'list' }, { long: 'name', type: 'string' }, { long: 'opt', short: 'o', type: 'list' }], true);
  if (!p.ok) return flagErr('volume create', p.error);
  if (p.rest.length > 1) return needs('volume create', 'at most 1 argument', '[OPTIONS] [VOLUME]', 'Create a volume');
  const driver = (p.flags.driver as string | undefined) ?? 'local';
  if (driver !== 'local') return R('', `Error response from daemon: create ${p.rest[0] ?? ''}: error looking up volume plugin ${driver}: plugin "${driver}" not found\n`, 1);
  const lib = await env.daemon.imageLib();
  const labels = labelMap(p.flags.label as string[] | undefined);
  const name = p.rest[0] ?? (p.flags.name as string | undefined);
  const vname = name ?? env.host.rng.hex(64);
  const existed = Boolean(lib.volumes.get(vname));
  const r = lib.volumes.create(vname, { nowMs: env.host.clock.nowMs, anonymous: name === undefined, ...(Object.keys(labels).length ? { labels } : {}) });
  // moby@v27.3.1:daemon/volumes.go LogVolumeEvent(…, "create", {"driver": "local"}).
  if (r.exitCode === 0 && !existed) env.daemon.emit('volume', 'create', vname, { driver: 'local' });
  return R(r.stdout, r.stderr, r.exitCode);
};

const volumeLs: Sub = async (args, env) => {
  const p = parseFlags(args, [{ long: 'quiet', short: 'q', type: 'bool' }, { long: 'filter', short: 'f', type: 'list' }, { long: 'format', type: 'string' }], true);
  if (!p.ok) return flagErr('volume ls', p.error);
  let dangling: boolean | undefined;
  for (const f of (p.flags.filter as string[] | undefined) ?? []) {
    const [k, v] = [f.slice(0, f.indexOf('=')), f.slice(f.indexOf('=') + 1)];
    if (k !== 'dangling' || !['true', 'false', '1', '0'].includes(v)) return R('', `Error response from daemon: invalid filter '${f}'\n`, 1);
    dangling = v === 'true' || v === '1';
  }
  const lib = await env.daemon.imageLib();
  if (p.flags.format !== undefined) {
    const names = lib.volumes.ls({ quiet: true, ...(dangling !== undefined ? { dangling } : {}), users: users(env) }).split('\n').filter(Boolean);
    if (p.flags.quiet) return R(names.map((n) => `${n}\n`).join(''));
    // docker/cli@v27.3.1:cli/command/formatter/volume.go: volumeContext's methods and header map.
    const docs = names.map((n) => ({
      Name: n, Driver: 'local', Scope: 'local', Mountpoint: `/var/lib/docker/volumes/${n}/_data`, Labels: '', Links: 'N/A', Size: 'N/A',
      Group: 'N/A', Availability: 'N/A', Status: 'N/A', Label: new GoFunc(['string'], () => ''),
    }));
    return formatted(docs, p.flags.format as string, {
      ID: 'ID', Name: 'VOLUME NAME', Group: 'GROUP', Driver: 'DRIVER', Scope: 'SCOPE', Availability: 'AVAILABILITY', Mountpoint: 'MOUNTPOINT',
      Labels: 'LABELS', Links: 'LINKS', Size: 'SIZE', Status: 'STATUS',
    }, '*formatter.volumeContext');
  }
  return R(lib.volumes.ls({ quiet: Boolean(p.flags.quiet), ...(dangling !== undefined ? { dangling } : {}), users: users(env) }));
};

const volumeInspect: Sub = async (args, env) => {
  const p = parseFlags(args, [{ long: 'format', short: 'f', type: 'string' }], true);
  if (!p.ok) return flagErr('volume inspect', p.error);
  if (!p.rest.length) return needs('volume inspect', 'at least 1 argument', '[OPTIONS] VOLUME [VOLUME...]', 'Display detailed information on one or more volumes');
  const lib = await env.daemon.imageLib();
  const docs = p.rest.map((n) => lib.volumes.inspect(n)).filter((d): d is Record<string, unknown> => d !== undefined);
  const err = p.rest.filter((n) => !lib.volumes.get(n)).map((n) => `Error response from daemon: get ${n}: no such volume\n`).join('');
  return templated(docs, p.flags.format as string | undefined, err);
};

const volumeRm: Sub = async (args, env) => {
  const p = parseFlags(args, [{ long: 'force', short: 'f', type: 'bool' }], true);
  if (!p.ok) return flagErr('volume rm', p.error);
  if (!p.rest.length) return needs('volume rm', 'at least 1 argument', '[OPTIONS] VOLUME [VOLUME...]', 'Remove one or more volumes. You cannot remove a volume that is in use by a container.');
  const lib = await env.daemon.imageLib();
  const r = lib.volumes.rm(p.rest, { force: Boolean(p.flags.force), users: users(env) });
  return R(r.stdout, r.stderr, r.exitCode);
};

const volumePrune: Sub = async (args, env) => {
  const p = parseFlags(args, [{ long: 'all', short: 'a', type: 'bool' }, { long: 'force', short: 'f', type: 'bool' }, { long: 'filter', type: 'list' }], true);
  if (!p.ok) return flagErr('volume prune', p.error);
  const { filters, error } = parseFilters(p.flags.filter as string[] | undefined);
  if (error) return flagErr('volume prune', error);
  // docker/cli@v27.3.1:cli/command/volume/prune.go: --all is the filter all=true, and the warning says "all".
  if (p.flags.all) {
    if (filters.contains('all')) return R('', 'conflicting options: cannot specify both --all and --filter all=1\n', 1);
    filters.add('all', 'true');
  }
  const warning = p.flags.all
    ? 'WARNING! This will remove all local volumes not used by at least one container.'
    : 'WARNING! This will remove anonymous local volumes not used by at least one container.';
  const prompt = p.flags.force ? '' : `${warning}\nAre you sure you want to continue? [y/N] `;
  if (!p.flags.force && !confirmed(env.stdin)) return R(prompt);
  const r = await pruneVolumes(env, filters);
  return R(prompt + r.stdout, r.stderr, r.exitCode);
};

const GO_BOOL: Record<string, boolean> = { 1: true, t: true, T: true, TRUE: true, true: true, True: true, 0: false, f: false, F: false, FALSE: false, false: false, False: false };

/**
 * moby@v27.3.1:volume/service/service.go Prune: unused local volumes whose labels match `label`
 * and not `label!`; without all=true, withPrune (convert.go) adds the anonymous volumes' label.
 */
async function pruneVolumes(env: CmdEnv, given: FilterArgs): Promise<ExecResult> {
  const daemonErr = (e: string) => R('', `Error response from daemon: ${e}\n`, 1);
  const filters = new FilterArgs();
  for (const [k, vs] of given.fields) for (const v of vs) filters.add(k, v);
  const all = filters.get('all');
  if (all.length > 1) return daemonErr(`invalid filter 'all=[${all.join(' ')}]': only one value is expected`);
  const allOn = all.length === 1 ? GO_BOOL[all[0] as string] : false;
  if (allOn === undefined) return daemonErr(`invalid filter 'all': strconv.ParseBool: parsing ${JSON.stringify(all[0])}: invalid syntax`);
  if (!allOn) filters.add('label', 'com.docker.volume.anonymous');
  const bad = filters.validate(['label', 'label!', 'all']);
  if (bad) return daemonErr(bad);
  const lib = await env.daemon.imageLib();
  const r = lib.volumes.prune({ all: true, users: users(env), match: (v) => filters.matchLabels(v.labels) });
  return R(r.stdout, r.stderr, r.exitCode);
}

export const VOLUME_SUBS: Record<string, Sub> = { create: volumeCreate, ls: volumeLs, list: volumeLs, inspect: volumeInspect, rm: volumeRm, remove: volumeRm, prune: volumePrune };

/** docker/cli@v27.3.1:cli/command/system/prune.go confirmationTemplate, the filters as confirmationMessage lists them. */
function systemPrunePrompt(flags: Record<string, unknown>, filters: FilterArgs): string {
  const items = [
    'all stopped containers',
    'all networks not used by at least one container',
    ...(flags.volumes ? ['all anonymous volumes not used by at least one container'] : []),
    flags.all ? 'all images without at least one container associated to them' : 'all dangling images',
    flags.all ? 'all build cache' : 'unused build cache',
  ];
  // Sorted with sortorder.NaturalLess; the values here compare the same as plain strings but for digit runs.
  const listed = ['label', 'label!', 'until'].flatMap((n) => filters.get(n).map((v) => `${n}=${v}`)).sort(naturalLess);
  const filterText = listed.length ? `\n  Items to be pruned will be filtered with:${listed.map((f) => `\n  - ${f}`).join('')}\n` : '';
  return `WARNING! This will remove:${items.map((i) => `\n  - ${i}`).join('')}\n${filterText}\nAre you sure you want to continue? [y/N] `;
}

/** github.com/fvbommel/sortorder NaturalLess: digit runs compare by value. */
function naturalLess(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true, sensitivity: 'variant', caseFirst: 'upper' });
}

/** `docker system prune [-a] [--volumes] [-f] [--filter …]`: stopped containers, unused networks, dangling (or all unused) images, build cache. */
export const systemPrune: Sub = async (args, env) => {
  const p = parseFlags(args, [{ long: 'all', short: 'a', type: 'bool' }, { long: 'force', short: 'f', type: 'bool' }, { long: 'volumes', type: 'bool' }, { long: 'filter', type: 'list' }], true);
  if (!p.ok) return flagErr('system prune', p.error);
  const { filters, error } = parseFilters(p.flags.filter as string[] | undefined);
  if (error) return flagErr('system prune', error);
  // docker/cli@v27.3.1:cli/command/system/prune.go runPrune.
  if (p.flags.volumes && filters.contains('until')) return R('', 'ERROR: The "until" filter is not supported with "--volumes"\n', 1);
  const prompt = p.flags.force ? '' : systemPrunePrompt(p.flags, filters);
  if (!p.flags.force && !confirmed(env.stdin)) return R(prompt);
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
  if (p.flags.volumes) {
    const before = lib.volumes.all().reduce((sum, v) => sum + contentSize(v.data), 0);
    const v = await pruneVolumes(env, filters);
    if (v.exitCode) return R(out, v.stderr, v.exitCode);
    out += v.stdout.replace(/Total reclaimed space: .*\n$/, '');
    reclaimed += before - lib.volumes.all().reduce((sum, x) => sum + contentSize(x.data), 0);
  }
  const imageFilters = new FilterArgs();
  for (const [k, vs] of filters.fields) for (const v of vs) imageFilters.add(k, v);
  imageFilters.add('dangling', String(!p.flags.all));
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
  out += `Total reclaimed space: ${humanSize(reclaimed + cacheBytes)}\n`;
  return R(out);
};
