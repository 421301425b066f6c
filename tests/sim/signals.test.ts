import { describe, expect, it } from 'vitest';
import { sh, world } from './helpers.ts';

describe('PID 1, signals and zombies (L10)', () => {
  it('docker stop waits 10 s when PID 1 has no handler, then SIGKILL → 137', async () => {
    const w = await world(['alpine']);
    await sh(w, 'docker run -d --name s1 alpine sleep 1000');
    const t0 = w.snapshot().nowMs;
    expect((await sh(w, 'docker stop s1')).out).toBe('s1\n');
    expect(w.snapshot().nowMs - t0).toBe(1000 + 10_300);
    expect((await sh(w, "docker ps -a --format '{{.Names}} {{.Status}}'")).out).toBe('s1 Exited (137) 1 second ago\n');
  });

  it('with --init, tini forwards SIGTERM: exit 143 in under a second', async () => {
    const w = await world(['alpine']);
    await sh(w, 'docker run -d --init --name s2 alpine sleep 1000');
    expect((await sh(w, 'docker exec s2 ps')).out).toBe(
      'PID   USER     TIME  COMMAND\n    1 root      0:00 /sbin/docker-init -- sleep 1000\n    7 root      0:00 sleep 1000\n    8 root      0:00 ps\n',
    );
    expect((await sh(w, 'time docker stop s2')).stderr).toBe('\nreal\t0m0.400s\nuser\t0m0.021s\nsys\t0m0.013s\n');
    expect((await sh(w, "docker inspect -f '{{.State.ExitCode}}' s2")).out).toBe('143\n');
  });

  it('nginx handles its stop signal and exits 0', async () => {
    const w = await world(['nginx']);
    await sh(w, 'docker run -d --name n1 nginx');
    await sh(w, 'docker stop n1');
    expect((await sh(w, "docker inspect -f '{{.State.ExitCode}}' n1")).out).toBe('0\n');
  });

  it('PID 1 ignores SIGTERM from inside, SIGKILL from the host works', async () => {
    const w = await world(['alpine']);
    await sh(w, 'docker run -d --name s3 alpine sleep 1000');
    expect(await sh(w, 'docker exec s3 kill -TERM 1')).toMatchObject({ out: '', exitCode: 0 });
    expect(await sh(w, 'docker exec s3 kill -KILL 1')).toMatchObject({ out: '', exitCode: 0 });
    expect((await sh(w, "docker inspect -f '{{.State.Status}}' s3")).out).toBe('running\n');
    const pid = (await sh(w, "docker inspect -f '{{.State.Pid}}' s3")).stdout.trim();
    await sh(w, `kill -TERM ${pid}`);
    expect((await sh(w, "docker inspect -f '{{.State.Status}}' s3")).out).toBe('running\n');
    await sh(w, `kill -9 ${pid}`);
    expect((await sh(w, "docker inspect -f '{{.State.Status}} {{.State.ExitCode}}' s3")).out).toBe('exited 137\n');
  });

  it('zombies pile up under a PID 1 that does not reap, and not with --init', async () => {
    const w = await world([]);
    await sh(w, 'docker run -d --name z1 zombie-maker:1.0 2>/dev/null');
    await sh(w, 'docker run -d --init --name z2 zombie-maker:1.0 2>/dev/null');
    w.advance(60_000);
    const zombies = (name: string) =>
      w.snapshot().processes.filter((p) => p.containerId === w.snapshot().containers.find((c) => c.name === name)!.id && p.state === 'Z').length;
    expect(zombies('z1')).toBeGreaterThanOrEqual(12);
    expect(zombies('z2')).toBe(0);
    expect((await sh(w, 'docker exec z1 ps -eo pid,ppid,stat,cmd')).out).toMatch(
      /^  PID  PPID STAT CMD\n    1     0 Ss   \/usr\/local\/bin\/zombie-maker\n    7     1 Z    \[worker\] <defunct>\n    8     1 Z    \[worker\] <defunct>\n/,
    );
  });

  it('docker kill -s and restart', async () => {
    const w = await world(['alpine']);
    await sh(w, 'docker run -d --name k1 alpine sleep 1000');
    expect((await sh(w, 'docker kill -s HUP k1')).out).toBe('k1\n');
    expect((await sh(w, "docker inspect -f '{{.State.Status}}' k1")).out).toBe('running\n');
    expect((await sh(w, 'docker kill -s NOPE k1')).out).toBe('Error response from daemon: Invalid signal: NOPE\n');
    expect((await sh(w, 'docker restart -t 1 k1')).out).toBe('k1\n');
    expect((await sh(w, "docker inspect -f '{{.State.Status}} {{.State.Pid}}' k1")).out).toMatch(/^running \d+\n$/);
  });
});

it('kill on a zombie succeeds and leaves it: only a wait() by its parent removes it', async () => {
  const { createWorld } = await import('../../src/sim/index.ts');
  const w = createWorld();
  await w.exec('docker run -d --name z1 zombie-maker:1.0 2>/dev/null');
  await w.exec('sleep 12');
  const zombies = async () => (await w.exec('docker exec z1 ps -eo stat | grep -c Z')).stdout;
  const before = await zombies();
  expect(Number(before)).toBeGreaterThan(0);
  expect((await w.exec('docker exec z1 ps -eo pid,stat')).stdout).toMatch(/^\s+7 Z\s*$/m);
  expect(await w.exec('docker exec z1 kill -9 7')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
  // Still there (the count only grows: zombie-maker keeps making them).
  expect((await w.exec('docker exec z1 ps -eo pid,stat')).stdout).toMatch(/^\s+7 Z\s*$/m);
  expect(Number(await zombies())).toBeGreaterThanOrEqual(Number(before));
});
