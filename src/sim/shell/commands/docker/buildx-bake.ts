// docker buildx bake: its cobra definition; what it answers on node1 is said in buildx.ts.
import { defineCommand } from './define.ts';
import { notSimulated } from './buildx.ts';

// The cobra definitions of the rest (commands/build.go is build.ts: registry-more.ts).
const bake = defineCommand({ use: 'bake [OPTIONS] [TARGET...]', short: 'Build from a file', flags: [], anyFlags: true, run: notSimulated });

export default bake;
