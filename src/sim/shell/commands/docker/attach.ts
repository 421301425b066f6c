/**
 * `docker attach [OPTIONS] CONTAINER`: the terminal joins a running container's streams.
 * docker/cli@v27.3.1:cli/command/container/attach.go (inspectContainerAndCheckState, RunAttach, getExitStatus), hijack.go.
 * A container started with -it whose PID 1 is a shell becomes the learner's session again; otherwise its output is
 * streamed until it exits or Ctrl-C, which is proxied to it with --sig-proxy when it has no TTY.
 */
import { arity } from './errors.ts';
import { defineCommand } from './define.ts';
import { enterInit, streamAttached } from './run-attach.ts';
import { detachKeyBytes, detachKeysError } from './run-checks.ts';
import { programFor } from '../../../runtime/programs.ts';

const fail = (stderr: string, exitCode = 1) => ({ stdout: '', stderr, exitCode });

// docker/cli@v27.3.1:cli/command/container/attach.go NewAttachCommand
export default defineCommand({
  use: 'attach [OPTIONS] CONTAINER',
  short: 'Attach local standard input, output, and error streams to a running container',
  aliases: 'docker container attach, docker attach',
  flags: [
    { long: 'detach-keys', type: 'string', usage: 'Override the key sequence for detaching a container' },
    { long: 'no-stdin', type: 'bool', usage: 'Do not attach STDIN' },
    { long: 'sig-proxy', type: 'bool', default: 'true', usage: 'Proxy all received signals to the process' },
  ],
  async run(flags, rest, env, cmd) {
    const argErr = arity(cmd, rest.length, 1);
    if (argErr) return argErr;
    const ref = rest[0] as string;
    const c = env.daemon.find(ref);
    // The errors are RunE's: main prints them, status 1 (docker/cli@v27.3.1:cmd/docker/docker.go dockerMain). No such
    // container: moby@v27.3.1:container/view.go, with the client's "Error response from daemon: ".
    if (!c) return fail(`Error response from daemon: No such container: ${ref}\n`);
    // attach.go inspectContainerAndCheckState. The simulator has no restarting state (restarts happen between lines), so
    // "You cannot attach to a restarting container, wait until it is running" cannot be reached.
    if (c.status !== 'running') return fail('You cannot attach to a stopped container, start it first\n');
    if (c.paused) return fail('You cannot attach to a paused container, unpause it first\n');
    const noStdin = Boolean(flags['no-stdin']);
    // In().CheckTty(!NoStdin, Tty): docker/cli@v27.3.1:cli/streams/in.go.
    if (!noStdin && c.config.Tty && !env.stdinTty) return fail('the input device is not a TTY\n');
    const keys = (flags['detach-keys'] as string | undefined) ?? '';
    // The daemon refuses bad keys (moby@v27.3.1:daemon/attach.go "Invalid detach keys"), and the hijacking client reports
    // only the status (docker/cli@v27.3.1:vendor/github.com/docker/docker/client/hijack.go setupHijackConn), as for run.
    if (keys && detachKeysError(keys)) return fail('unable to upgrade to tcp, received 400\n');
    env.daemon.emitFor(c, 'attach'); // moby@v27.3.1:daemon/attach.go containerAttach
    // attach.go resizeTTY: one size larger, then the terminal's own (MonitorTtySize), so the program redraws: two `resize`.
    if (c.config.Tty && env.tty) for (const d of [1, 0]) env.daemon.emitFor(c, 'resize', { height: String(env.rows + d), width: String(env.columns + d) });
    const argv0 = [...(c.config.Entrypoint ?? []), ...(c.config.Cmd ?? [])][0] ?? '';
    const stdin = !noStdin && c.config.OpenStdin;
    // With a TTY and stdin, the container's shell is the terminal's again. The detach keys end the attach with
    // term.EscapeError, which RunAttach returns and main prints (attach.go, unlike run.go and start.go, does not drop it).
    if (stdin && c.config.Tty && env.stdinTty && programFor([argv0], 0, 1, '').shell) {
      const detach = { keys: detachKeyBytes(keys), stderr: 'read escape sequence\n', exitCode: 1 };
      if (enterInit(env, c, c.image.flavor, detach)) return { stdout: '', stderr: '', exitCode: 0 };
    }
    // Only what the container writes from now on (ContainerAttach with Stream and no Logs); signals are proxied
    // only without a TTY (attach.go: opts.Proxy && !c.Config.Tty).
    return streamAttached(env, c, new Set(['stdout', 'stderr']), flags['sig-proxy'] !== false && !c.config.Tty, c.logs.length);
  },
});
