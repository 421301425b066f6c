import { defineCommand } from './define.ts';
import { history } from './image.ts';

// docker/cli@v27.3.1:cli/command/image/history.go
export default defineCommand({
  use: 'history [OPTIONS] IMAGE',
  short: 'Show the history of an image',
  aliases: 'docker image history, docker history',
  flags: [
    { long: 'format', type: 'string', usage: 'Format output using a custom template:\n\'table\':            Print output in table format with column headers (default)\n\'table TEMPLATE\':   Print output in table format using the given Go template\n\'json\':             Print in JSON format\n\'TEMPLATE\':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates' },
    { long: 'human', short: 'H', type: 'bool', default: 'true', usage: 'Print sizes and dates in human readable format' },
    { long: 'no-trunc', type: 'bool', usage: 'Don\'t truncate output' },
    { long: 'quiet', short: 'q', type: 'bool', usage: 'Only show image IDs' },
  ],
  // Parses its own arguments still (the registry has checked the flags and answered --help).
  rawArgs: true,
  run: (_flags, args, env) => history(args, env),
});
