/**
 * `docker manifest create LIST MANIFEST…` (docker/cli@v27.3.1:cli/command/manifest/create_list.go
 * createManifestList): the list's name parsed, the local store asked for it (empty on node1: a new list), then each
 * manifest's name parsed and the manifest fetched from its registry (util.go getManifest, cli/registry/client/
 * fetcher.go fetchManifest): a name the registry does not have is "no such manifest", a tag that names an index is
 * "is a manifest list". A list of image manifests would be saved in ~/.docker/manifests, a store node1 does not
 * keep (manifest.ts): a course line says so.
 */
import { referenceString } from '../../../../oci/reference.ts';
import { arity } from './errors.ts';
import { defineCommand } from './define.ts';
import { R, INSECURE, normalize } from './manifest.ts';

const create = defineCommand({
  use: 'create MANIFEST_LIST MANIFEST [MANIFEST...]',
  short: 'Create a local manifest list for annotating and pushing to a registry',
  flags: [INSECURE, { long: 'amend', short: 'a', type: 'bool', usage: 'Amend an existing manifest list' }],
  async run(_f, rest, env, cmd) {
    const bad = arity(cmd, rest.length, 2, Number.POSITIVE_INFINITY);
    if (bad) return bad;
    const list = normalize(rest[0] as string);
    if (typeof list === 'string') return R('', `error parsing name for manifest list ${rest[0]}: ${list}\n`, 1);
    const lib = await env.daemon.imageLib();
    const reg = lib.service.registry;
    for (const m of rest.slice(1)) {
      const ref = normalize(m);
      if (typeof ref === 'string') return R('', `${ref}\n`, 1);
      await reg.load(ref.domain, ref.path);
      const res = reg.resolve(ref.domain, ref.path, ref.digest ? { digest: ref.digest } : { tag: ref.tag }, lib.service.logins.has(ref.domain));
      const name = referenceString(ref);
      if (!res.ok) return R('', `no such manifest: ${name}\n`, 1);
      if (!res.record.image) return R('', `${name} is a manifest list\n`, 1);
    }
    env.note?.({
      en: 'docker manifest create is not simulated past its checks: node1 keeps no local manifest lists.',
      zh: '这里不模拟 docker manifest create 检查之后的步骤：node1 不保存本地 manifest list。',
    });
    return R('', '', 1);
  },
});

export default create;
