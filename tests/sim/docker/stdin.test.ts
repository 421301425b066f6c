/**
 * `docker run -i` and `docker exec -i` with a pipe, a file or a here-document on stdin: the container's process
 * reads it and runs to its end (docker/cli@v27.3.1:cli/command/container/run.go attaches the client's stdin; a
 * shell reads its script from it). With -t, stdin must be a terminal: In().CheckTty says
 * "the input device is not a TTY" and docker exits 1 (docker/cli@v27.3.1:cli/streams/in.go CheckTty, checked first
 * in run.go runContainer, and in exec.go RunExec after the container is inspected).
 */
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../../src/sim/index.ts';

async function world() {
  const w = createWorld();
  await w.exec('docker pull -q alpine >/dev/null');
  return w;
}

describe('docker run -i with stdin from a pipe or a here-document', () => {
  it('cat copies its stdin, and the shell stays on the host', async () => {
    const w = await world();
    expect(await w.exec('echo hi | docker run -i --rm alpine cat')).toEqual({ stdout: 'hi\n', stderr: '', exitCode: 0 });
    expect(w.prompt()).toBe('root@node1:~# ');
  });
  it('a shell runs the script it reads, and docker run exits with its status', async () => {
    const w = await world();
    const r = await w.exec("docker run -i --name scripted alpine sh <<'EOF'\necho in the container\nexit 3\nEOF");
    expect(r).toEqual({ stdout: 'in the container\n', stderr: '', exitCode: 3 });
    expect(w.prompt()).toBe('root@node1:~# ');
    expect((await w.exec("docker inspect -f '{{.State.Status}} {{.State.ExitCode}} {{.Config.OpenStdin}}' scripted")).stdout).toBe('exited 3 true\n');
  });
  it('without -i the pipe is not attached: cat reads nothing', async () => {
    const w = await world();
    expect(await w.exec('echo hi | docker run --rm alpine cat')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
  });
  it('-it with a pipe on stdin: "the input device is not a TTY", exit 1, no container created', async () => {
    const w = await world();
    expect(await w.exec('echo ls | docker run -it --name tty alpine sh')).toEqual({ stdout: '', stderr: 'the input device is not a TTY\n', exitCode: 1 });
    expect((await w.exec('docker ps -aq --filter name=tty')).stdout).toBe('');
  });
  it('-it at the terminal still opens the container shell', async () => {
    const w = await world();
    await w.exec('docker run -it --name shell alpine sh');
    expect(w.prompt()).toMatch(/^\/ # $/);
  });
});

describe('docker exec -i with stdin from a pipe or a here-document', () => {
  it('the process reads it; -it with a pipe is refused after the container is found', async () => {
    const w = await world();
    await w.exec('docker run -d --name box alpine sleep 1000');
    expect(await w.exec('echo hey | docker exec -i box cat')).toEqual({ stdout: 'hey\n', stderr: '', exitCode: 0 });
    expect(await w.exec('docker exec -i box sh <<EOF\necho from exec\nEOF')).toEqual({ stdout: 'from exec\n', stderr: '', exitCode: 0 });
    expect(w.prompt()).toBe('root@node1:~# ');
    expect(await w.exec('echo x | docker exec -it box sh')).toEqual({ stdout: '', stderr: 'the input device is not a TTY\n', exitCode: 1 });
    expect(await w.exec('echo x | docker exec -it nosuch sh')).toEqual({
      stdout: '',
      stderr: 'Error response from daemon: No such container: nosuch\n',
      exitCode: 1,
    });
  });
});
