// docker trust signer add: its cobra definition; what it answers on node1 is said in trust.ts.
import { defineCommand } from './define.ts';
import { notSimulated } from './trust.ts';

export default defineCommand({
  use: 'add OPTIONS NAME REPOSITORY [REPOSITORY...] ',
  short: 'Add a signer',
  flags: [{ long: 'key', type: 'list', usage: "Path to the signer's public key file" }],
  run: notSimulated(2, Number.POSITIVE_INFINITY),
});
