import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { sh } from './helpers.ts';

// bash-5.2:builtins/ulimit.def (limits[], printone "%-20s %20s", ulimit_internal, set_limit) with the
// host's limits (src/sim/shell/rlimits.ts: linux@v6.8 INIT_RLIMITS, systemd@v255 DefaultLimitNOFILE=1024:524288).
describe('ulimit, the bash builtin (#10)', { timeout: 60_000 }, () => {
  it('ulimit -a prints every limit of the Linux build in limits[] order', async () => {
    const w = createWorld();
    const r = await sh(w, 'ulimit -a');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(
      [
        'real-time non-blocking time  (microseconds, -R) unlimited',
        'core file size              (blocks, -c) 0',
        'data seg size               (kbytes, -d) unlimited',
        'scheduling priority                 (-e) 0',
        'file size                   (blocks, -f) unlimited',
        'pending signals                     (-i) 63439',
        'max locked memory           (kbytes, -l) 8192',
        'max memory size             (kbytes, -m) unlimited',
        'open files                          (-n) 1024',
        'pipe size                (512 bytes, -p) 8',
        'POSIX message queues         (bytes, -q) 819200',
        'real-time priority                  (-r) 0',
        'stack size                  (kbytes, -s) 8192',
        'cpu time                   (seconds, -t) unlimited',
        'max user processes                  (-u) 63439',
        'virtual memory              (kbytes, -v) unlimited',
        'file locks                          (-x) unlimited',
        '',
      ].join('\n'),
    );
    // max user processes = kernel.threads-max / 2 (fork_init), as the sysctl shows.
    expect((await sh(w, 'cat /proc/sys/kernel/threads-max')).stdout).toBe('126878\n');
  });

  it('-n, -u, -H, several at once, and the default -f', async () => {
    const w = createWorld();
    expect((await sh(w, 'ulimit -n')).stdout).toBe('1024\n');
    expect((await sh(w, 'ulimit -u')).stdout).toBe('63439\n');
    expect((await sh(w, 'ulimit -Hn')).stdout).toBe('524288\n');
    expect((await sh(w, 'ulimit -Hs')).stdout).toBe('unlimited\n');
    expect((await sh(w, 'ulimit')).stdout).toBe('unlimited\n');
    expect((await sh(w, 'ulimit -n -s')).stdout).toBe('open files                          (-n) 1024\nstack size                  (kbytes, -s) 8192\n');
  });

  it('sets soft and hard limits; a subshell keeps its own', async () => {
    const w = createWorld();
    expect((await sh(w, 'ulimit -n 4096; ulimit -n; ulimit -Hn')).stdout).toBe('4096\n4096\n');
    expect((await sh(w, 'ulimit -Sn 100; ulimit -n; ulimit -Hn')).stdout).toBe('100\n4096\n');
    expect((await sh(w, '(ulimit -n 50; ulimit -n); ulimit -n')).stdout).toBe('50\n100\n');
    expect((await sh(w, 'ulimit -n hard; ulimit -n')).stdout).toBe('4096\n');
    expect((await sh(w, 'ulimit -c unlimited; ulimit -c')).stdout).toBe('unlimited\n');
  });

  it('errors as bash words them', async () => {
    const w = createWorld();
    // setrlimit: nofile above fs.nr_open is EPERM; soft above hard is EINVAL (linux@v6.8:kernel/sys.c do_prlimit).
    let r = await sh(w, 'ulimit -n 2000000');
    expect([r.stderr, r.exitCode]).toEqual(['-bash: ulimit: open files: cannot modify limit: Operation not permitted\n', 1]);
    r = await sh(w, 'ulimit -Sn 600000');
    expect([r.stderr, r.exitCode]).toEqual(['-bash: ulimit: open files: cannot modify limit: Invalid argument\n', 1]);
    r = await sh(w, 'ulimit -n many');
    expect([r.stderr, r.exitCode]).toEqual(['-bash: ulimit: many: invalid number\n', 1]);
    // -b (RLIMIT_SBSIZE) is not in a Linux build's option string.
    r = await sh(w, 'ulimit -b');
    expect([r.stderr, r.exitCode]).toEqual(['-bash: ulimit: -b: invalid option\nulimit: usage: ulimit [-SHabcdefiklmnpqrstuvxPRT] [limit]\n', 2]);
    r = await sh(w, 'ulimit --help');
    expect(r.exitCode).toBe(2);
    expect(r.stdout.split('\n').slice(0, 3)).toEqual(['ulimit: ulimit [-SHabcdefiklmnpqrstuvxPRT] [limit]', '    Modify shell resource limits.', '    ']);
    expect((await sh(w, 'type ulimit')).stdout).toBe('ulimit is a shell builtin\n');
  });
});
