import { defineCommand } from './define.ts';
import { NETWORK_SUBS } from './network.ts';

// docker/cli@v27.3.1:cli/command/network/list.go
export default defineCommand({
  use: 'ls [OPTIONS]',
  short: 'List networks',
  flags: [
    { long: 'filter', short: 'f', type: 'filter', usage: 'Provide filter values (e.g. "driver=bridge")' },
    { long: 'format', type: 'string', usage: 'Format output using a custom template:\n\'table\':            Print output in table format with column headers (default)\n\'table TEMPLATE\':   Print output in table format using the given Go template\n\'json\':             Print in JSON format\n\'TEMPLATE\':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates' },
    { long: 'no-trunc', type: 'bool', usage: 'Do not truncate the output' },
    { long: 'quiet', short: 'q', type: 'bool', usage: 'Only display network IDs' },
  ],
  // Parses its own arguments still (the registry has checked the flags and answered --help).
  rawArgs: true,
  run: (_flags, args, env) => NETWORK_SUBS.ls!(args, env),
});
