import { defineCommand } from './define.ts';
import { context } from './context.ts';

// docker/cli@v27.3.1:cli/command/context/inspect.go
export default defineCommand({
  use: 'inspect [OPTIONS] [CONTEXT] [CONTEXT...]',
  short: 'Display detailed information on one or more contexts',
  flags: [
    { long: 'format', short: 'f', type: 'string', usage: 'Format output using a custom template:\n\'json\':             Print in JSON format\n\'TEMPLATE\':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates' },
  ],
  // Parses its own arguments still (the registry has checked the flags and answered --help).
  rawArgs: true,
  run: (_flags, args, env) => context(['inspect', ...args], env),
});
