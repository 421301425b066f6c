import { defineCommand } from './define.ts';
import { version } from './system.ts';

// docker/cli@v27.3.1:cli/command/system/version.go
export default defineCommand({
  use: 'version [OPTIONS]',
  short: 'Show the Docker version information',
  top: 10,
  flags: [
    { long: 'format', short: 'f', type: 'string', usage: 'Format output using a custom template:\n\'json\':             Print in JSON format\n\'TEMPLATE\':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates' },
  ],
  // Parses its own arguments still (the registry has checked the flags and answered --help).
  rawArgs: true,
  run: (_flags, args, env) => version(args, env),
});
