import { describe, expect, it } from 'vitest';
import { sh, world } from './helpers.ts';

// Exit statuses the corpus transcripts cannot show (docker/cli and moby v27.3.1).
describe('docker exit statuses and side effects of the new commands', { timeout: 120_000 }, () => {
  it('templates: inspect exits 64 on a parse error and 1 on an execution error; lists exit 1', async () => {
    const w = await world(['alpine']);
    await sh(w, 'docker run -d --name box alpine sleep 300');
    expect((await sh(w, "docker inspect -f '{{.Id' box")).exitCode).toBe(64);
    expect((await sh(w, "docker inspect -f '{{.Nope}}' box")).exitCode).toBe(1);
    expect((await sh(w, "docker info -f '{{.Nope'")).exitCode).toBe(64);
    expect((await sh(w, "docker version -f '{{.Nope'")).exitCode).toBe(64);
    expect((await sh(w, "docker ps --format '{{.Nope'")).exitCode).toBe(1);
    expect((await sh(w, "docker events --since 1h --until 0s --format '{{.X'")).exitCode).toBe(64);
  });

  it('run: 127 for a missing path, 126 for one that cannot be executed, tini passes the status on', async () => {
    const w = await world(['alpine']);
    expect((await sh(w, 'docker run --rm alpine /bin/nope')).exitCode).toBe(127);
    expect((await sh(w, 'docker run --rm alpine /etc/passwd')).exitCode).toBe(126);
    expect((await sh(w, 'docker run --rm alpine nope')).exitCode).toBe(127);
    expect(await sh(w, 'docker run --rm --init alpine echo hi')).toMatchObject({ out: 'hi\n', exitCode: 0 });
    expect((await sh(w, "docker run --rm --init alpine sh -c 'exit 3'")).exitCode).toBe(3);
    expect((await sh(w, "docker run --rm --name 'a b' alpine true")).exitCode).toBe(125);
    expect((await sh(w, 'docker run --restart on-failure:x alpine true')).exitCode).toBe(125);
  });

  it('rm -f of a missing container exits 0; a declined prune exits 0', async () => {
    const w = await world(['alpine']);
    expect(await sh(w, 'docker rm -f nope')).toMatchObject({ stderr: 'Error response from daemon: No such container: nope\n', exitCode: 0 });
    expect((await sh(w, 'docker rm nope')).exitCode).toBe(1);
    expect((await sh(w, 'docker container prune')).exitCode).toBe(0);
    expect((await sh(w, 'echo yes | docker container prune')).stdout).not.toContain('Total reclaimed space');
  });

  it('pause freezes the cgroup and unpause thaws it; update writes the limits', async () => {
    const w = await world(['alpine']);
    const id = (await sh(w, 'docker run -d --name box alpine sleep 300')).stdout.trim();
    const cg = `/sys/fs/cgroup/system.slice/docker-${id}.scope`;
    await sh(w, 'docker pause box');
    expect((await sh(w, `cat ${cg}/cgroup.freeze`)).stdout).toBe('1\n');
    expect((await sh(w, `cat ${cg}/cgroup.events`)).stdout).toBe('populated 1\nfrozen 1\n');
    expect((await sh(w, 'docker exec box true')).exitCode).toBe(1);
    await sh(w, 'docker unpause box');
    expect((await sh(w, `cat ${cg}/cgroup.freeze`)).stdout).toBe('0\n');
    expect((await sh(w, 'docker update --memory 32m --memory-swap 64m --pids-limit 20 --cpus 0.5 box')).exitCode).toBe(0);
    expect((await sh(w, `cat ${cg}/memory.max ${cg}/pids.max ${cg}/cpu.max`)).stdout).toBe('33554432\n20\n50000 100000\n');
  });

  it('wait prints the exit code once the container stops; start -a exits with it', async () => {
    const w = await world(['alpine']);
    await sh(w, "docker create --name job alpine sh -c 'echo hi; exit 5'");
    expect(await sh(w, 'docker start -a job')).toMatchObject({ out: 'hi\n', exitCode: 5 });
    expect(await sh(w, 'docker wait job')).toMatchObject({ stdout: '5\n', exitCode: 0 });
  });
});
