import { defineCommand } from './define.ts';
import { VOLUME_SUBS } from './storage.ts';

// docker/cli@v27.3.1:cli/command/volume/list.go (--cluster is swarm-only)
export default defineCommand({
  use: 'ls [OPTIONS]',
  short: 'List volumes',
  flags: [
    { long: 'cluster', type: 'bool', usage: 'Display only cluster volumes, and use cluster volume list formatting', hidden: true, sim: false },
    { long: 'filter', short: 'f', type: 'filter', usage: 'Provide filter values (e.g. "dangling=true")' },
    { long: 'format', type: 'string', usage: 'Format output using a custom template:\n\'table\':            Print output in table format with column headers (default)\n\'table TEMPLATE\':   Print output in table format using the given Go template\n\'json\':             Print in JSON format\n\'TEMPLATE\':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates' },
    { long: 'quiet', short: 'q', type: 'bool', usage: 'Only display volume names' },
  ],
  // Parses its own arguments still (the registry has checked the flags and answered --help).
  rawArgs: true,
  run: (_flags, args, env) => VOLUME_SUBS.ls!(args, env),
});
