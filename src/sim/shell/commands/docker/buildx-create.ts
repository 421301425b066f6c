// docker buildx create: its cobra definition; what it answers on node1 is said in buildx.ts.
import { defineCommand } from './define.ts';
import { notSimulated } from './buildx.ts';

const create = defineCommand({
  use: 'create [OPTIONS] [CONTEXT|ENDPOINT]',
  short: 'Create a new builder instance',
  flags: [],
  anyFlags: true,
  run: notSimulated,
});

export default create;
