// docker buildx rm: its cobra definition; what it answers on node1 is said in buildx.ts.
import { defineCommand } from './define.ts';
import { notSimulated } from './buildx.ts';

const rm = defineCommand({
  use: 'rm [OPTIONS] [NAME] [NAME...]',
  short: 'Remove one or more builder instances',
  flags: [],
  anyFlags: true,
  run: notSimulated,
});

export default rm;
