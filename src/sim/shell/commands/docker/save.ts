/**
 * `docker save [-o FILE] IMAGE...`: docker/cli@v27.3.1:cli/command/image/save.go (the terminal
 * refusal, ValidateOutputPath wrapped as "failed to save image"); which images and tags go in:
 * moby@v27.3.1:image/tarexport/save.go parseNames (a name alone takes every tag of that
 * repository, name:tag must exist: "reference does not exist", an ID or ID prefix takes no tag:
 * image/store.go "No such image: %s"). The archive layout is src/sim/image/tarexport.ts.
 */
import type { ExecResult } from '../../../api.ts';
import { familiarString, fullName, parseNormalizedNamed, tagNameOnly } from '../../../../oci/reference.ts';
import { familiarKey, tagKey, type LocalImage } from '../../../image/store.ts';
import { saveArchive, type SaveItem } from '../../../image/tarexport.ts';
import { normPath } from '../../../image/tree.ts';
import type { CmdEnv } from '../../types.ts';
import { latin1 } from './cp.ts';
import { arity, daemonErr } from './errors.ts';
import { defineCommand } from './define.ts';

const fail = (msg: string): ExecResult => ({ stdout: '', stderr: `${msg}\n`, exitCode: 1 });

/** ValidateOutputPath (docker/cli@v27.3.1:cli/command/utils.go): the directory of the file must exist. */
export async function validateOutputPath(env: CmdEnv, path: string): Promise<string | undefined> {
  if (!path) return undefined;
  // filepath.Dir(filepath.Clean(path)), relative paths kept relative.
  const abs = path.startsWith('/');
  const parts: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..' && parts.length && parts[parts.length - 1] !== '..') parts.pop();
    else if (seg !== '..' || !abs) parts.push(seg);
  }
  parts.pop();
  const dir = abs ? `/${parts.join('/')}` : parts.join('/') || '.';
  if (dir === '.') return undefined;
  if (!(await env.fs.exists(abs ? dir : normPath(`${env.cwd}/${dir}`)))) return `invalid output path: directory "${dir}" does not exist`;
  return undefined;
}

/** parseNames: the images to save and the tags each carries. */
function parseNames(env: CmdEnv, names: string[]): SaveItem[] | string {
  const store = env.daemon.lib!.store;
  const items = new Map<string, SaveItem>();
  const add = (li: LocalImage, key?: string) => {
    let it = items.get(li.image.id);
    if (!it) items.set(li.image.id, (it = { image: li.image, refs: [], familiar: [] }));
    if (key && !it.refs.includes(key)) {
      it.refs.push(key);
      it.familiar.push(familiarKey(key));
    }
  };
  for (const name of names) {
    if (/^(sha256:)?[a-f0-9]{64}$/.test(name)) {
      const li = store.lookup(name.startsWith('sha256:') ? name : `sha256:${name}`);
      if (!li) return daemonErr(`No such image: ${name}`);
      add(li);
      continue;
    }
    let ref;
    try {
      ref = parseNormalizedNamed(name);
    } catch {
      return daemonErr('invalid reference format');
    }
    if (!ref.tag && !ref.digest) {
      const repo = fullName(ref);
      const tagged = store.all().flatMap((li) => [...li.tags].filter((k) => k.slice(0, k.lastIndexOf(':')) === repo).map((k) => [li, k] as const));
      const digested = store.all().filter((li) => [...li.digests].some((k) => k.startsWith(`${repo}@`)));
      for (const [li, k] of tagged.sort(([, a], [, b]) => (a < b ? -1 : 1))) add(li, k);
      for (const li of digested) add(li);
      if (tagged.length || digested.length) continue;
      const li = store.lookup(name);
      if (!li) return daemonErr(`No such image: ${name}`);
      add(li);
      continue;
    }
    const li = ref.digest ? store.lookup(familiarString(ref)) : store.get(store.resolveTag(tagKey(tagNameOnly(ref)))!);
    if (!li) return daemonErr('reference does not exist');
    add(li, ref.digest ? undefined : tagKey(tagNameOnly(ref)));
  }
  return [...items.values()];
}

// docker/cli@v27.3.1:cli/command/image/save.go
export default defineCommand({
  use: 'save [OPTIONS] IMAGE [IMAGE...]',
  short: 'Save one or more images to a tar archive (streamed to STDOUT by default)',
  aliases: 'docker image save, docker save',
  flags: [{ long: 'output', short: 'o', type: 'string', usage: 'Write to a file, instead of STDOUT' }],
  async run(flags, rest, env, cmd) {
    const argErr = arity(cmd, rest.length, 1, Number.POSITIVE_INFINITY);
    if (argErr) return argErr;
    const output = (flags.output as string | undefined) ?? '';
    if (!output && env.tty) return fail('cowardly refusing to save to a terminal. Use the -o flag or redirect');
    const bad = await validateOutputPath(env, output);
    if (bad) return fail(`failed to save image: ${bad}`);
    await env.daemon.imageLib();
    const items = parseNames(env, rest);
    if (typeof items === 'string') return fail(items.trimEnd());
    for (const it of items) if (it.image.layers.length === 0) return fail(daemonErr('empty export - not implemented').trimEnd());
    const tar = await saveArchive(items, env.host.clock.nowMs);
    for (const it of items) env.daemon.emit('image', 'save', it.image.id, { name: it.image.id });
    if (!output) return { stdout: latin1(tar), stdoutKind: 'bytes', stderr: '', exitCode: 0 };
    await env.fs.writeFile(normPath(output.startsWith('/') ? output : `${env.cwd}/${output}`), tar);
    return { stdout: '', stderr: '', exitCode: 0 };
  },
});
