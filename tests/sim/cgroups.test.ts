import { describe, expect, it } from 'vitest';
import { sh, world } from './helpers.ts';

const files = async (w: Awaited<ReturnType<typeof world>>, name: string, list: string[]) =>
  (await sh(w, `docker exec ${name} cat ${list.map((f) => `/sys/fs/cgroup/${f}`).join(' ')}`)).out;

describe('cgroup v2 files from docker flags (FACTS §2)', { timeout: 120_000 }, () => {
  it('converts --memory, --cpus, --cpuset-cpus and --pids-limit', async () => {
    const w = await world(['nginx']);
    await sh(w, 'docker run -d --name lim --memory=100m --cpus=0.5 --cpuset-cpus="1,2" --pids-limit=100 nginx');
    expect(await files(w, 'lim', ['memory.max', 'memory.swap.max', 'cpu.max', 'cpuset.cpus', 'pids.max'])).toBe(
      '104857600\n104857600\n50000 100000\n1-2\n100\n',
    );
    expect((await sh(w, 'docker exec lim cat /proc/self/cgroup')).out).toBe('0::/\n');
    expect((await sh(w, "docker inspect -f '{{.HostConfig.Memory}} {{.HostConfig.MemorySwap}} {{.HostConfig.NanoCpus}}' lim")).out).toBe(
      '104857600 209715200 500000000\n',
    );
    expect((await sh(w, "cat /sys/fs/cgroup/system.slice/docker-$(docker inspect -f '{{.Id}}' lim).scope/memory.max")).out).toBe('104857600\n');
  });

  it('follows the memory-swap table and the unlimited defaults', async () => {
    const w = await world(['nginx']);
    await sh(w, 'docker run -d --name c1 -m 512m --memory-swap 512m nginx');
    await sh(w, 'docker run -d --name c2 -m 512m --memory-swap -1 --pids-limit -1 nginx');
    await sh(w, 'docker run -d --name c3 --cpu-quota=25000 --cpu-period=100000 nginx');
    expect(await files(w, 'c1', ['memory.max', 'memory.swap.max'])).toBe('536870912\n0\n');
    expect(await files(w, 'c2', ['memory.swap.max', 'pids.max'])).toBe('max\nmax\n');
    expect(await files(w, 'c3', ['cpu.max', 'memory.max'])).toBe('25000 100000\nmax\n');
  });

  it('OOM-kills a memory hog: exit 137, OOMKilled, memory.events and dmesg', async () => {
    const w = await world(['alpine']);
    expect((await sh(w, "docker run --name oom --memory=100m alpine sh -c 'tail /dev/zero'; echo $?")).out).toBe('137\n');
    expect((await sh(w, "docker inspect -f '{{.State.OOMKilled}} {{.State.ExitCode}}' oom")).out).toBe('true 137\n');
    const snap = w.snapshot().containers.find((c) => c.name === 'oom')!;
    expect(snap.cgroupFiles['memory.events']).toBe('low 0\nhigh 0\nmax 1\noom 1\noom_kill 1\noom_group_kill 0\n');
    expect((await sh(w, 'dmesg | tail -1')).out).toMatch(
      /^\[ *\d+\.\d{6}\] Memory cgroup out of memory: Killed process \d+ \(tail\) total-vm:\d+kB, anon-rss:102400kB, file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:\d+kB oom_score_adj:0\n$/,
    );
  });

  it('kills only a child hog: the shell prints Killed, PID 1 survives, OOMKilled is still true', async () => {
    const w = await world(['alpine']);
    await sh(w, 'docker run -it --memory=100m --name mem alpine');
    expect(await sh(w, 'tail /dev/zero')).toMatchObject({ out: 'Killed\n', exitCode: 137 });
    expect(w.prompt()).toBe('/ # ');
    await sh(w, 'exit 0');
    expect((await sh(w, "docker inspect -f '{{.State.OOMKilled}} {{.State.ExitCode}}' mem")).out).toBe('true 0\n');
  });

  it('a stress worker is the victim: stress reports it and exits 1', async () => {
    const w = await world([]);
    await sh(w, 'docker run --name st --memory=100m progrium/stress --vm 1 --vm-bytes 150M 2>/dev/null');
    expect((await sh(w, 'docker logs st')).out).toBe(
      'stress: info: [1] dispatching hogs: 0 cpu, 0 io, 1 vm, 0 hdd\nstress: FAIL: [1] (415) <-- worker 7 got signal 9\nstress: WARN: [1] (417) now reaping child worker processes\nstress: FAIL: [1] (451) failed run completed in 1s\n',
    );
    expect((await sh(w, "docker inspect -f '{{.State.OOMKilled}} {{.State.ExitCode}}' st")).out).toBe('true 1\n');
  });

  it('throttles a CPU hog to its quota', async () => {
    const w = await world(['alpine']);
    await sh(w, "docker run -d --name hog --cpus=0.5 alpine sh -c 'while :; do :; done'");
    w.advance(60_000);
    const stat = (await sh(w, 'docker exec hog cat /sys/fs/cgroup/cpu.stat')).out;
    const n = (k: string) => Number(new RegExp(`^${k} (\\d+)$`, 'm').exec(stat)![1]);
    expect(n('nr_periods')).toBeGreaterThanOrEqual(600);
    expect(n('nr_throttled')).toBe(n('nr_periods'));
    expect(n('throttled_usec')).toBe(n('nr_throttled') * 50000);
    expect(n('usage_usec')).toBe(n('nr_periods') * 50000);
    expect((await sh(w, 'docker stats --no-stream hog')).out).toMatch(
      /^CONTAINER ID   NAME      CPU %     MEM USAGE \/ LIMIT   MEM %     NET I\/O       BLOCK I\/O   PIDS\n[0-9a-f]{12}   hog       50\.00%   /,
    );
  });

  it('keeps the container cgroup read-only and the host one writable', async () => {
    const w = await world(['nginx']);
    await sh(w, 'docker run -d --name web nginx');
    expect((await sh(w, 'docker exec web sh -c "echo 1 > /sys/fs/cgroup/pids.max"')).exitCode).not.toBe(0);
    const id = w.snapshot().containers[0]!.id;
    await sh(w, `echo 20 > /sys/fs/cgroup/system.slice/docker-${id}.scope/pids.max`);
    expect((await sh(w, 'docker exec web cat /sys/fs/cgroup/pids.max')).out).toBe('20\n');
  });
});

describe('--cpu-shares', () => {
  it('becomes cpu.weight by the linear formula of the fixture runc, and shows in HostConfig', async () => {
    const { createWorld } = await import('../../src/sim/index.ts');
    const w = createWorld();
    expect((await w.exec('docker run --rm --cpu-shares 1024 alpine cat /sys/fs/cgroup/cpu.weight 2>/dev/null')).stdout).toBe('39\n');
    expect((await w.exec('docker run --rm -c 512 alpine cat /sys/fs/cgroup/cpu.weight')).stdout).toBe('20\n');
    expect((await w.exec('docker run --rm alpine cat /sys/fs/cgroup/cpu.weight')).stdout).toBe('100\n');
    await w.exec('docker run -d --name sh2 --cpu-shares 2048 alpine sleep 100');
    expect((await w.exec("docker inspect -f '{{.HostConfig.CpuShares}}' sh2")).stdout).toBe('2048\n');
    expect(await w.exec('docker run --rm -c x alpine true')).toEqual({
      stdout: '',
      stderr: `invalid argument "x" for "-c, --cpu-shares" flag: strconv.ParseInt: parsing "x": invalid syntax\nSee 'docker run --help'.\n`,
      exitCode: 125,
    });
  });
});
