/**
 * Image commands over the content-addressed store (src/sim/image): pull, push,
 * tag, images / image ls, image inspect, history, rmi, image prune, login,
 * logout. Flags are data; output and errors are the library's (Docker 27).
 */
import type { ExecResult } from '../../../api.ts';
import { typedImage } from './inspect-typed.ts';
import { ellipsis, formatImages, imageRows, inspectImage } from '../../../image/format.ts';
import { historyRows } from '../../../image/image.ts';
import { createdAgo, humanSize, humanSizeWithPrecision } from '../../../image/units.ts';
import { imageGraphDriver } from '../../../image/container-fs.ts';
import { parseFlags, type FlagDef } from '../../args.ts';
import { fullName, parseNormalizedNamed } from '../../../../oci/reference.ts';
import type { CmdEnv } from '../../types.ts';
import { templated } from './format.ts';
import { argsError, confirmed } from './errors.ts';
import { writeList } from '../../kit/listformat.ts';
import { GoStruct } from '../../kit/template/index.ts';
import { parseFilters, type FilterArgs } from './filters.ts';
import type { LocalImage } from '../../../image/store.ts';
import { goTimeString } from '../../kit/gotime.ts';

type Sub = (args: string[], env: CmdEnv) => Promise<ExecResult>;
const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });
const flagErr = (cmd: string, e: string) => R('', `${e}\nSee 'docker ${cmd} --help'.\n`, 125);
const exactly = (cmd: string, n: number, usage: string, what: string) => argsError(`docker ${cmd}`, 'exactly', n, usage, what);
const atLeast = (cmd: string, usage: string, what: string) => argsError(`docker ${cmd}`, 'at least', 1, usage, what);


/**
 * `--format TEMPLATE` over list rows, each a typed formatter context (`typeName`) whose
 * methods are the document's fields; `table TEMPLATE` adds the header row from `headers`
 * (docker/cli@v27.3.1:cli/command/formatter/formatter.go).
 */
export function formatted(docs: Record<string, unknown>[], fmt: string, headers: Record<string, string>, typeName: string): ExecResult {
  const rows = docs.map((d) => new GoStruct(typeName, Object.fromEntries(Object.entries(d).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))), undefined, undefined, true));
  return writeList(fmt, rows, headers);
}

const PULL_FLAGS: FlagDef[] = [{ long: 'all-tags', short: 'a', type: 'bool' }, { long: 'quiet', short: 'q', type: 'bool' }, { long: 'platform', type: 'string' }];

export const pull: Sub = async (args, env) => {
  const p = parseFlags(args, PULL_FLAGS, true);
  if (!p.ok) return flagErr('pull', p.error);
  if (p.rest.length !== 1) return exactly('pull', 1, '[OPTIONS] NAME[:TAG|@DIGEST]', 'Download an image from a registry');
  const lib = await env.daemon.imageLib();
  const r = await lib.service.pull(p.rest[0] as string);
  if (p.flags.quiet && r.exitCode === 0) return R(r.stdout.split('\n').filter(Boolean).pop() + '\n');
  return R(r.stdout, r.stderr, r.exitCode);
};

export const push: Sub = async (args, env) => {
  const p = parseFlags(args, [{ long: 'all-tags', short: 'a', type: 'bool' }, { long: 'quiet', short: 'q', type: 'bool' }], true);
  if (!p.ok) return flagErr('push', p.error);
  if (p.rest.length !== 1) return exactly('push', 1, '[OPTIONS] NAME[:TAG]', 'Upload an image to a registry');
  const lib = await env.daemon.imageLib();
  if (p.flags['all-tags']) return pushAllTags(p.rest[0] as string, lib);
  const r = await lib.service.push(p.rest[0] as string);
  // --quiet: the CLI discards the progress and prints the normalized reference.
  if (p.flags.quiet && r.exitCode === 0) return R(`${/^The push refers to repository \[(.*)\]$/m.exec(r.stdout)?.[1]}:${/^(\S+): digest: /m.exec(r.stdout)?.[1]}\n`);
  return R(r.stdout, r.stderr, r.exitCode);
};

/**
 * `docker push --all-tags NAME`: every local tag of the repository, in sorted order, under
 * one "The push refers to repository" line, as the daemon streams it.
 */
async function pushAllTags(name: string, lib: Awaited<ReturnType<CmdEnv['daemon']['imageLib']>>): Promise<ExecResult> {
  let ref: ReturnType<typeof parseNormalizedNamed>;
  try {
    ref = parseNormalizedNamed(name);
  } catch (e) {
    return R('', `${(e as Error).message}\n`, 1);
  }
  if (ref.tag || ref.digest) return R('', "tag can't be used with --all-tags/-a\n", 1);
  const repo = fullName(ref);
  const tags = [...new Set(lib.store.all().flatMap((li) => [...li.tags]))]
    .filter((k) => k.startsWith(`${repo}:`))
    .map((k) => k.slice(repo.length + 1))
    .sort();
  if (!tags.length) return R('', `An image does not exist locally with the tag: ${repo}\n`, 1);
  let stdout = '';
  for (const t of tags) {
    const r = await lib.service.push(`${repo}:${t}`);
    stdout += stdout ? r.stdout.replace(/^The push refers to repository \[.*\]\n/, '') : r.stdout;
    if (r.exitCode !== 0) return R(stdout, r.stderr, r.exitCode);
  }
  return R(stdout);
}

export const tag: Sub = async (args, env) => {
  const p = parseFlags(args, [], true);
  if (!p.ok) return flagErr('tag', p.error);
  if (p.rest.length !== 2) return exactly('tag', 2, 'SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]', "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE");
  const lib = await env.daemon.imageLib();
  const r = lib.store.tag(p.rest[0] as string, p.rest[1] as string);
  return R(r.stdout, r.stderr, r.exitCode);
};

const IMAGES_FLAGS: FlagDef[] = [
  { long: 'all', short: 'a', type: 'bool' }, { long: 'digests', type: 'bool' }, { long: 'quiet', short: 'q', type: 'bool' },
  { long: 'no-trunc', type: 'bool' }, { long: 'filter', short: 'f', type: 'list' }, { long: 'format', type: 'string' },
];

export const images: Sub = async (args, env) => {
  const p = parseFlags(args, IMAGES_FLAGS, true);
  if (!p.ok) return flagErr('images', p.error);
  if (p.rest.length > 1) return R('', `"docker images" requires at most 1 argument.\nSee 'docker images --help'.\n\nUsage:  docker images [OPTIONS] [REPOSITORY[:TAG]]\n\nList images\n`, 1);
  let dangling: boolean | undefined;
  let reference = p.rest[0];
  for (const f of (p.flags.filter as string[] | undefined) ?? []) {
    const [k, v = ''] = [f.slice(0, f.indexOf('=')), f.slice(f.indexOf('=') + 1)];
    if (k === 'dangling') {
      if (!['true', 'false', '1', '0'].includes(v)) return R('', `Error response from daemon: invalid filter 'dangling=${v}'\n`, 1);
      dangling = v === 'true' || v === '1';
    } else if (k === 'reference') reference = v;
    else if (!['before', 'since', 'label', 'until'].includes(k) || !f.includes('=')) return R('', `Error response from daemon: invalid filter '${k || f}'\n`, 1);
  }
  const lib = await env.daemon.imageLib();
  if (p.flags.format !== undefined) {
    const rows = imageRows(lib.store, { nowMs: env.host.clock.nowMs, ...(dangling !== undefined ? { dangling } : {}), ...(reference ? { reference } : {}) });
    const docs = rows.map((r) => ({
      Repository: r.repo, Tag: r.tag, Digest: r.digest, ID: p.flags['no-trunc'] ? r.li.image.id : r.li.image.id.slice(7, 19),
      CreatedSince: createdAgo(r.li.createdMs, env.host.clock.nowMs), CreatedAt: goTimeString(Math.floor(r.li.createdMs / 1000) * 1000), Size: humanSize(r.li.image.size),
      // docker/cli@v27.3.1:cli/command/formatter/image.go: -1 (not computed by `docker images`) is N/A.
      Containers: 'N/A', SharedSize: 'N/A', UniqueSize: 'N/A', VirtualSize: humanSize(r.li.image.size),
    }));
    if (p.flags.quiet) return R(docs.map((d) => `${d.ID}\n`).join(''));
    // docker/cli@v27.3.1:cli/command/formatter/image.go NewImageContext: the header map.
    return formatted(docs, p.flags.format as string, {
      ID: 'IMAGE ID', Repository: 'REPOSITORY', Tag: 'TAG', Digest: 'DIGEST', CreatedSince: 'CREATED', CreatedAt: 'CREATED AT', Size: 'SIZE',
      Containers: 'CONTAINERS', VirtualSize: 'SIZE', SharedSize: 'SHARED SIZE', UniqueSize: 'UNIQUE SIZE',
    }, '*formatter.imageContext');
  }
  return R(
    formatImages(lib.store, {
      nowMs: env.host.clock.nowMs, all: Boolean(p.flags.all), digests: Boolean(p.flags.digests), quiet: Boolean(p.flags.quiet), noTrunc: Boolean(p.flags['no-trunc']),
      ...(dangling !== undefined ? { dangling } : {}), ...(reference ? { reference } : {}),
    }),
  );
};

/** `docker image inspect` (also the image half of `docker inspect`). */
export async function imageDocs(env: CmdEnv, refs: string[]): Promise<{ docs: Record<string, unknown>[]; missing: string[] }> {
  const lib = await env.daemon.imageLib();
  const docs: Record<string, unknown>[] = [];
  const missing: string[] = [];
  for (const ref of refs) {
    const li = lib.store.lookup(ref);
    if (li) docs.push(inspectImage(li, await imageGraphDriver(li.image)));
    else missing.push(ref);
  }
  return { docs, missing };
}

export const imageInspect: Sub = async (args, env) => {
  const p = parseFlags(args, [{ long: 'format', short: 'f', type: 'string' }, { long: 'platform', type: 'string' }], true);
  if (!p.ok) return flagErr('image inspect', p.error);
  if (!p.rest.length) return atLeast('image inspect', '[OPTIONS] IMAGE [IMAGE...]', 'Display detailed information on one or more images');
  const { docs, missing } = await imageDocs(env, p.rest);
  return templated(docs, p.flags.format as string | undefined, missing.map((m) => `Error: No such image: ${m}\n`).join(''), docs.map(typedImage));
};

export const history: Sub = async (args, env) => {
  const p = parseFlags(args, [{ long: 'no-trunc', type: 'bool' }, { long: 'quiet', short: 'q', type: 'bool' }, { long: 'human', short: 'H', type: 'string' }, { long: 'format', type: 'string' }], true);
  if (!p.ok) return flagErr('history', p.error);
  if (p.rest.length !== 1) return exactly('history', 1, '[OPTIONS] IMAGE', 'Show the history of an image');
  const human = p.flags.human === undefined || ['true', '1', 't', 'T', 'TRUE', 'True'].includes(p.flags.human as string);
  if (p.flags.human !== undefined && !human && !['false', '0', 'f', 'F', 'FALSE', 'False'].includes(p.flags.human as string))
    return flagErr('history', `invalid argument "${p.flags.human}" for "-H, --human" flag: strconv.ParseBool: parsing "${p.flags.human}": invalid syntax`);
  const lib = await env.daemon.imageLib();
  const li = lib.store.lookup(p.rest[0] as string);
  if (!li) return R('', `Error response from daemon: No such image: ${p.rest[0]}\n`, 1);
  const noTrunc = Boolean(p.flags['no-trunc']);
  // docker/cli@v27.3.1:cli/command/image/formatter_history.go NewHistoryFormat and historyContext.
  const source = (p.flags.format as string | undefined) || 'table';
  const format = p.flags.quiet ? '{{.ID}}' : source === 'table'
    ? (human ? 'table {{.ID}}\t{{.CreatedSince}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}' : 'table {{.ID}}\t{{.CreatedAt}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}')
    : source;
  const rows = historyRows(li.image).map((r, i) => {
    const createdSec = Math.floor(Date.parse(r.entry.created) / 1000);
    const createdAt = new Date(createdSec * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const createdBy = (r.entry.created_by ?? '').replaceAll('\t', ' ');
    const id = i === 0 ? (noTrunc ? li.image.id : li.image.id.slice(7, 19)) : '<missing>';
    return {
      Comment: r.entry.comment ?? '', CreatedAt: createdAt,
      CreatedBy: noTrunc ? createdBy : ellipsis(createdBy, 45),
      CreatedSince: !human ? createdAt : createdSec <= 946684800 ? 'N/A' : createdAgo(Date.parse(r.entry.created), env.host.clock.nowMs),
      ID: id, Size: human ? humanSizeWithPrecision(r.size, 3) : String(r.size),
    };
  });
  return formatted(rows, format, { ID: 'IMAGE', CreatedSince: 'CREATED', CreatedAt: 'CREATED AT', CreatedBy: 'CREATED BY', Size: 'SIZE', Comment: 'COMMENT' }, '*image.historyContext');
};

export const rmi: Sub = async (args, env) => {
  const p = parseFlags(args, [{ long: 'force', short: 'f', type: 'bool' }, { long: 'no-prune', type: 'bool' }], true);
  if (!p.ok) return flagErr('rmi', p.error);
  if (!p.rest.length) return atLeast('rmi', '[OPTIONS] IMAGE [IMAGE...]', 'Remove one or more images');
  const lib = await env.daemon.imageLib();
  const r = await lib.store.rmi(p.rest, {
    force: Boolean(p.flags.force),
    usedBy: (id) => {
      const c = [...env.daemon.containers.values()].find((x) => x.image.id === id);
      return c ? { container: c.id.slice(0, 12), running: c.status === 'running' } : undefined;
    },
  });
  return R(r.stdout, r.stderr, r.exitCode);
};

export const imagePrune: Sub = async (args, env) => {
  const p = parseFlags(args, [{ long: 'all', short: 'a', type: 'bool' }, { long: 'force', short: 'f', type: 'bool' }, { long: 'filter', type: 'list' }], true);
  if (!p.ok) return flagErr('image prune', p.error);
  const { filters, error } = parseFilters(p.flags.filter as string[] | undefined);
  if (error) return flagErr('image prune', error);
  // docker/cli@v27.3.1:cli/command/image/prune.go: the CLI adds dangling=!all to the learner's filters.
  filters.add('dangling', String(!p.flags.all));
  let prompt = '';
  if (!p.flags.force) {
    const warn = p.flags.all ? 'WARNING! This will remove all images without at least one container associated to them.' : 'WARNING! This will remove all dangling images.';
    prompt = `${warn}\nAre you sure you want to continue? [y/N] `;
    // A "no" is errdefs.Cancelled: main exits 0 without a message.
    if (!confirmed(env.stdin)) return R(prompt, '', 0);
  }
  const r = await pruneImages(env, filters);
  return R(prompt + r.stdout, r.stderr, r.exitCode);
};

/**
 * moby@v27.3.1:daemon/images/image_prune.go ImagesPrune: dangling (or, with dangling=false, all)
 * images no container uses, created no later than `until`, whose labels match `label` and not `label!`.
 */
export async function pruneImages(env: CmdEnv, filters: FilterArgs): Promise<ExecResult> {
  const daemonErr = (e: string) => R('', `Error response from daemon: ${e}\n`, 1);
  const bad = filters.validate(['dangling', 'label', 'label!', 'until']);
  if (bad) return daemonErr(bad);
  const dangling = filters.bool('dangling', true);
  if (dangling.error) return daemonErr(dangling.error);
  const until = filters.until(env.host.clock.nowMs);
  if (until.error) return daemonErr(until.error);
  const lib = await env.daemon.imageLib();
  const used = new Set([...env.daemon.containers.values()].map((c) => c.image.id));
  const match = (li: LocalImage) => !(until.ms !== undefined && li.createdMs > until.ms) && filters.matchLabels(li.image.config.config.Labels);
  const r = await lib.store.prune({ all: !dangling.value, inUse: (id) => used.has(id), match });
  return R(r.stdout, r.stderr, r.exitCode);
}

export const login: Sub = async (args, env) => {
  const p = parseFlags(args, [{ long: 'username', short: 'u', type: 'string' }, { long: 'password', short: 'p', type: 'string' }, { long: 'password-stdin', type: 'bool' }], true);
  if (!p.ok) return flagErr('login', p.error);
  if (p.rest.length > 1) return R('', `"docker login" requires at most 1 argument.\nSee 'docker login --help'.\n\nUsage:  docker login [OPTIONS] [SERVER]\n\nAuthenticate to a registry.\nDefaults to Docker Hub if no server is specified.\n`, 1);
  const password = p.flags['password-stdin'] ? env.stdin.replace(/\n$/, '') : ((p.flags.password as string | undefined) ?? '');
  const lib = await env.daemon.imageLib();
  const r = lib.service.login(p.rest[0], (p.flags.username as string | undefined) ?? '', password);
  let warn = p.flags.password ? 'WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n' : '';
  // The warning comes first on a terminal.
  if (warn && env.stream) {
    env.stream({ stream: 'stderr', text: warn });
    warn = '';
  }
  return R(r.stdout, warn + r.stderr, r.exitCode);
};

export const logout: Sub = async (args, env) => {
  const p = parseFlags(args, [], true);
  if (!p.ok) return flagErr('logout', p.error);
  const lib = await env.daemon.imageLib();
  const r = lib.service.logout(p.rest[0]);
  return R(r.stdout, r.stderr, r.exitCode);
};

/** `docker image SUBCOMMAND`. */
export const IMAGE_SUBS: Record<string, Sub> = {
  inspect: imageInspect, prune: imagePrune,
};
