import { defineCommand } from './define.ts';
import { pull } from './image.ts';

// docker/cli@v27.3.1:cli/command/image/pull.go
export default defineCommand({
  use: 'pull [OPTIONS] NAME[:TAG|@DIGEST]',
  short: 'Download an image from a registry',
  aliases: 'docker image pull, docker pull',
  top: 5,
  flags: [
    { long: 'all-tags', short: 'a', type: 'bool', usage: 'Download all tagged images in the repository' },
    { long: 'disable-content-trust', type: 'bool', default: 'true', usage: 'Skip image verification', sim: false },
    { long: 'platform', type: 'string', usage: 'Set platform if server is multi-platform capable' },
    { long: 'quiet', short: 'q', type: 'bool', usage: 'Suppress verbose output' },
  ],
  // Parses its own arguments still (the registry has checked the flags and answered --help).
  rawArgs: true,
  run: (_flags, args, env) => pull(args, env),
});
