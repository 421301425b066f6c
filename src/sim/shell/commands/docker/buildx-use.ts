// docker/buildx@v0.17.1:commands/use.go Running it is not simulated (buildx.ts).
import { defineCommand } from './define.ts';
import { notSimulated } from './buildx.ts';

export default defineCommand({
  use: 'use [OPTIONS] NAME',
  short: 'Set the current builder instance',
  flags: [
    { long: 'global', type: 'bool', usage: 'Builder persists context changes' },
    { long: 'default', type: 'bool', usage: 'Set builder as default for current context' },
  ],
  run: notSimulated,
});
