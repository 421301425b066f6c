import { defineCommand } from './define.ts';
import { commit } from './storage.ts';

// docker/cli@v27.3.1:cli/command/container/commit.go
export default defineCommand({
  use: 'commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]',
  short: 'Create a new image from a container\'s changes',
  aliases: 'docker container commit, docker commit',
  flags: [
    { long: 'author', short: 'a', type: 'string', usage: 'Author (e.g., "John Hannibal Smith <hannibal@a-team.com>")' },
    { long: 'change', short: 'c', type: 'list', usage: 'Apply Dockerfile instruction to the created image' },
    { long: 'message', short: 'm', type: 'string', usage: 'Commit message' },
    { long: 'pause', short: 'p', type: 'bool', default: 'true', usage: 'Pause container during commit' },
  ],
  // Parses its own arguments still (the registry has checked the flags and answered --help).
  rawArgs: true,
  run: (_flags, args, env) => commit(args, env),
});
