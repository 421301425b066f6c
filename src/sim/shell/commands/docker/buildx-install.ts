// docker buildx install: its cobra definition; what it answers on node1 is said in buildx.ts.
import { defineCommand } from './define.ts';
import { notSimulated } from './buildx.ts';

// install.go, uninstall.go: Hidden.
const install = defineCommand({ use: 'install', short: "Install buildx as a 'docker builder' alias", flags: [], anyFlags: true, run: notSimulated });

export default install;
