import { arity } from './errors.ts';
import { R, pushAllTags } from './image.ts';
import { defineCommand } from './define.ts';

// docker/cli@v27.3.1:cli/command/image/push.go
export default defineCommand({
  use: 'push [OPTIONS] NAME[:TAG]',
  short: 'Upload an image to a registry',
  aliases: 'docker image push, docker push',
  top: 6,
  flags: [
    { long: 'all-tags', short: 'a', type: 'bool', usage: 'Push all tags of an image to the repository' },
    { long: 'disable-content-trust', type: 'bool', default: 'true', usage: 'Skip image signing', sim: false },
    {
      long: 'platform',
      type: 'string',
      usage:
        "Push a platform-specific manifest as a single-platform image to the registry.\nImage index won't be pushed, meaning that other manifests, including attestations won't be preserved.\n'os[/arch[/variant]]': Explicit platform (eg. linux/amd64)",
      sim: false,
    },
    { long: 'quiet', short: 'q', type: 'bool', usage: 'Suppress verbose output' },
  ],
  async run(flags, rest, env, cmd) {
    const argErr = arity(cmd, rest.length, 1);
    if (argErr) return argErr;
    const lib = await env.daemon.imageLib();
    if (flags['all-tags']) return pushAllTags(rest[0] as string, lib);
    const r = await lib.service.push(rest[0] as string);
    // --quiet: the CLI discards the progress and prints the normalized reference.
    if (flags.quiet && r.exitCode === 0)
      return R(`${/^The push refers to repository \[(.*)\]$/m.exec(r.stdout)?.[1]}:${/^(\S+): digest: /m.exec(r.stdout)?.[1]}\n`);
    return R(r.stdout, r.stderr, r.exitCode);
  },
});
