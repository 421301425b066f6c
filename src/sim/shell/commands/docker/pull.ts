import { arity } from './errors.ts';
import { R } from './image.ts';
import { defineCommand } from './define.ts';

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
  async run(flags, rest, env, cmd) {
    const argErr = arity(cmd, rest.length, 1);
    if (argErr) return argErr;
    const lib = await env.daemon.imageLib();
    // docker/cli@v27.3.1:cli/command/utils.go AddPlatformFlag: the flag's default is $DOCKER_DEFAULT_PLATFORM.
    const platform = flags.platform ?? env.env.get('DOCKER_DEFAULT_PLATFORM');
    const r = await lib.service.pull(rest[0] as string, platform ? { platform } : {});
    if (flags.quiet && r.exitCode === 0) return R(r.stdout.split('\n').filter(Boolean).pop() + '\n');
    return R(r.stdout, r.stderr, r.exitCode);
  },
});
