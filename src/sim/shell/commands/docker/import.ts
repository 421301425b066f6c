/**
 * `docker import [OPTIONS] file|URL|- [REPOSITORY[:TAG]]`: docker/cli@v27.3.1:cli/command/image/import.go
 * (a local file is opened by the client: "open %s: no such file or directory"; the reference is
 * parsed before the request) and moby@v27.3.1:daemon/images/image_import.go with
 * api/server/router/image/image_routes.go postImagesCreate: one layer from the tar (gzip
 * accepted), the config json.Marshal'ed from image.Image (comment "Imported from -" unless -m,
 * an empty container_config, docker_version, the config after --change), tagged when a
 * reference is given; the response is the image ID.
 */
import type { ExecResult } from '../../../api.ts';
import { parseNormalizedNamed, tagNameOnly } from '../../../../oci/reference.ts';
import { chainId, sha256Digest, utf8, type Digest } from '../../../image/digest.ts';
import { manifestFor, rfc3339, type Image, type ImageConfigJson, type RunConfig } from '../../../image/image.ts';
import { tagKey } from '../../../image/store.ts';
import { goJson, layerFromTar } from '../../../image/tarexport.ts';
import { normPath } from '../../../image/tree.ts';
import { arity, daemonErr } from './errors.ts';
import { defineCommand } from './define.ts';

const fail = (msg: string): ExecResult => ({ stdout: '', stderr: `${msg}\n`, exitCode: 1 });

const sorted = <T>(o: Record<string, T> | undefined) => (o ? Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1))) : null);

/** container.Config as Go marshals it (docker/docker@v27.3.1:api/types/container/config.go field order and omitempty). */
export function goContainerConfig(c: RunConfig): Record<string, unknown> {
  return {
    Hostname: '',
    Domainname: '',
    User: c.User ?? '',
    AttachStdin: false,
    AttachStdout: false,
    AttachStderr: false,
    ...(c.ExposedPorts && Object.keys(c.ExposedPorts).length ? { ExposedPorts: sorted(c.ExposedPorts) } : {}),
    Tty: false,
    OpenStdin: false,
    StdinOnce: false,
    Env: c.Env ?? null,
    Cmd: c.Cmd ?? null,
    ...(c.Healthcheck ? { Healthcheck: c.Healthcheck } : {}),
    ...(c.ArgsEscaped ? { ArgsEscaped: true } : {}),
    Image: '',
    Volumes: sorted(c.Volumes),
    WorkingDir: c.WorkingDir ?? '',
    Entrypoint: c.Entrypoint ?? null,
    OnBuild: c.OnBuild ?? null,
    Labels: sorted(c.Labels),
    ...(c.StopSignal ? { StopSignal: c.StopSignal } : {}),
    ...(c.Shell ? { Shell: c.Shell } : {}),
  };
}

// docker/cli@v27.3.1:cli/command/image/import.go
export default defineCommand({
  use: 'import [OPTIONS] file|URL|- [REPOSITORY[:TAG]]',
  short: 'Import the contents from a tarball to create a filesystem image',
  aliases: 'docker image import, docker import',
  flags: [
    { long: 'change', short: 'c', type: 'list', usage: 'Apply Dockerfile instruction to the created image' },
    { long: 'message', short: 'm', type: 'string', usage: 'Set commit message for imported image' },
    { long: 'platform', type: 'string', usage: 'Set platform if server is multi-platform capable' },
  ],
  async run(flags, rest, env, cmd) {
    const argErr = arity(cmd, rest.length, 1, Number.POSITIVE_INFINITY);
    if (argErr) return argErr;
    const [source, reference] = rest as [string, string | undefined];
    let bytes: Uint8Array;
    if (source === '-') bytes = env.stdinBytes();
    else if (/^https?:\/\//.test(source)) {
      // The daemon fetches a URL; node1 resolves no outside names (as image/service.ts for registries).
      const host = source.replace(/^https?:\/\//, '').split(/[/:]/)[0];
      return fail(daemonErr(`Get "${source}": dial tcp: lookup ${host} on 127.0.0.53:53: no such host`).trimEnd());
    } else {
      try {
        bytes = await env.fs.readFileBuffer(normPath(source.startsWith('/') ? source : `${env.cwd}/${source}`));
      } catch {
        return fail(`open ${source}: no such file or directory`);
      }
    }
    let key: string | undefined;
    if (reference) {
      try {
        const r = parseNormalizedNamed(reference);
        if (r.digest) return fail(daemonErr('cannot import digest reference').trimEnd());
        key = tagKey(tagNameOnly(r));
      } catch (e) {
        return fail((e as Error).message);
      }
    }
    const { applyChanges } = await import('../../../build/changes.ts');
    const config = applyChanges({}, (flags.change as string[] | undefined) ?? []);
    if ('error' in config) return fail(daemonErr(config.error as string).trimEnd());
    let layer;
    try {
      layer = await layerFromTar(bytes);
    } catch {
      return fail(daemonErr('archive/tar: invalid tar header').trimEnd());
    }
    const created = rfc3339(env.host.clock.nowMs);
    const comment = (flags.message as string | undefined) || 'Imported from -';
    const raw = {
      comment,
      created,
      container_config: goContainerConfig({}),
      docker_version: '27.3.1',
      config: goContainerConfig(config as RunConfig),
      architecture: 'amd64',
      os: 'linux',
      rootfs: { type: 'layers', diff_ids: [layer.diffId] },
      history: [{ created, comment }],
    };
    const configBytes = utf8(goJson(raw));
    const id = await sha256Digest(configBytes);
    const manifest = manifestFor('oci', { digest: id, size: configBytes.length }, [layer]);
    const manifestBytes = utf8(goJson(manifest));
    const image: Image = {
      id,
      config: raw as unknown as ImageConfigJson,
      configBytes,
      layers: [layer],
      size: layer.size,
      chainId: (await chainId([layer.diffId])) as Digest,
      manifest,
      manifestBytes,
      manifestDigest: await sha256Digest(manifestBytes),
    };
    const lib = await env.daemon.imageLib();
    await lib.store.add(image);
    if (key) lib.store.setTag(key, id);
    env.daemon.emit('image', 'import', id, { name: id });
    return { stdout: `${id}\n`, stderr: '', exitCode: 0 };
  },
});
