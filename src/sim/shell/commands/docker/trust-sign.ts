// docker trust sign: its cobra definition; what it answers on node1 is said in trust.ts.
import { defineCommand } from './define.ts';
import { R, imageRef, notSimulated } from './trust.ts';

const sign = defineCommand({
  use: 'sign IMAGE:TAG',
  short: 'Sign an image',
  flags: [{ long: 'local', type: 'bool', usage: 'Sign a locally tagged image' }],
  // sign.go runSignImage: the reference, then validateTag.
  run: notSimulated(1, 1, async (_f, rest) => {
    const r = imageRef(rest[0] as string);
    if ('error' in r) return R('', `${r.error}\n`, 1);
    if (r.tag) return undefined;
    return R('', r.digest ? 'cannot use a digest reference for IMAGE:TAG\n' : `no tag specified for ${rest[0]}\n`, 1);
  }),
});

export default sign;
