// docker buildx imagetools create: its cobra definition; what it answers on node1 is said in buildx.ts.
import { defineCommand } from './define.ts';
import { notSimulated } from './buildx.ts';

export default defineCommand({
  use: 'create [OPTIONS] [SOURCE] [SOURCE...]',
  short: 'Create a new image based on source images',
  flags: [],
  anyFlags: true,
  run: notSimulated,
});
