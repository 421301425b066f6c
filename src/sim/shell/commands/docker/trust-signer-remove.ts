// docker trust signer remove: its cobra definition; what it answers on node1 is said in trust.ts.
import { defineCommand } from './define.ts';
import { notSimulated } from './trust.ts';

export default defineCommand({
  use: 'remove [OPTIONS] NAME REPOSITORY [REPOSITORY...]',
  short: 'Remove a signer',
  flags: [{ long: 'force', short: 'f', type: 'bool', usage: 'Do not prompt for confirmation before removing the most recent signer' }],
  run: notSimulated(2, Number.POSITIVE_INFINITY),
});
