import { SIGKILL } from '../../../kernel/signals.ts';
import { defineCommand } from './define.ts';
import { each, needArgs, noSuch } from './each.ts';

// docker/cli@v27.3.1:cli/command/container/rm.go
export default defineCommand({
  use: 'rm [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Remove one or more containers',
  aliases: 'docker container rm, docker container remove, docker rm',
  flags: [
    { long: 'force', short: 'f', type: 'bool', usage: 'Force the removal of a running container (uses SIGKILL)' },
    { long: 'link', short: 'l', type: 'bool', usage: 'Remove the specified link' },
    { long: 'volumes', short: 'v', type: 'bool', usage: 'Remove anonymous volumes associated with the container' },
  ],
  async run(flags, rest, env, cmd) {
    if (!rest.length) return needArgs(cmd, 'at least');
    // rm.go: with --force a missing container is reported on stderr but is not an error (exit 0).
    const missing = rest.filter((r) => !env.daemon.find(r));
    // --link: moby@v27.3.1:daemon/delete.go containerRm → rmLink. The CLI trims the slashes; a plain
    // container name is its own default link ("/name"), which cannot be removed, and the simulator makes no
    // links (--link is recorded, not wired), so no "/parent/alias" name exists: No such container.
    if (flags.link) {
      const names = rest.map((r) => r.replace(/^\/+|\/+$/g, ''));
      const errs = names.map((n) =>
        n === ''
          ? 'Container name cannot be empty'
          : env.daemon.find(n)
            ? 'Error response from daemon: Conflict, cannot remove the default link name of the container'
            : noSuch(n).trim(),
      );
      return { stdout: '', stderr: `${errs.join('\n')}\n`, exitCode: 1 };
    }
    const r = await each(env, rest, async (c) => {
      if (c.status === 'running') {
        if (!flags.force)
          return `Error response from daemon: cannot remove container "/${c.name}": container is running: stop the container before removing or force remove\n`;
        env.daemon.signal(c, SIGKILL);
      }
      if (flags.volumes) env.daemon.lib?.dropVolumes.add(c.id);
      env.daemon.remove(c);
      return undefined;
    });
    if (flags.force && r.exitCode !== 0) {
      const other = r.stderr.split('\n').filter((l) => l && !missing.some((m) => l === noSuch(m).trim()));
      return { ...r, exitCode: other.length ? 1 : 0 };
    }
    return r;
  },
});
