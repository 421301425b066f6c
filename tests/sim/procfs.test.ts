import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { sh, world } from './helpers.ts';

describe('generated /proc', () => {
  it('host root has every capability', async () => {
    expect((await sh(createWorld(), 'grep Cap /proc/self/status')).out).toBe(
      'CapInh:\t0000000000000000\nCapPrm:\t000001ffffffffff\nCapEff:\t000001ffffffffff\nCapBnd:\t000001ffffffffff\nCapAmb:\t0000000000000000\n',
    );
  });

  it('status names the reading process and its PIDs', async () => {
    const w = createWorld();
    const out = (await sh(w, 'cat /proc/self/status | head -7')).out;
    expect(out).toBe('Name:\tcat\nUmask:\t0022\nState:\tR (running)\nTgid:\t2046\nNgid:\t0\nPid:\t2046\nPPid:\t2045\n');
    expect((await sh(w, 'cat /proc/1/comm')).out).toBe('systemd\n');
    expect((await sh(w, 'cat /proc/1/cmdline')).out).toBe('/sbin/init\0');
    expect((await sh(w, 'cat /proc/self/cgroup')).out).toBe('0::/user.slice/user-0.slice/session-1.scope\n');
  });

  it('a container sees only its own PIDs, its cgroup as /, no_new_privs and seccomp', async () => {
    const w = await world(['alpine']);
    expect((await sh(w, 'docker run --rm alpine ls /proc | head -2')).out).toBe('1\ncmdline\n');
    expect((await sh(w, "docker run --rm --security-opt no-new-privileges alpine grep -E 'NoNewPrivs|Seccomp:' /proc/self/status")).out).toBe(
      'NoNewPrivs:\t1\nSeccomp:\t2\n',
    );
    expect((await sh(w, 'docker run --rm alpine cat /proc/self/attr/current')).out).toBe('docker-default (enforce)\n');
    expect((await sh(w, 'docker run --rm alpine cat /proc/sys/net/ipv4/ip_unprivileged_port_start')).out).toBe('0\n');
    expect((await sh(w, 'cat /proc/sys/net/ipv4/ip_unprivileged_port_start')).out).toBe('1024\n');
  });

  it('write errors use bash and busybox wording', async () => {
    const w = await world(['alpine']);
    expect(await sh(w, 'echo 1 > /proc/version')).toMatchObject({ out: '-bash: /proc/version: Permission denied\n', exitCode: 1 });
    expect((await sh(w, 'docker run --rm alpine sh -c "echo 5 > /sys/fs/cgroup/pids.max"')).out).toBe(
      "sh: can't create /sys/fs/cgroup/pids.max: Read-only file system\n",
    );
  });
});

describe('execve limits', () => {
  it('an environment string over 128 KiB makes exec fail; built-ins still run', async () => {
    const w = await world(['alpine']);
    await sh(w, 'export BIG=$(printf "%0132000d" 0)');
    expect((await sh(w, 'echo ${#BIG}')).out).toBe('132000\n');
    expect(await sh(w, 'cat /etc/hostname')).toMatchObject({ out: '-bash: cat: Argument list too long\n', exitCode: 126 });
    await sh(w, 'unset BIG');
    expect((await sh(w, 'cat /etc/hostname')).out).toBe('node1\n');
    expect((await sh(w, 'docker run --rm -e X=$(printf "%0132000d" 0) alpine true')).out).toMatch(/exec: "true": argument list too long: unknown\.\n$/);
  });
});
