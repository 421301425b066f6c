import { defineCommand } from './define.ts';
import { rmi } from './image.ts';

// docker/cli@v27.3.1:cli/command/image/remove.go
export default defineCommand({
  use: 'rmi [OPTIONS] IMAGE [IMAGE...]',
  short: 'Remove one or more images',
  aliases: 'docker image rm, docker image remove, docker rmi',
  flags: [
    { long: 'force', short: 'f', type: 'bool', usage: 'Force removal of the image' },
    { long: 'no-prune', type: 'bool', usage: 'Do not delete untagged parents' },
  ],
  // Parses its own arguments still (the registry has checked the flags and answered --help).
  rawArgs: true,
  run: (_flags, args, env) => rmi(args, env),
});
