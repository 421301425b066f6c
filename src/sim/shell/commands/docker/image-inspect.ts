import { displayRef } from '../../../image/store.ts';
import { arity } from './errors.ts';
import { typedImage } from './inspect-typed.ts';
import { templated } from './format.ts';
import { imageDocs } from './image.ts';
import { defineCommand, INSPECT_FORMAT_HELP } from './define.ts';

// docker/cli@v27.3.1:cli/command/image/inspect.go; a missing image is the daemon's 404 (moby@v27.3.1:
// daemon/images/image.go ErrImageDoesNotExist "No such image: " + the familiar name, client/image_inspect.go passes it on).
export default defineCommand({
  use: 'inspect [OPTIONS] IMAGE [IMAGE...]',
  short: 'Display detailed information on one or more images',
  flags: [
    { long: 'format', short: 'f', type: 'string', usage: INSPECT_FORMAT_HELP },
    { long: 'platform', type: 'string', usage: 'Inspect a specific platform of the multi-platform image.', hidden: true },
  ],
  async run(flags, rest, env, cmd) {
    const argErr = arity(cmd, rest.length, 1, Number.POSITIVE_INFINITY);
    if (argErr) return argErr;
    const { docs, missing } = await imageDocs(env, rest);
    return templated(
      docs,
      flags.format as string | undefined,
      missing.map((m) => `Error response from daemon: No such image: ${displayRef(m)}\n`).join(''),
      docs.map(typedImage),
    );
  },
});
