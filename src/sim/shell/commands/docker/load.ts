/**
 * `docker load [-i FILE] [-q]`: docker/cli@v27.3.1:cli/command/image/load.go ("requested load
 * from stdin, but stdin is empty"; quiet when stdout is not a terminal); the daemon side is
 * moby@v27.3.1:image/tarexport/load.go ("Loaded image: %s" per tag, else "Loaded image ID: %s";
 * "The image %s already exists, renaming the old one with ID %s to empty string"; a
 * "Loading layer" progress per layer it registers, labelled with the diffID's first 12 hex
 * digits). Its errors come back inside the JSON stream (api/server/router/image/image_routes.go
 * postImagesLoad writes streamformatter.FormatError), so the CLI prints them bare. The progress line is what docker/cli's jsonmessage leaves on the terminal:
 * "%s: %s %s" with JSONProgress.String(): a bar only when the terminal is wider than 110
 * columns, then "%8v/%v" of units.HumanSize (4 significant digits).
 */
import type { ExecResult } from '../../../api.ts';
import { parseNormalizedNamed, tagNameOnly } from '../../../../oci/reference.ts';
import { chainIds, shortId, type Digest } from '../../../image/digest.ts';
import type { Layer } from '../../../image/layer.ts';
import { familiarKey, tagKey } from '../../../image/store.ts';
import { loadArchive, LoadError } from '../../../image/tarexport.ts';
import { normPath } from '../../../image/tree.ts';
import { humanSizeWithPrecision } from '../../../image/units.ts';
import { arity } from './errors.ts';
import { defineCommand } from './define.ts';

const fail = (msg: string): ExecResult => ({ stdout: '', stderr: `${msg}\n`, exitCode: 1 });

// docker/cli@v27.3.1:cli/command/image/load.go
export default defineCommand({
  use: 'load [OPTIONS]',
  short: 'Load an image from a tar archive or STDIN',
  aliases: 'docker image load, docker load',
  flags: [
    { long: 'input', short: 'i', type: 'string', usage: 'Read from tar archive file, instead of STDIN' },
    { long: 'quiet', short: 'q', type: 'bool', usage: 'Suppress the load output' },
  ],
  async run(flags, rest, env, cmd) {
    const argErr = arity(cmd, rest.length, 0);
    if (argErr) return argErr;
    const input = (flags.input as string | undefined) ?? '';
    let bytes: Uint8Array;
    if (input) {
      try {
        bytes = await env.fs.readFileBuffer(normPath(input.startsWith('/') ? input : `${env.cwd}/${input}`));
      } catch {
        return fail(`open ${input}: no such file or directory`);
      }
    } else {
      bytes = env.stdinBytes();
      if (bytes.length === 0) return fail('requested load from stdin, but stdin is empty');
    }
    const quiet = flags.quiet === true || !env.tty;
    const lib = await env.daemon.imageLib();
    const store = lib.store;
    // Layers the store holds, by ChainID (moby registers only the missing ones).
    const known = new Map<Digest, Layer>();
    for (const li of store.all())
      (await chainIds(li.image.layers.map((l) => l.diffId))).forEach((c, i) => {
        known.set(c, li.image.layers[i]!);
      });
    const tmpDir = `/var/lib/docker/tmp/docker-import-${env.host.rng.int(4294967295)}`;
    let loaded;
    try {
      loaded = await loadArchive(bytes, (c) => known.get(c), tmpDir);
    } catch (e) {
      return fail(e instanceof LoadError ? e.message : String(e));
    }
    let out = '';
    const seen = new Set(known.keys());
    let ids = '';
    let refs = 0;
    for (const { image, repoTags } of loaded) {
      const chains = await chainIds(image.layers.map((l) => l.diffId));
      image.layers.forEach((l, i) => {
        if (seen.has(chains[i]!)) return;
        seen.add(chains[i]!);
        if (quiet) return;
        const size = humanSizeWithPrecision(l.tarSize, 4);
        const bar = env.columns > 110 ? `[${'='.repeat(50)}>] ` : '';
        out += `${shortId(l.diffId)}: Loading layer ${bar}${size.padStart(8)}/${size}\n`;
      });
      await store.add(image);
      ids += `Loaded image ID: ${image.id}\n`;
      refs = 0;
      for (const t of repoTags) {
        let key: string;
        try {
          const r = parseNormalizedNamed(t);
          if (!r.tag) return fail(`invalid tag "${t}"`);
          key = tagKey(tagNameOnly(r));
        } catch (e) {
          return fail((e as Error).message);
        }
        const prev = store.resolveTag(key);
        if (prev && prev !== image.id) out += `The image ${familiarKey(key)} already exists, renaming the old one with ID ${prev} to empty string\n`;
        store.setTag(key, image.id);
        out += `Loaded image: ${familiarKey(key)}\n`;
        refs++;
      }
      env.daemon.emit('image', 'load', image.id, { name: image.id });
    }
    if (refs === 0) out += ids;
    return { stdout: out, stderr: '', exitCode: 0 };
  },
});
