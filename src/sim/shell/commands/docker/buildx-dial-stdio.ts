// docker/buildx@v0.17.1:commands/dial_stdio.go: --platform defaults to $DOCKER_DEFAULT_PLATFORM, unset on node1. Running it is not simulated (buildx.ts).
import { defineCommand } from './define.ts';
import { notSimulated } from './buildx.ts';

export default defineCommand({
  use: 'dial-stdio',
  short: 'Proxy current stdio streams to builder instance',
  flags: [
    { long: 'platform', type: 'string', usage: 'Target platform: this is used for node selection' },
    {
      long: 'progress',
      type: 'string',
      default: 'quiet',
      usage: 'Set type of progress output ("auto", "plain", "tty", "rawjson"). Use plain to show container output',
    },
  ],
  run: notSimulated,
});
