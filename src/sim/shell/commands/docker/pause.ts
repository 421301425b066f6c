/**
 * `docker pause CONTAINER...`: runc freezes the container's cgroup (cgroup v2: writes 1 to
 * cgroup.freeze); moby keeps State.Running and sets State.Paused.
 * Wording: moby@v27.3.1:daemon/pause.go, daemon/errors.go; docker/cli@v27.3.1:cli/command/container/pause.go.
 */
import { arity, daemonErr } from './errors.ts';
import { defineCommand } from './define.ts';

// docker/cli@v27.3.1:cli/command/container/pause.go
export default defineCommand({
  use: 'pause CONTAINER [CONTAINER...]',
  short: 'Pause all processes within one or more containers',
  aliases: 'docker container pause, docker pause',
  flags: [],
  async run(_flags, rest, env, cmd) {
    const argErr = arity(cmd, rest.length, 1, Number.POSITIVE_INFINITY);
    if (argErr) return argErr;
    let out = '';
    const errs: string[] = [];
    for (const ref of rest) {
      const c = env.daemon.find(ref);
      if (!c) errs.push(`No such container: ${ref}`);
      else if (c.status !== 'running') errs.push(`container ${c.id} is not running`);
      else if (c.paused) errs.push(`Container ${c.id} is already paused`);
      else {
        const cg = env.host.kernel.cgroups.get(`/system.slice/docker-${c.id}.scope`);
        if (cg) cg.frozen = 1;
        c.paused = true;
        env.daemon.emitFor(c, 'pause');
        out += `${ref}\n`;
      }
    }
    return { stdout: out, stderr: errs.map(daemonErr).join(''), exitCode: errs.length ? 1 : 0 };
  },
});
