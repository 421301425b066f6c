// docker/buildx@v0.17.1:commands/rm.go Running it is not simulated (buildx.ts).
import { defineCommand } from './define.ts';
import { notSimulated } from './buildx.ts';

export default defineCommand({
  use: 'rm [OPTIONS] [NAME] [NAME...]',
  short: 'Remove one or more builder instances',
  flags: [
    { long: 'keep-state', type: 'bool', usage: 'Keep BuildKit state' },
    { long: 'keep-daemon', type: 'bool', usage: 'Keep the BuildKit daemon running' },
    { long: 'all-inactive', type: 'bool', usage: 'Remove all inactive builders' },
    { long: 'force', short: 'f', type: 'bool', usage: 'Do not prompt for confirmation' },
  ],
  run: notSimulated,
});
