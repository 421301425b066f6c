// docker buildx uninstall: its cobra definition; what it answers on node1 is said in buildx.ts.
import { defineCommand } from './define.ts';
import { notSimulated } from './buildx.ts';

const uninstall = defineCommand({ use: 'uninstall', short: "Uninstall the 'docker builder' alias", flags: [], anyFlags: true, run: notSimulated });

export default uninstall;
