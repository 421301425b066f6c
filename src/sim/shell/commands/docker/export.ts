/**
 * `docker export [-o FILE] CONTAINER`: docker/cli@v27.3.1:cli/command/container/export.go (the
 * terminal refusal, "failed to export container: " before ValidateOutputPath's error) and
 * moby@v27.3.1:daemon/export.go: the container's root filesystem as mounted (image layers,
 * the init layer, its upperdir; no volumes, and the init layer's empty /etc/hostname, hosts
 * and resolv.conf, since Docker bind-mounts the real ones only inside the container), one
 * flat tar, entries without a leading "./", directories before what they hold.
 * Size-only files go in as GNU sparse holes, as in our layer tars (src/sim/image/layer.ts), but those whose text is
 * known (nginx's mime.types, fastcgi_params, scgi_params, uwsgi_params), which go in with it.
 */
import type { ExecResult } from '../../../api.ts';
import { initLayerTree } from '../../../image/container-fs.ts';
import { utf8 } from '../../../image/digest.ts';
import { layerTar } from '../../../image/layer.ts';
import { mergeLayers, normPath } from '../../../image/tree.ts';
import { latin1 } from './cp.ts';
import { arity, daemonErr } from './errors.ts';
import { validateOutputPath } from './save.ts';
import { defineCommand } from './define.ts';

const fail = (msg: string): ExecResult => ({ stdout: '', stderr: `${msg}\n`, exitCode: 1 });

// docker/cli@v27.3.1:cli/command/container/export.go
export default defineCommand({
  use: 'export [OPTIONS] CONTAINER',
  short: "Export a container's filesystem as a tar archive",
  aliases: 'docker container export, docker export',
  flags: [{ long: 'output', short: 'o', type: 'string', usage: 'Write to a file, instead of STDOUT' }],
  async run(flags, rest, env, cmd) {
    const argErr = arity(cmd, rest.length, 1);
    if (argErr) return argErr;
    const output = (flags.output as string | undefined) ?? '';
    if (!output && env.tty) return fail('cowardly refusing to save to a terminal. Use the -o flag or redirect');
    const bad = await validateOutputPath(env, output);
    if (bad) return fail(`failed to export container: ${bad}`);
    const name = rest[0] as string;
    const lib = await env.daemon.imageLib();
    const c = env.daemon.find(name);
    if (!c) return fail(daemonErr(`No such container: ${name}`).trimEnd());
    if (c.status === 'dead') return fail(daemonErr(`You cannot export container ${c.id} which is Dead`).trimEnd());
    const base = lib.imageOf(c);
    const root = lib.rootfs.get(c.id)?.root;
    if (!base || !root) return fail(daemonErr(`No such container: ${name}`).trimEnd());
    const merged = mergeLayers([...base.image.layers.map((l) => l.tree), initLayerTree(), root.toLayerTree()]);
    // A size-only file whose text is known (nginx's mime.types and *_params: tree.ts FileEntry.view) goes in with that
    // text: an export has no digest to keep, and the real file holds those bytes (a sparse hole would extract as zeros).
    for (const [p, e] of merged) if (e.type === 'file' && !e.data && e.view !== undefined) merged.set(p, { ...e, data: utf8(e.view) });
    const tar = await layerTar(merged);
    env.daemon.emitFor(c, 'export');
    if (!output) return { stdout: latin1(tar), stdoutKind: 'bytes', stderr: '', exitCode: 0 };
    await env.fs.writeFile(normPath(output.startsWith('/') ? output : `${env.cwd}/${output}`), tar);
    return { stdout: '', stderr: '', exitCode: 0 };
  },
});
