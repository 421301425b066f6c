import { defineCommand } from './define.ts';
import { IMAGE_SUBS } from './image.ts';

// docker/cli@v27.3.1:cli/command/image/inspect.go
export default defineCommand({
  use: 'inspect [OPTIONS] IMAGE [IMAGE...]',
  short: 'Display detailed information on one or more images',
  flags: [
    { long: 'format', short: 'f', type: 'string', usage: 'Format output using a custom template:\n\'json\':             Print in JSON format\n\'TEMPLATE\':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates' },
    { long: 'platform', type: 'string', usage: 'Inspect a specific platform of the multi-platform image.', hidden: true },
  ],
  // Parses its own arguments still (the registry has checked the flags and answered --help).
  rawArgs: true,
  run: (_flags, args, env) => IMAGE_SUBS.inspect!(args, env),
});
