// docker buildx dial stdio: its cobra definition; what it answers on node1 is said in buildx.ts.
import { defineCommand } from './define.ts';
import { notSimulated } from './buildx.ts';

export default defineCommand({
  use: 'dial-stdio',
  short: 'Proxy current stdio streams to builder instance',
  flags: [],
  anyFlags: true,
  run: notSimulated,
});
