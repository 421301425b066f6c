import { execUserError } from '../../../docker/exec-user.ts';
import { execStarted } from '../../../docker/events.ts';
import { arity } from './errors.ts';
import { readEnvFiles } from './envfile.ts';
import { programFor } from '../../../runtime/programs.ts';
import { imgHas, lookPathError } from '../../../docker/images.ts';
import { defineCommand } from './define.ts';
import { detachKeyBytes, detachKeysError } from './run-checks.ts';
import { shellKind } from '../../shellkind.ts';

// docker/cli@v27.3.1:cli/command/container/exec.go
export default defineCommand({
  use: 'exec [OPTIONS] CONTAINER COMMAND [ARG...]',
  short: 'Execute a command in a running container',
  aliases: 'docker container exec, docker exec',
  top: 2,
  flags: [
    { long: 'detach', short: 'd', type: 'bool', usage: 'Detached mode: run command in the background' },
    { long: 'detach-keys', type: 'string', usage: 'Override the key sequence for detaching a container' },
    { long: 'env', short: 'e', type: 'list', usage: 'Set environment variables' },
    { long: 'env-file', type: 'list', usage: 'Read in a file of environment variables' },
    { long: 'interactive', short: 'i', type: 'bool', usage: 'Keep STDIN open even if not attached' },
    { long: 'privileged', type: 'bool', usage: 'Give extended privileges to the command' },
    { long: 'tty', short: 't', type: 'bool', usage: 'Allocate a pseudo-TTY' },
    { long: 'user', short: 'u', type: 'string', usage: 'Username or UID (format: "<name|uid>[:<group|gid>]")' },
    { long: 'workdir', short: 'w', type: 'string', usage: 'Working directory inside the container' },
  ],
  interspersed: false,
  async run(flags, rest, env, cmd) {
    const [ref, ...argv] = rest;
    const argErr = arity(cmd, rest.length, 2, Number.POSITIVE_INFINITY);
    if (argErr) return argErr;
    // exec.go parseExec (before the daemon is asked): ReadKVEnvStrings, the files first, then -e.
    const fileEnv = await readEnvFiles(env, (flags['env-file'] as string[] | undefined) ?? []);
    if (!Array.isArray(fileEnv)) return { stdout: '', stderr: `open ${fileEnv.missing}: no such file or directory\n`, exitCode: 1 };
    const c = env.daemon.find(ref);
    if (!c) return { stdout: '', stderr: `Error response from daemon: No such container: ${ref}\n`, exitCode: 1 };
    // exec.go RunExec: after the inspect ("No such container" first), In().CheckTty(AttachStdin = -i, Tty) unless -d.
    if (!flags.detach && flags.tty && flags.interactive && !env.stdinTty) return { stdout: '', stderr: 'the input device is not a TTY\n', exitCode: 1 };
    if (c.status !== 'running') return { stdout: '', stderr: `Error response from daemon: container ${c.id} is not running\n`, exitCode: 1 };
    // moby@v27.3.1:daemon/errors.go errExecPaused.
    if (c.paused) return { stdout: '', stderr: `Error response from daemon: Container ${c.id} is paused, unpause the container before exec\n`, exitCode: 1 };
    // moby@v27.3.1:daemon/exec.go ContainerExecCreate, after getActiveContainer: a plain error (500), its text shown.
    const keys = flags['detach-keys'] as string | undefined;
    if (keys && detachKeysError(keys)) return { stdout: '', stderr: `Error response from daemon: Invalid escape keys (${keys}) provided\n`, exitCode: 1 };
    // moby@v27.3.1:daemon/exec.go ContainerExecStart: execSetPlatformOpt looks the user up first (exec_linux.go getUser);
    // its error fails the start with ExitCode 126, written on the attached stream (or the API's answer with -d).
    // Created and started (exec_create, exec_start: docker/events.ts) before the start can still fail below.
    const ids: { execId?: string } = {};
    execStarted((x, a, extra) => env.daemon.emitFor(x, a, extra), env.daemon.events, c, argv, ids);
    const badUser = typeof flags.user === 'string' ? execUserError(c.image.files, flags.user) : undefined;
    if (badUser)
      return flags.detach
        ? { stdout: '', stderr: `Error response from daemon: ${badUser}\n`, exitCode: 1 }
        : { stdout: '', stderr: `${badUser}\n`, exitCode: 126 };
    if (!imgHas(c.image, argv[0] as string)) {
      const why = lookPathError(c.image, argv[0] as string);
      // moby@v27.3.1:daemon/exec.go: an exec that fails to start has ExitCode 126, whatever the cause.
      return {
        stdout: '',
        stderr: `OCI runtime exec failed: exec failed: unable to start container process: exec: "${argv[0]}": ${why}: unknown\n`,
        exitCode: 126,
      };
    }
    const f = flags;
    const proc = env.daemon.execProcess(
      c,
      argv,
      f.user as string | undefined,
      [...fileEnv, ...((f.env as string[] | undefined) ?? [])],
      f.workdir as string | undefined,
    );
    proc.execId = ids.execId;
    if (f.interactive) proc.stdinPipe = true;
    const k = env.host.kernel;
    const spec = programFor(argv, 0, 1, '');
    if (f.detach) {
      // -d: the process starts in the background and docker exec returns at once, printing
      // nothing. A shell kept open by -i waits on its stdin; a one-shot command just runs.
      if (spec.oneshot && !(spec.shell && f.interactive)) {
        await env.daemon.runner(c, proc, argv, false, f.workdir as string | undefined);
        if (k.procs.has(proc.pid)) k.exit(proc, 0);
      } else {
        proc.tty = f.tty ? 'pts/0' : '?';
        if (spec.shell) {
          proc.reaps = true;
          proc.handlers = new Set([2, 15]);
        }
      }
      return { stdout: '', stderr: '', exitCode: 0 };
    }
    if (spec.shell && f.interactive && env.stdinTty) {
      proc.tty = f.tty ? 'pts/0' : '?';
      proc.reaps = true;
      proc.handlers = new Set([2, 15]);
      env.enterSession({
        proc,
        root: c.id,
        flavor: c.image.flavor,
        shell: shellKind(c.image.flavor, argv[0]),
        hostname: c.config.Hostname,
        env: { ...proc.env },
        cwd: (f.workdir as string | undefined) ?? (c.config.WorkingDir || '/'),
        status: 0,
        // exec.go interactiveExec returns hijack's term.EscapeError: main prints it, status 1 (run.go and start.go drop it).
        // moby@v27.3.1:daemon/exec.go ContainerExecStart logs `exec_detach` (execID) when the attach ends with the keys.
        detach: {
          keys: detachKeyBytes(keys),
          stderr: 'read escape sequence\n',
          exitCode: 1,
          onDetach: () => env.daemon.emitFor(c, 'exec_detach', { execID: ids.execId ?? '' }),
        },
        onExit: (status) => {
          k.exit(proc, status);
          return (argv[0] ?? '').endsWith('bash') ? 'exit\n' : '';
        },
      });
      return { stdout: '', stderr: '', exitCode: 0 };
    }
    // -t: the process's streams are the exec's own pty (its /proc/PID/fd, ps's TTY column: fs/procfd.ts).
    proc.tty = f.tty ? 'pts/0' : '?';
    // -i with a pipe or a file on stdin: the process reads it (`docker exec -i web sh < script.sh`).
    const r = await env.daemon.runner(c, proc, argv, Boolean(f.tty), f.workdir as string | undefined, f.interactive && !env.stdinTty ? env.stdin : undefined);
    if (k.procs.has(proc.pid)) k.exit(proc, r.exitCode);
    return r;
  },
});
