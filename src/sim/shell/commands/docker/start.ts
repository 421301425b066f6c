import type { ExecResult } from '../../../api.ts';
import { DaemonError } from '../../../docker/daemon.ts';
import type { CmdEnv } from '../../types.ts';
import { defineCommand } from './define.ts';
import { each, needArgs, noSuch, R } from './each.ts';
import { enterInit } from './run-attach.ts';
import { detachKeyBytes } from './run-checks.ts';
import { programFor } from '../../../runtime/programs.ts';

// docker/cli@v27.3.1:cli/command/container/start.go (--checkpoint and --checkpoint-dir are
// experimental: hideUnsupportedFeatures hides them from a daemon without experimental features).
export default defineCommand({
  use: 'start [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Start one or more stopped containers',
  aliases: 'docker container start, docker start',
  flags: [
    { long: 'attach', short: 'a', type: 'bool', usage: 'Attach STDOUT/STDERR and forward signals' },
    { long: 'checkpoint', type: 'string', usage: 'Restore from this checkpoint', hidden: true, experimental: true },
    { long: 'checkpoint-dir', type: 'string', usage: 'Use a custom checkpoint storage directory', hidden: true, experimental: true },
    { long: 'detach-keys', type: 'string', usage: 'Override the key sequence for detaching a container' },
    { long: 'interactive', short: 'i', type: 'bool', usage: "Attach container's STDIN" },
  ],
  async run(flags, rest, env, cmd) {
    if (!rest.length) return needArgs(cmd, 'at least');
    if (flags.attach || flags.interactive) return startAttached(rest, env, Boolean(flags.interactive), flags['detach-keys'] as string | undefined);
    const failed: string[] = [];
    const r = await each(env, rest, async (c) => {
      if (c.status === 'running') return undefined;
      env.host.kernel.advance(300);
      try {
        await env.daemon.start(c);
      } catch (e) {
        if (!(e instanceof DaemonError)) throw e;
        failed.push(c.name);
        return `Error response from daemon: ${e.message}\n`;
      }
      return undefined;
    });
    // The CLI sums up the containers that did not start (port clash, a removed network).
    return failed.length ? { ...r, stderr: `${r.stderr}Error: failed to start containers: ${failed.join(', ')}\n` } : r;
  },
});

/**
 * `docker start -a CONTAINER`: start it, stream its output, exit with its status
 * (docker/cli@v27.3.1:cli/command/container/start.go).
 */
async function startAttached(refs: string[], env: CmdEnv, interactive: boolean, detachKeys: string | undefined): Promise<ExecResult> {
  if (refs.length > 1) return R('', 'you cannot start and attach multiple containers at once\n', 1);
  const c = env.daemon.find(refs[0] as string);
  if (!c) return R('', noSuch(refs[0] as string), 1);
  const from = c.logs.length;
  // start.go attaches before it starts the container: moby@v27.3.1:daemon/attach.go containerAttach logs `attach`.
  env.daemon.emitFor(c, 'attach');
  if (c.status !== 'running') {
    env.host.kernel.advance(300);
    try {
      await env.daemon.start(c);
    } catch (e) {
      if (!(e instanceof DaemonError)) throw e;
      return R('', `Error response from daemon: ${e.message}\nError: failed to start containers: ${refs[0]}\n`, 1);
    }
    // start.go: a TTY on a terminal gets its size (MonitorTtySize; daemon/resize.go logs `resize` while the task runs).
    if (c.config.Tty && env.tty && env.daemon.initOf(c)) env.daemon.emitFor(c, 'resize', { height: String(env.rows), width: String(env.columns) });
  }
  // -i on a container made with -it whose PID 1 is a shell: that shell becomes the session, and the detach keys leave it
  // silently with status 0 (start.go drops term.EscapeError, as run.go does).
  const argv0 = [...(c.config.Entrypoint ?? []), ...(c.config.Cmd ?? [])][0] ?? '';
  const tty = interactive && c.config.Tty && c.config.OpenStdin && env.stdinTty && programFor([argv0], 0, 1, '').shell;
  if (tty && enterInit(env, c, c.image.flavor, { keys: detachKeyBytes(detachKeys), stderr: '', exitCode: 0 })) return R('', '', 0);
  let sent = from;
  const flush = () => {
    for (const l of c.logs.slice(sent)) env.stream?.({ stream: l.stream, text: l.text });
    sent = c.logs.length;
  };
  const outcome = await env.host.waitUntil(
    () => {
      if (env.stream) flush();
      return c.status !== 'running';
    },
    undefined,
    env.signal,
  );
  if (env.stream) {
    flush();
    return R('', '', outcome === 'aborted' ? 130 : c.exitCode);
  }
  const out = c.logs.slice(from);
  return R(
    out
      .filter((l) => l.stream === 'stdout')
      .map((l) => l.text)
      .join(''),
    out
      .filter((l) => l.stream === 'stderr')
      .map((l) => l.text)
      .join(''),
    outcome === 'aborted' ? 130 : c.exitCode,
  );
}
