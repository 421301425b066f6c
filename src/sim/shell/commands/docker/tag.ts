import { defineCommand } from './define.ts';
import { tag } from './image.ts';

// docker/cli@v27.3.1:cli/command/image/tag.go
export default defineCommand({
  use: 'tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]',
  short: 'Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE',
  aliases: 'docker image tag, docker tag',
  flags: [],
  // Parses its own arguments still (the registry has checked the flags and answered --help).
  rawArgs: true,
  run: (_flags, args, env) => tag(args, env),
});
