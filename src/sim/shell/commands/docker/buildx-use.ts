// docker buildx use: its cobra definition; what it answers on node1 is said in buildx.ts.
import { defineCommand } from './define.ts';
import { notSimulated } from './buildx.ts';

const use = defineCommand({ use: 'use [OPTIONS] NAME', short: 'Set the current builder instance', flags: [], anyFlags: true, run: notSimulated });

export default use;
