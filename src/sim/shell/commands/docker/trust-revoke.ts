// docker trust revoke: its cobra definition; what it answers on node1 is said in trust.ts.
import { defineCommand } from './define.ts';
import { notSimulated } from './trust.ts';

const revoke = defineCommand({
  use: 'revoke [OPTIONS] IMAGE[:TAG]',
  short: 'Remove trust for an image',
  flags: [{ long: 'yes', short: 'y', type: 'bool', usage: 'Do not prompt for confirmation' }],
  run: notSimulated(1),
});

export default revoke;
