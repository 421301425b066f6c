import { defineCommand } from './define.ts';
import { images } from './image.ts';

// docker/cli@v27.3.1:cli/command/image/list.go
export default defineCommand({
  use: 'images [OPTIONS] [REPOSITORY[:TAG]]',
  short: 'List images',
  aliases: 'docker image ls, docker image list, docker images',
  top: 7,
  flags: [
    { long: 'all', short: 'a', type: 'bool', usage: 'Show all images (default hides intermediate images)' },
    { long: 'digests', type: 'bool', usage: 'Show digests' },
    { long: 'filter', short: 'f', type: 'filter', usage: 'Filter output based on conditions provided' },
    { long: 'format', type: 'string', usage: 'Format output using a custom template:\n\'table\':            Print output in table format with column headers (default)\n\'table TEMPLATE\':   Print output in table format using the given Go template\n\'json\':             Print in JSON format\n\'TEMPLATE\':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates' },
    { long: 'no-trunc', type: 'bool', usage: 'Don\'t truncate output' },
    { long: 'quiet', short: 'q', type: 'bool', usage: 'Only show image IDs' },
    { long: 'tree', type: 'bool', usage: 'List multi-platform images as a tree (EXPERIMENTAL)', sim: false },
  ],
  // Parses its own arguments still (the registry has checked the flags and answered --help).
  rawArgs: true,
  run: (_flags, args, env) => images(args, env),
});
