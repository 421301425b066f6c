// docker trust sign: its cobra definition; what it answers on node1 is said in trust.ts.
import { defineCommand } from './define.ts';
import { notSimulated } from './trust.ts';

const sign = defineCommand({
  use: 'sign IMAGE:TAG',
  short: 'Sign an image',
  flags: [{ long: 'local', type: 'bool', usage: 'Sign a locally tagged image' }],
  run: notSimulated(1),
});

export default sign;
