import { displayRef } from '../../../image/store.ts';
import { arity } from './errors.ts';
import { R } from './image.ts';
import { defineCommand } from './define.ts';

// docker/cli@v27.3.1:cli/command/image/tag.go
export default defineCommand({
  use: 'tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]',
  short: 'Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE',
  aliases: 'docker image tag, docker tag',
  flags: [],
  async run(_flags, rest, env, cmd) {
    const argErr = arity(cmd, rest.length, 2);
    if (argErr) return argErr;
    const lib = await env.daemon.imageLib();
    const r = lib.store.tag(rest[0] as string, rest[1] as string);
    // moby@v27.3.1:daemon/images/image_tag.go TagImage: LogImageEvent(ID, FamiliarString(newTag), "tag").
    const li = r.exitCode === 0 ? lib.store.lookup(rest[1] as string) : undefined;
    if (li) env.daemon.emit('image', 'tag', li.image.id, { ...(li.image.config.config.Labels ?? {}), name: displayRef(rest[1] as string) });
    return R(r.stdout, r.stderr, r.exitCode);
  },
});
