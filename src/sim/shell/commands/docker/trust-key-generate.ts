// docker trust key generate: its cobra definition; what it answers on node1 is said in trust.ts.
import { defineCommand } from './define.ts';
import { notSimulated } from './trust.ts';

export default defineCommand({
  use: 'generate NAME',
  short: 'Generate and load a signing key-pair',
  flags: [{ long: 'dir', type: 'string', usage: 'Directory to generate key in, defaults to current directory' }],
  run: notSimulated(1),
});
