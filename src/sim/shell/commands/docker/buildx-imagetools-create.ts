// docker/buildx@v0.17.1:commands/imagetools/create.go Running it is not simulated (buildx.ts).
import { defineCommand } from './define.ts';
import { notSimulated } from './buildx.ts';

export default defineCommand({
  use: 'create [OPTIONS] [SOURCE] [SOURCE...]',
  short: 'Create a new image based on source images',
  flags: [
    { long: 'file', short: 'f', type: 'stringArray', default: '[]', usage: 'Read source descriptor from file' },
    { long: 'tag', short: 't', type: 'stringArray', default: '[]', usage: 'Set reference for new image' },
    { long: 'dry-run', type: 'bool', usage: 'Show final image instead of pushing' },
    { long: 'append', type: 'bool', usage: 'Append to existing manifest' },
    {
      long: 'progress',
      type: 'string',
      default: 'auto',
      usage: 'Set type of progress output ("auto", "plain", "tty", "rawjson"). Use plain to show container output',
    },
    { long: 'annotation', type: 'stringArray', default: '[]', usage: 'Add annotation to the image' },
    {
      long: 'prefer-index',
      type: 'bool',
      default: 'true',
      usage: 'When only a single source is specified, prefer outputting an image index or manifest list instead of performing a carbon copy',
    },
  ],
  run: notSimulated,
});
