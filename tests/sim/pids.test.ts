import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { sh, world } from './helpers.ts';

// The PID allocator: linux@v6.8:kernel/pid.c alloc_pid (idr_alloc_cyclic from the cursor up to
// pid_max, then from RESERVED_PIDS 300), kernel/pid_namespace.c ns_last_pid, fs/proc/loadavg.c.
// bash forks for every external command and every pipeline stage; its built-ins run in the shell.

const last = async (w: Awaited<ReturnType<typeof world>>) => (await sh(w, 'cat /proc/sys/kernel/ns_last_pid')).out;

describe('host PIDs only grow', () => {
  it('each command takes the next PID; a finished one is not handed out again', async () => {
    const w = createWorld();
    expect((await sh(w, 'ps -o pid=,comm=')).out).toBe('   2045 bash\n   2046 ps\n');
    expect((await sh(w, 'ps -o pid=,comm=')).out).toBe('   2045 bash\n   2047 ps\n');
    // The grep that ps lists is the process grep then runs as: ps 2048, grep 2049, cat 2050.
    expect((await sh(w, 'ps -o pid=,comm= | grep -v bash')).out).toBe('   2048 ps\n   2049 grep\n');
    expect(await last(w)).toBe('2050\n');
    expect(w.lastPid()).toBe(2050);
  });

  it('built-ins take none: kill (also kill -0), echo, jobs, true, cd', async () => {
    const w = createWorld();
    expect((await sh(w, 'kill -0 $$; echo $?; jobs; true; cd /tmp')).out).toBe('0\n');
    expect((await sh(w, 'kill -0 99999')).out).toBe('-bash: kill: (99999) - No such process\n');
    expect(await last(w)).toBe('2046\n');
  });

  it("/proc/loadavg ends with the last PID of the reader's namespace: its own, for cat", async () => {
    const w = createWorld();
    await sh(w, 'true; ls >/dev/null');
    expect((await sh(w, 'cat /proc/loadavg')).out).toMatch(/ 2047\n$/);
  });

  it("a container's PID namespace counts on its own, from 1, and grows too", async () => {
    const w = await world(['alpine']);
    await sh(w, 'docker run -d --name c1 alpine sleep 300');
    // runc's init took 1 to 6 (PID 1 and its Go threads): the first exec is 7, the next 8.
    expect((await sh(w, 'docker exec c1 cat /proc/sys/kernel/ns_last_pid')).out).toBe('7\n');
    expect((await sh(w, 'docker exec c1 cat /proc/sys/kernel/ns_last_pid')).out).toBe('8\n');
    expect((await sh(w, 'docker exec c1 cat /proc/loadavg')).out).toMatch(/ 9\n$/);
    const host = Number((await last(w)).trim());
    expect(host).toBeGreaterThan(23817);
  });
});

describe('the counter wraps at pid_max', () => {
  it('skips PIDs in use (312 is systemd-journald)', async () => {
    const w = createWorld();
    expect((await sh(w, 'sysctl -w kernel.ns_last_pid=310')).out).toBe('kernel.ns_last_pid = 310\n');
    expect(await last(w)).toBe('311\n');
    expect(await last(w)).toBe('313\n');
  });

  it('goes back to RESERVED_PIDS (300) after pid_max - 1; kernel.pid_max takes 301 to 4194304', async () => {
    const w = createWorld();
    expect((await sh(w, 'cat /proc/sys/kernel/pid_max')).out).toBe('4194304\n');
    await sh(w, 'sysctl -q kernel.ns_last_pid=4194302');
    expect(await last(w)).toBe('4194303\n');
    expect(await last(w)).toBe('300\n');
    expect((await sh(w, 'ps -o pid=,comm=')).out).toBe('    301 ps\n   2045 bash\n');
    // proc_dointvec_minmax refuses what is out of range: procps sysctl's WriteSetting, bash's echo.
    expect(await sh(w, 'sysctl -w kernel.pid_max=300')).toMatchObject({ out: 'sysctl: setting key "kernel.pid_max": Invalid argument\n', exitCode: 1 });
    expect((await sh(w, 'sysctl -w kernel.pid_max=lots')).out).toBe('sysctl: setting key "kernel.pid_max": Invalid argument\n');
    expect((await sh(w, 'echo 4194305 > /proc/sys/kernel/pid_max')).out).toBe('-bash: echo: write error: Invalid argument\n');
    expect((await sh(w, 'sysctl -w kernel.pid_max=32768')).out).toBe('kernel.pid_max = 32768\n');
    await sh(w, 'sysctl -q kernel.ns_last_pid=32767');
    expect(await last(w)).toBe('300\n');
    expect((await sh(w, 'sysctl -w kernel.ns_last_pid=32769')).out).toBe('sysctl: setting key "kernel.ns_last_pid": Invalid argument\n');
  });
});

describe('a restored session keeps the counter', () => {
  it('resumePids moves the counter on to the saved last PID, never back', async () => {
    const w = createWorld();
    await sh(w, 'ls >/dev/null');
    expect(w.lastPid()).toBe(2046);
    w.resumePids(2100);
    expect(await last(w)).toBe('2101\n');
    w.resumePids(2050);
    expect(await last(w)).toBe('2102\n');
  });
});

describe('a container whose main process has exited leaves no process behind', () => {
  // linux@v6.8 kernel/exit.c find_new_reaper: a namespace's own init is reaped from an ancestor namespace (the host's
  // init here), never reparented to itself; ps showed `[true] <defunct>` with its own PID as its PPID.
  it('docker run alpine true, with and without --rm', async () => {
    const w = createWorld();
    await sh(w, 'docker run alpine true');
    await sh(w, 'docker run --rm alpine true');
    expect((await sh(w, 'ps -e -o stat=,comm= | grep -c Z')).out).toBe('0\n');
    expect((await sh(w, "ps -e -o pid=,ppid= | awk '$1 == $2' | wc -l")).out).toBe('0\n');
  });
});
