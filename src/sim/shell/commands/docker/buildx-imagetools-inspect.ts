// docker/buildx@v0.17.1:commands/imagetools/inspect.go Running it is not simulated (buildx.ts).
import { defineCommand } from './define.ts';
import { notSimulated } from './buildx.ts';

export default defineCommand({
  use: 'inspect [OPTIONS] NAME',
  short: 'Show details of an image in the registry',
  flags: [
    { long: 'format', type: 'string', usage: 'Format the output using the given Go template' },
    { long: 'raw', type: 'bool', usage: 'Show original, unformatted JSON manifest' },
  ],
  run: notSimulated,
});
