import { defineCommand, type FlagValues } from './define.ts';
import { dockerRun } from './run.ts';
import { CREATE_FLAGS, type RUN_FLAGS } from './run-flags.ts';

// docker/cli@v27.3.1:cli/command/container/create.go NewCreateCommand.
export default defineCommand({
  use: 'create [OPTIONS] IMAGE [COMMAND] [ARG...]',
  short: 'Create a new container',
  aliases: 'docker container create, docker create',
  flags: CREATE_FLAGS,
  interspersed: false,
  run: (flags, rest, env, cmd) => dockerRun(flags as FlagValues<typeof RUN_FLAGS>, rest, env, true, cmd),
});
