/**
 * What the image commands share (kit: no subcommand here): pull.ts, push.ts, tag.ts,
 * images.ts, image-inspect.ts, history.ts, rmi.ts, image-prune.ts, login.ts, logout.ts work
 * over the content-addressed store (src/sim/image); output and errors are the library's (Docker 27).
 */
import type { ExecResult } from '../../../api.ts';
import { inspectImage } from '../../../image/format.ts';
import { imageGraphDriver } from '../../../image/container-fs.ts';
import { fullName, parseNormalizedNamed } from '../../../../oci/reference.ts';
import type { CmdEnv } from '../../types.ts';
import { writeList } from '../../kit/listformat.ts';
import { GoStruct } from '../../kit/template/index.ts';
import type { FilterArgs } from './filters.ts';
import type { LocalImage } from '../../../image/store.ts';

export const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

/**
 * `--format TEMPLATE` over list rows, each a typed formatter context (`typeName`) whose
 * methods are the document's fields; `table TEMPLATE` adds the header row from `headers`
 * (docker/cli@v27.3.1:cli/command/formatter/formatter.go).
 */
export function formatted(docs: Record<string, unknown>[], fmt: string, headers: Record<string, string>, typeName: string): ExecResult {
  const rows = docs.map(
    (d) => new GoStruct(typeName, Object.fromEntries(Object.entries(d).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))), undefined, undefined, true),
  );
  return writeList(fmt, rows, headers);
}

/**
 * `docker push --all-tags NAME`: every local tag of the repository, in sorted order, under
 * one "The push refers to repository" line, as the daemon streams it.
 */
export async function pushAllTags(name: string, lib: Awaited<ReturnType<CmdEnv['daemon']['imageLib']>>): Promise<ExecResult> {
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
  const event = (action: string, id: string, attributes: Record<string, string>) => env.daemon.emit('image', action, id, attributes);
  const r = await lib.store.prune({ all: !dangling.value, inUse: (id) => used.has(id), match, event });
  return R(r.stdout, r.stderr, r.exitCode);
}
