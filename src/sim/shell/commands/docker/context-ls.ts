import { defineCommand } from './define.ts';
import { context } from './context.ts';

// docker/cli@v27.3.1:cli/command/context/list.go
export default defineCommand({
  use: 'ls [OPTIONS]',
  short: 'List contexts',
  flags: [
    { long: 'format', type: 'string', usage: 'Format output using a custom template:\n\'table\':            Print output in table format with column headers (default)\n\'table TEMPLATE\':   Print output in table format using the given Go template\n\'json\':             Print in JSON format\n\'TEMPLATE\':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates' },
    { long: 'quiet', short: 'q', type: 'bool', usage: 'Only show context names' },
  ],
  // Parses its own arguments still (the registry has checked the flags and answered --help).
  rawArgs: true,
  run: (_flags, args, env) => context(['ls', ...args], env),
});
