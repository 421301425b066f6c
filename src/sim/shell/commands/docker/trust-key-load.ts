// docker trust key load: its cobra definition; what it answers on node1 is said in trust.ts.
import { defineCommand } from './define.ts';
import { notSimulated } from './trust.ts';

export default defineCommand({
  use: 'load [OPTIONS] KEYFILE',
  short: 'Load a private key file for signing',
  flags: [{ long: 'name', type: 'string', default: 'signer', usage: 'Name for the loaded key' }],
  run: notSimulated(1),
});
