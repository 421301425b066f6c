// docker trust revoke: its cobra definition; what it answers on node1 is said in trust.ts.
import { defineCommand } from './define.ts';
import { R, imageRef, notSimulated } from './trust.ts';

const revoke = defineCommand({
  use: 'revoke [OPTIONS] IMAGE[:TAG]',
  short: 'Remove trust for an image',
  flags: [{ long: 'yes', short: 'y', type: 'bool', usage: 'Do not prompt for confirmation' }],
  // revoke.go revokeTrust: the reference, a digest refused (a bare name asks to confirm, then goes to the server).
  run: notSimulated(1, 1, async (_f, rest) => {
    const r = imageRef(rest[0] as string);
    if ('error' in r) return R('', `${r.error}\n`, 1);
    return !r.tag && r.digest ? R('', 'cannot use a digest reference for IMAGE:TAG\n', 1) : undefined;
  }),
});

export default revoke;
