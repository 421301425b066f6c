/**
 * The attached half of `docker run`/`docker create`: the Config's Attach* fields the options ask
 * for (docker/cli@v27.3.1:cli/command/container/opts.go parse), and what `docker run` without -d
 * does once the container has started (docker/cli@v27.3.1:cli/command/container/run.go
 * runContainer): an interactive shell becomes the learner's session; otherwise the container's
 * attached streams go to the terminal until it exits, and Ctrl-C is proxied to it (--sig-proxy).
 */
import type { ExecResult } from '../../../api.ts';
import type { Container, ContainerConfig } from '../../../docker/container.ts';
import type { ResolvedImage } from '../../../docker/images.ts';
import { SIGINT } from '../../../kernel/signals.ts';
import type { Proc } from '../../../kernel/types.ts';
import { programFor } from '../../../runtime/programs.ts';
import type { CmdEnv, Session } from '../../types.ts';
import { detachKeyBytes } from './run-checks.ts';
import { shellKind } from '../../shellkind.ts';
import { attached } from '../../../attached.ts';

/**
 * Config's Attach* and StdinOnce: -a's streams, else stdout and stderr, stdin with -i, StdinOnce when stdin is open
 * and attached (docker/cli@v27.3.1:cli/command/container/opts.go parse); `run -d` attaches nothing (run.go runContainer).
 */
export function attachFields(
  f: Record<string, unknown>,
  attach: string[],
  create: boolean,
): Pick<ContainerConfig, 'AttachStdin' | 'AttachStdout' | 'AttachStderr' | 'StdinOnce'> {
  const a = attach.map((x) => x.toLowerCase());
  const on = !(f.detach && !create);
  const stdin = on && (a.includes('stdin') || Boolean(f.interactive));
  return {
    AttachStdin: stdin,
    AttachStdout: on && (!a.length || a.includes('stdout')),
    AttachStderr: on && (!a.length || a.includes('stderr')),
    StdinOnce: stdin && Boolean(f.interactive),
  };
}

/** After the start: the session or the streamed output, and the exit code (130 when Ctrl-C left it running). */
export async function attachedRun(
  env: CmdEnv,
  c: Container,
  img: ResolvedImage,
  argv0: string,
  interactive: boolean,
  attached: Set<string>,
  errPrefix: string,
  sigProxy = true,
  detachKeys?: string,
): Promise<ExecResult> {
  // Attached: an interactive shell becomes the learner's session.
  if (programFor([argv0], 0, 1, '').shell && interactive && enterInit(env, c, img.flavor, { keys: detachKeyBytes(detachKeys), stderr: '', exitCode: 0 }))
    return { stdout: '', stderr: errPrefix, exitCode: 0 };
  const r = await streamAttached(env, c, attached, sigProxy);
  // With a stream everything was written already (run.ts streams its warnings; the pull progress is host.early).
  return env.stream ? r : { ...r, stderr: errPrefix + r.stderr };
}

/**
 * The container's shell (PID 1) becomes the learner's session; `detach` is what the detach keys do there
 * (run.go drops term.EscapeError; attach.go returns it). False when the container's init is gone.
 */
export function enterInit(env: CmdEnv, c: Container, flavor: Session['flavor'], detach: NonNullable<Session['detach']>): boolean {
  const init = env.daemon.initOf(c);
  if (!init || c.status !== 'running') return false;
  // moby@v27.3.1:daemon/attach.go containerAttach: an attach the detach keys end (term.EscapeError) logs `detach`.
  detach = { ...detach, onDetach: () => env.daemon.emitFor(c, 'detach') };
  // A shell detached from earlier is the same process: its directory and variables are as it left them.
  const known = shells.get(init);
  if (known) {
    known.detach = detach;
    env.enterSession(known);
    return true;
  }
  const session: Session = {
    proc: init,
    root: c.id,
    flavor,
    shell: shellKind(flavor, init.argv[0]),
    hostname: c.config.Hostname,
    env: { ...init.env, PATH: init.env.PATH ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' },
    cwd: c.config.WorkingDir || '/',
    status: 0,
    detach,
    onExit: (status) => {
      env.host.kernel.exit(init, status);
      return shellKind(flavor, init.argv[0]) === 'bash' ? 'exit\n' : '';
    },
  };
  shells.set(init, session);
  env.enterSession(session);
  return true;
}

/** The session of each container PID 1 the learner's terminal has entered (by `run -it` or `attach`). */
const shells = attached<Proc, Session>('shells');

/**
 * The container's attached streams go to the terminal until it exits; Ctrl-C is proxied to PID 1 with `sigProxy`.
 * `from`: the first log entry to show (`docker attach` shows only what is written after it attached).
 */
export async function streamAttached(env: CmdEnv, c: Container, attached: Set<string>, sigProxy: boolean, from = 0): Promise<ExecResult> {
  // Attached: the container's output goes to the terminal as it is written (streamed when possible).
  let sent = from;
  const flush = () => {
    const fresh = c.logs.slice(sent);
    sent = c.logs.length;
    for (const l of fresh) if (attached.has(l.stream)) env.stream?.({ stream: l.stream, text: l.text });
    return fresh;
  };
  if (env.stream) flush();
  const outcome = await env.host.waitUntil(
    () => {
      if (env.stream) flush();
      return c.status !== 'running';
    },
    undefined,
    env.signal,
  );
  if (outcome === 'aborted' && c.status === 'running' && sigProxy) {
    // docker run proxies Ctrl-C to PID 1; a process that handles it (nginx) exits at once, one that does not keeps running.
    // With --sig-proxy=false the client does not catch SIGINT (run.go runContainer: no notifyAllSignals): it dies, 130.
    env.daemon.signal(c, SIGINT);
    // Up to half a second of the container's time at once (no figure upstream: nginx's fast shutdown takes milliseconds).
    // Synchronously: the aborted line does not wait for this command, and the status must be known before it ends.
    for (let ms = 0; ms < 500 && c.status === 'running'; ms += 100) env.host.kernel.advance(100);
  }
  const out = env.stream ? flush() : c.logs.slice(from);
  const text = (stream: 'stdout' | 'stderr') => (attached.has(stream) ? out.filter((l) => l.stream === stream).map((l) => l.text) : []).join('');
  const [stdout, stderr] = [text('stdout'), text('stderr')];
  const streamedAll = Boolean(env.stream);
  const code = c.status === 'running' ? 130 : c.exitCode;
  // The client caught the Ctrl-C it proxied (notifyAllSignals) and ends with the container's status (getExitStatus), not 130.
  if (outcome === 'aborted' && sigProxy && c.status !== 'running') env.host.caughtSigint = code;
  if (c.hostConfig.AutoRemove && c.status !== 'running') env.daemon.remove(c);
  return streamedAll ? { stdout: '', stderr: '', exitCode: code } : { stdout, stderr, exitCode: code };
}
