// docker buildx imagetools inspect: its cobra definition; what it answers on node1 is said in buildx.ts.
import { defineCommand } from './define.ts';
import { notSimulated } from './buildx.ts';

export default defineCommand({
  use: 'inspect [OPTIONS] NAME',
  short: 'Show details of an image in the registry',
  flags: [],
  anyFlags: true,
  run: notSimulated,
});
