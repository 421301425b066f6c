import { defineCommand } from './define.ts';
import { push } from './image.ts';

// docker/cli@v27.3.1:cli/command/image/push.go
export default defineCommand({
  use: 'push [OPTIONS] NAME[:TAG]',
  short: 'Upload an image to a registry',
  aliases: 'docker image push, docker push',
  top: 6,
  flags: [
    { long: 'all-tags', short: 'a', type: 'bool', usage: 'Push all tags of an image to the repository' },
    { long: 'disable-content-trust', type: 'bool', default: 'true', usage: 'Skip image signing', sim: false },
    { long: 'platform', type: 'string', usage: 'Push a platform-specific manifest as a single-platform image to the registry.\nImage index won\'t be pushed, meaning that other manifests, including attestations won\'t be preserved.\n\'os[/arch[/variant]]\': Explicit platform (eg. linux/amd64)', sim: false },
    { long: 'quiet', short: 'q', type: 'bool', usage: 'Suppress verbose output' },
  ],
  // Parses its own arguments still (the registry has checked the flags and answered --help).
  rawArgs: true,
  run: (_flags, args, env) => push(args, env),
});
