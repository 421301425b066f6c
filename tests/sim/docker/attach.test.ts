/**
 * `docker attach` and the detach keys. Texts: docker/cli@v27.3.1:cli/command/container/attach.go
 * (inspectContainerAndCheckState, RunAttach, getExitStatus), hijack.go (defaultEscapeKeys), run.go and exec.go (what
 * each does with term.EscapeError), vendor/github.com/moby/term/proxy.go (EscapeError "read escape sequence"),
 * moby@v27.3.1:daemon/attach.go (Invalid detach keys) and docker/cli's cmd/docker/docker.go (an error: printed, status 1).
 */
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../../src/sim/index.ts';
import { sh, world } from '../helpers.ts';

const CTRL_P_Q = '\x10\x11';
const state = async (w: Awaited<ReturnType<typeof world>>, name: string) => (await sh(w, `docker inspect -f '{{.State.Status}}' ${name}`)).out;

describe('docker attach', () => {
  it('refuses a missing, stopped or paused container, a stdin that is no terminal, and bad detach keys', async () => {
    const w = await world(['alpine']);
    // cli/required.go ExactArgs(1).
    expect((await sh(w, 'docker attach')).out).toBe(
      `"docker attach" requires exactly 1 argument.\nSee 'docker attach --help'.\n\nUsage:  docker attach [OPTIONS] CONTAINER\n\nAttach local standard input, output, and error streams to a running container\n`,
    );
    // ContainerInspect's error: moby@v27.3.1:container/view.go, with the client's prefix "Error response from daemon".
    const missing = await sh(w, 'docker attach nope');
    expect([missing.out, missing.exitCode]).toEqual(['Error response from daemon: No such container: nope\n', 1]);
    await sh(w, 'docker create --name made alpine');
    // attach.go inspectContainerAndCheckState.
    expect((await sh(w, 'docker attach made')).out).toBe('You cannot attach to a stopped container, start it first\n');
    await sh(w, 'docker run -dit --name box alpine');
    await sh(w, 'docker pause box');
    const paused = await sh(w, 'docker attach box');
    expect([paused.out, paused.exitCode]).toEqual(['You cannot attach to a paused container, unpause it first\n', 1]);
    await sh(w, 'docker unpause box');
    // docker/cli@v27.3.1:cli/streams/in.go CheckTty: a TTY container, stdin attached, stdin not a terminal.
    expect((await sh(w, 'echo | docker attach box')).out).toBe('the input device is not a TTY\n');
    // The daemon refuses the keys before the upgrade; the client says only the status (as docker run, docker/cli#6742).
    const keys = await sh(w, 'docker attach --detach-keys shift-a box');
    expect([keys.out, keys.exitCode]).toEqual(['unable to upgrade to tcp, received 400\n', 1]);
    expect(await state(w, 'box')).toBe('running\n');
  });

  it('a -dit shell becomes the session again; Ctrl-P Ctrl-Q detaches with "read escape sequence", status 1', async () => {
    const w = await world(['alpine']);
    const id = (await sh(w, 'docker run -dit --name box alpine')).out.slice(0, 12);
    const r = await sh(w, 'docker attach box');
    expect([r.out, r.exitCode]).toEqual(['', 0]);
    expect(w.prompt()).toBe('/ # ');
    expect(w.detachKeys()).toBe(CTRL_P_Q);
    expect((await sh(w, 'hostname')).out).toBe(`${id}\n`);
    await sh(w, 'cd /tmp; X=kept');
    // attach.go returns hijack's term.EscapeError; main prints it (moby/term proxy.go "read escape sequence"), status 1.
    const d = await sh(w, CTRL_P_Q);
    expect([d.out, d.exitCode]).toEqual(['read escape sequence\n', 1]);
    expect(w.prompt()).toBe('root@node1:~# ');
    expect(w.detachKeys()).toBeUndefined();
    expect((await sh(w, 'echo $?')).out).toBe('1\n');
    expect(await state(w, 'box')).toBe('running\n');
    // --detach-keys: moby/term ToBytes ("ctrl-x" is 24); Ctrl-P Ctrl-Q is then a line for the shell.
    await sh(w, 'docker attach --detach-keys ctrl-x,x box');
    expect(w.detachKeys()).toBe('\x18x');
    // The same shell (PID 1) as before the detach: where it was, with its variables.
    expect((await sh(w, 'echo $PWD $X')).out).toBe('/tmp kept\n');
    expect(w.prompt()).toBe('/tmp # ');
    expect((await sh(w, '\x18x')).out).toBe('read escape sequence\n');
    // exit ends PID 1: the container stops, and attach's status is its exit code (getExitStatus).
    await sh(w, 'docker attach box');
    expect((await sh(w, 'exit 4')).exitCode).toBe(4);
    expect((await sh(w, "docker inspect -f '{{.State.Status}} {{.State.ExitCode}}' box")).out).toBe('exited 4\n');
    // start -ai: a new PID 1 shell is the session again; its detach is silent, status 0 (start.go drops the EscapeError).
    expect((await sh(w, 'docker start -ai box')).exitCode).toBe(0);
    expect([w.prompt(), w.detachKeys()]).toEqual(['/ # ', CTRL_P_Q]);
    expect(await sh(w, CTRL_P_Q)).toMatchObject({ out: '', exitCode: 0 });
    expect(await state(w, 'box')).toBe('running\n');
  });

  it('run -it detaches silently with status 0 (run.go drops the EscapeError); exec -it prints it (exec.go returns it)', async () => {
    const w = await world(['debian']);
    await sh(w, 'docker run -it --name deb debian');
    expect(w.prompt()).toMatch(/^root@[0-9a-f]{12}:\/# $/);
    const d = await sh(w, CTRL_P_Q);
    expect([d.out, d.exitCode]).toEqual(['', 0]);
    expect(w.prompt()).toBe('root@node1:~# ');
    expect(await state(w, 'deb')).toBe('running\n');
    await sh(w, 'docker exec -it deb bash');
    const e = await sh(w, CTRL_P_Q);
    expect([e.out, e.exitCode]).toEqual(['read escape sequence\n', 1]);
    // The exec'd bash is left running, as the daemon keeps the exec process when the client goes.
    expect((await sh(w, 'docker top deb -o pid,comm')).out).toMatch(/^PID +COMMAND\n\d+ +bash\n\d+ +bash\n$/);
    // exec's keys: the daemon's ContainerExecCreate refuses what moby/term cannot read (moby@v27.3.1:daemon/exec.go).
    const bad = await sh(w, 'docker exec -it --detach-keys ctrl-p,shift-q deb bash');
    expect([bad.out, bad.exitCode]).toEqual(['Error response from daemon: Invalid escape keys (ctrl-p,shift-q) provided\n', 1]);
    await sh(w, 'docker exec -it --detach-keys ctrl-a,d deb bash');
    expect(w.detachKeys()).toBe('\x01d');
    expect((await sh(w, '\x01d')).out).toBe('read escape sequence\n');
    // At the host's prompt the keys are no detach: nsenter's and su's shells have no docker client either.
    expect(w.detachKeys()).toBeUndefined();
  });

  it('Ctrl-C is proxied to PID 1 (nginx stops); with --sig-proxy=false the client ends, 130', { timeout: 60_000 }, async () => {
    const w = createWorld(undefined, { clock: 'realtime' });
    await sh(w, 'docker run -d --name web nginx');
    await sh(w, 'docker run -d --name quiet nginx');
    const interrupt = async (line: string) => {
      const ac = new AbortController();
      setTimeout(() => ac.abort(), 1000);
      return w.exec(line, { signal: ac.signal });
    };
    // attach.go: opts.Proxy && !c.Config.Tty → ForwardAllSignals; without it SIGINT ends docker (128+2).
    expect((await interrupt('docker attach --sig-proxy=false quiet')).exitCode).toBe(130);
    expect(await state(w, 'quiet')).toBe('running\n');
    // Only what nginx writes from now on (no Logs in the attach options): its start-up lines are not shown again.
    const r = await interrupt('docker attach web');
    expect(await state(w, 'web')).toBe('exited\n');
    // The client caught SIGINT, nginx's master exits 0 on it, and getExitStatus returns that status.
    expect([r.stdout, r.exitCode]).toEqual(['', 0]);
  });
});
