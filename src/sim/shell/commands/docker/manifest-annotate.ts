// docker manifest annotate: its cobra definition; what it answers on node1 is said in manifest.ts.
import { arity } from './errors.ts';
import { defineCommand } from './define.ts';
import { R, normalize } from './manifest.ts';

const annotate = defineCommand({
  use: 'annotate [OPTIONS] MANIFEST_LIST MANIFEST',
  short: 'Add additional information to a local image manifest',
  flags: [
    { long: 'os', type: 'string', usage: 'Set operating system' },
    { long: 'arch', type: 'string', usage: 'Set architecture' },
    { long: 'os-version', type: 'string', usage: 'Set operating system version' },
    { long: 'os-features', type: 'stringSlice', default: '[]', usage: 'Set operating system feature' },
    { long: 'variant', type: 'string', usage: 'Set architecture variant' },
  ],
  async run(_f, rest, _env, cmd) {
    const bad = arity(cmd, rest.length, 2);
    if (bad) return bad;
    // annotate.go runManifestAnnotate: both references parsed, then the store's Get(list, manifest): not found.
    const list = normalize(rest[0] as string);
    if (typeof list === 'string') return R('', `annotate: error parsing name for manifest list ${rest[0]}: ${list}\n`, 1);
    const img = normalize(rest[1] as string);
    if (typeof img === 'string') return R('', `annotate: error parsing name for manifest ${rest[1]}: ${img}\n`, 1);
    return R('', `manifest for image ${rest[1]} does not exist in ${rest[0]}\n`, 1);
  },
});

export default annotate;
