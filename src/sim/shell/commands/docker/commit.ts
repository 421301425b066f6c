import { arity } from './errors.ts';
import { parseNormalizedNamed, tagNameOnly } from '../../../../oci/reference.ts';
import { commitImage } from '../../../image/container-fs.ts';
import { familiarKey, tagKey } from '../../../image/store.ts';
import { R } from './storage.ts';
import { defineCommand } from './define.ts';

// docker/cli@v27.3.1:cli/command/container/commit.go
export default defineCommand({
  use: 'commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]',
  short: "Create a new image from a container's changes",
  aliases: 'docker container commit, docker commit',
  flags: [
    { long: 'author', short: 'a', type: 'string', usage: 'Author (e.g., "John Hannibal Smith <hannibal@a-team.com>")' },
    { long: 'change', short: 'c', type: 'list', usage: 'Apply Dockerfile instruction to the created image' },
    { long: 'message', short: 'm', type: 'string', usage: 'Commit message' },
    { long: 'pause', short: 'p', type: 'bool', default: 'true', usage: 'Pause container during commit' },
  ],
  async run(flags, rest, env, cmd) {
    const argErr = arity(cmd, rest.length, 1, 2);
    if (argErr) return argErr;
    const c = env.daemon.find(rest[0] as string);
    if (!c) return R('', `Error response from daemon: No such container: ${rest[0]}\n`, 1);
    const lib = await env.daemon.imageLib();
    const base = lib.imageOf(c);
    const root = lib.rootfs.get(c.id)?.root;
    if (!base || !root) return R('', `Error response from daemon: No such container: ${rest[0]}\n`, 1);
    let key: string | undefined;
    if (rest[1]) {
      try {
        const ref = parseNormalizedNamed(rest[1]);
        if (ref.digest) return R('', `Error response from daemon: invalid reference format\n`, 1);
        key = tagKey(tagNameOnly(ref));
      } catch (e) {
        return R('', `Error response from daemon: ${(e as Error).message}\n`, 1);
      }
    }
    const cfg = base.image.config.config;
    // moby@v27.3.1:daemon/commit.go: --change goes through dockerfile.BuildFromConfig (build/changes.ts).
    const { applyChanges } = await import('../../../build/changes.ts');
    const config = applyChanges(
      {
        ...cfg,
        Env: c.config.Env,
        Cmd: c.config.Cmd,
        Entrypoint: c.config.Entrypoint,
        ...(c.config.User ? { User: c.config.User } : {}),
        ...(c.config.WorkingDir ? { WorkingDir: c.config.WorkingDir } : {}),
      },
      (flags.change as string[] | undefined) ?? [],
    );
    if ('error' in config) return R('', `Error response from daemon: ${config.error as string}\n`, 1);
    const image = await commitImage(base.image, root, {
      createdBy: [...(c.config.Entrypoint ?? []), ...(c.config.Cmd ?? [])].join(' '),
      createdMs: env.host.clock.nowMs,
      config,
      ...(flags.author ? { author: flags.author as string } : {}),
      ...(flags.message ? { message: flags.message as string } : {}),
    });
    await lib.store.add(image);
    if (key) lib.store.setTag(key, image.id);
    // moby@v27.3.1:daemon/commit.go CreateImageFromContainer: a running container is paused (--pause, the default) and
    // unpaused after; images/image_commit.go logs the image's `create`, image_tag.go its `tag`, then the container's
    // `commit` (comment, imageID, imageRef). images/image_events.go: an image event carries its labels and name.
    const pause = c.status === 'running' && !c.paused && flags.pause !== false;
    const labels = image.config.config.Labels ?? {};
    if (pause) env.daemon.emitFor(c, 'pause');
    env.daemon.emit('image', 'create', image.id, { ...labels, name: image.id });
    const imageRef = key ? familiarKey(key) : '';
    if (key) env.daemon.emit('image', 'tag', image.id, { ...labels, name: imageRef });
    env.daemon.emitFor(c, 'commit', { comment: (flags.message as string | undefined) ?? '', imageID: image.id, imageRef });
    if (pause) env.daemon.emitFor(c, 'unpause');
    return R(`${image.id}\n`);
  },
});
