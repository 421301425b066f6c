/**
 * `docker manifest` (docker/cli@v27.3.1:cli/command/manifest/*.go; not gated since v20.10: its "experimentalCLI"
 * annotation only adds the EXPERIMENTAL block to its help). `inspect` asks the registry itself (the CLI's
 * registry client, cli/registry/client/fetcher.go), here the fixture registry: a manifest is printed as served,
 * re-indented with tabs (json.Indent); an index as the manifest list the CLI rebuilds from its entries
 * (distribution manifestlist.FromDescriptors: MarshalIndent with three blanks). The local manifest-list store
 * (~/.docker/manifests, cli/manifest/store) is empty on node1 and `create`, which fills it, is not simulated, so
 * rm, push and annotate find nothing there.
 */
import type { ExecResult } from '../../../api.ts';
import type { CmdEnv } from '../../types.ts';
import type { Image } from '../../../image/image.ts';
import { ImageReferenceError, parseNormalizedNamed, referenceString, tagNameOnly, type ParsedReference } from '../../../../oci/reference.ts';

export const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });
export const INSECURE = { long: 'insecure', type: 'bool', usage: 'Allow communication with an insecure registry' } as const;

/** util.go normalizeReference: parsed and normalized, tagged latest unless it has a digest. */
export function normalize(s: string): ParsedReference | string {
  try {
    const r = parseNormalizedNamed(s);
    return r.digest ? r : tagNameOnly(r);
  } catch (e) {
    if (e instanceof ImageReferenceError) return e.message;
    throw e;
  }
}

/** The platform the CLI reads from an image's config (ocispec.Platform: architecture, os, os.version, os.features, variant). */
function configPlatform(img: Image): Record<string, unknown> {
  const c = img.config as unknown as Record<string, unknown>;
  const p: Record<string, unknown> = { architecture: c.architecture, os: c.os };
  for (const k of ['os.version', 'os.features', 'variant']) if (c[k]) p[k] = c[k];
  return p;
}

/** types.ImageManifest as json.MarshalIndent writes it (Ref, Descriptor, Raw in base64, the manifest under its kind). */
function imageManifest(ref: string, img: Image, platform: Record<string, unknown>): Record<string, unknown> {
  const raw = img.manifestBytes;
  const oci = img.manifest.mediaType === 'application/vnd.oci.image.manifest.v1+json';
  // encoding/json writes a []byte as standard base64.
  let binary = '';
  for (const b of raw) binary += String.fromCharCode(b);
  return {
    Ref: ref,
    Descriptor: { mediaType: img.manifest.mediaType, digest: img.manifestDigest, size: raw.length, platform },
    Raw: btoa(binary),
    [oci ? 'OCIManifest' : 'SchemaV2Manifest']: JSON.parse(new TextDecoder().decode(raw)),
  };
}

/** GetManifest, then GetManifestList; "no such manifest" when the registry has neither. */
export async function remote(env: CmdEnv, ref: ParsedReference, verbose: boolean): Promise<ExecResult> {
  const name = referenceString(ref);
  const lib = await env.daemon.imageLib();
  const reg = lib.service.registry;
  await reg.load(ref.domain, ref.path);
  const res = reg.resolve(ref.domain, ref.path, ref.digest ? { digest: ref.digest } : { tag: ref.tag }, lib.service.logins.has(ref.domain));
  if (!res.ok) return R('', `no such manifest: ${name}\n`, 1);
  const { record } = res;
  if (record.image) {
    if (!verbose) return R(`${JSON.stringify(JSON.parse(new TextDecoder().decode(record.bytes)), null, '\t')}\n`);
    return R(`${JSON.stringify(imageManifest(name, record.image, configPlatform(record.image)), null, '\t')}\n`);
  }
  const index = record.index;
  if (!index) return R('', `no such manifest: ${name}\n`, 1);
  // pullManifestList: each entry's manifest, its platform the list's (PlatformSpec: architecture, os, then the optional ones).
  const entries = index.index.manifests.flatMap((d) => {
    const img = index.images.find((i) => i.manifestDigest === d.digest);
    if (!img) return [];
    const p = d.platform ?? { architecture: '', os: '' };
    const platform: Record<string, unknown> = { architecture: p.architecture, os: p.os };
    if (p.variant) platform.variant = p.variant;
    return [{ d, img, platform }];
  });
  if (verbose)
    return R(
      `${JSON.stringify(
        entries.map((e) => imageManifest(`${name}@${e.d.digest}`, e.img, e.platform)),
        null,
        '\t',
      )}\n`,
    );
  const first = entries[0]?.img.manifest.mediaType;
  const list = {
    schemaVersion: 2,
    mediaType:
      first === 'application/vnd.oci.image.manifest.v1+json'
        ? 'application/vnd.oci.image.index.v1+json'
        : 'application/vnd.docker.distribution.manifest.list.v2+json',
    manifests: entries.map((e) => ({ mediaType: e.img.manifest.mediaType, size: e.img.manifestBytes.length, digest: e.d.digest, platform: e.platform })),
  };
  return R(`${JSON.stringify(list, null, '   ')}\n`);
}

/** The local store's answer for a list it does not have (cli/manifest/store/store.go notFoundError). */
export const noList = (s: string): string => {
  const r = normalize(s);
  return typeof r === 'string' ? r : `No such manifest: ${referenceString(r)}`;
};
