/**
 * `docker unpause CONTAINER...`: runc thaws the cgroup (cgroup.freeze ← 0).
 * Wording: moby@v27.3.1:daemon/unpause.go; docker/cli@v27.3.1:cli/command/container/unpause.go.
 */
import { arity, daemonErr } from './errors.ts';
import { defineCommand } from './define.ts';

// docker/cli@v27.3.1:cli/command/container/unpause.go
export default defineCommand({
  use: 'unpause CONTAINER [CONTAINER...]',
  short: 'Unpause all processes within one or more containers',
  aliases: 'docker container unpause, docker unpause',
  flags: [],
  async run(_flags, rest, env, cmd) {
    const argErr = arity(cmd, rest.length, 1, Number.POSITIVE_INFINITY);
    if (argErr) return argErr;
    let out = '';
    const errs: string[] = [];
    for (const ref of rest) {
      const c = env.daemon.find(ref);
      if (!c) errs.push(`No such container: ${ref}`);
      else if (!c.paused || c.status !== 'running') errs.push(`Container ${c.id} is not paused`);
      else {
        const cg = env.host.kernel.cgroups.get(`/system.slice/docker-${c.id}.scope`);
        if (cg) cg.frozen = 0;
        c.paused = false;
        env.daemon.emitFor(c, 'unpause');
        out += `${ref}\n`;
      }
    }
    return { stdout: out, stderr: errs.map(daemonErr).join(''), exitCode: errs.length ? 1 : 0 };
  },
});
