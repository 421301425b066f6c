// docker manifest inspect: its cobra definition; what it answers on node1 is said in manifest.ts.
import { referenceString } from '../../../../oci/reference.ts';
import { arity } from './errors.ts';
import { defineCommand } from './define.ts';
import { R, INSECURE, normalize, remote } from './manifest.ts';

const inspect = defineCommand({
  use: 'inspect [OPTIONS] [MANIFEST_LIST] MANIFEST',
  short: 'Display an image manifest, or manifest list',
  flags: [INSECURE, { long: 'verbose', short: 'v', type: 'bool', usage: 'Output additional info including layers and platform' }],
  async run(flags, rest, env, cmd) {
    const bad = arity(cmd, rest.length, 1, 2);
    if (bad) return bad;
    const ref = normalize(rest[rest.length - 1] as string);
    if (typeof ref === 'string') return R('', `${ref}\n`, 1);
    // With a list named, the manifest is looked up in the local store only.
    if (rest.length === 2) {
      const list = normalize(rest[0] as string);
      if (typeof list === 'string') return R('', `${list}\n`, 1);
      return R('', `No such manifest: ${referenceString(ref)}\n`, 1);
    }
    return remote(env, ref, Boolean(flags.verbose));
  },
});

export default inspect;
