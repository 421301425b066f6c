// docker/buildx@v0.17.1:commands/stop.go: no flags of its own. Running it is not simulated (buildx.ts).
import { defineCommand } from './define.ts';
import { notSimulated } from './buildx.ts';

export default defineCommand({
  use: 'stop [NAME]',
  short: 'Stop builder instance',
  flags: [],
  run: notSimulated,
});
