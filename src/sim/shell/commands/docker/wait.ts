/**
 * `docker wait CONTAINER...`: blocks until each container stops, then prints its exit code.
 * docker/cli@v27.3.1:cli/command/container/wait.go; errors joined by newlines, exit 1.
 */
import { arity, daemonErr } from './errors.ts';
import { defineCommand } from './define.ts';

// docker/cli@v27.3.1:cli/command/container/wait.go
export default defineCommand({
  use: 'wait CONTAINER [CONTAINER...]',
  short: 'Block until one or more containers stop, then print their exit codes',
  aliases: 'docker container wait, docker wait',
  flags: [],
  async run(_flags, rest, env, cmd) {
    const argErr = arity(cmd, rest.length, 1, Number.POSITIVE_INFINITY);
    if (argErr) return argErr;
    let out = '';
    let err = '';
    for (const ref of rest) {
      const c = env.daemon.find(ref);
      if (!c) {
        err += daemonErr(`No such container: ${ref}`);
        continue;
      }
      // condition "not-running": a created container counts as not running.
      const outcome = await env.host.waitUntil(() => c.status !== 'running', undefined, env.signal);
      if (outcome === 'aborted') return { stdout: out, stderr: err, exitCode: 130 };
      const text = `${c.exitCode}\n`;
      if (env.stream) env.stream({ stream: 'stdout', text });
      else out += text;
    }
    return { stdout: out, stderr: err, exitCode: err ? 1 : 0 };
  },
});
