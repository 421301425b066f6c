// docker buildx stop: its cobra definition; what it answers on node1 is said in buildx.ts.
import { defineCommand } from './define.ts';
import { notSimulated } from './buildx.ts';

const stop = defineCommand({ use: 'stop [NAME]', short: 'Stop builder instance', flags: [], anyFlags: true, run: notSimulated });

export default stop;
