import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { sh, world } from './helpers.ts';

const T = 'Sep 16 11:45';
/** coreutils 9.4 ls -l rows of /proc/PID/fd (src/ls.c print_long_format). */
const row = (mode: string, fd: number, target: string) => `${mode} 1 root root 64 ${T} ${fd} -> ${target}`;
/** busybox 1.36.1 ls -l rows (coreutils/ls.c display_single: "%4lu ", "%-8.8s ", "%9llu "). */
const bbRow = (mode: string, fd: number, target?: string) => `${mode}    1 root     root            64 ${T} ${fd}${target ? ` -> ${target}` : ''}`;
const lines = (...l: string[]) => `${l.join('\n')}\n`;

describe('/proc/PID/fd (linux v6.8 fs/proc/fd.c)', () => {
  it("a command at the prompt: the terminal on 0, 1 and 2 (lrwx: O_RDWR), and ls's own directory on 3 (lr-x)", async () => {
    const w = createWorld();
    // fd.c tid_fd_update_inode: S_IRUSR|S_IXUSR for FMODE_READ, S_IWUSR|S_IXUSR for FMODE_WRITE; proc_fd_instantiate: i_size 64.
    // coreutils ls.c print_dir reads each entry's link while the directory is open (gobble_file), so 3 is listed with its target.
    expect((await sh(w, 'ls -l /proc/self/fd')).out).toBe(
      lines(
        'total 0',
        row('lrwx------', 0, '/dev/pts/0'),
        row('lrwx------', 1, '/dev/pts/0'),
        row('lrwx------', 2, '/dev/pts/0'),
        row('lr-x------', 3, '/proc/2046/fd'),
      ),
    );
    expect((await sh(w, 'readlink /proc/self/fd/1')).out).toBe('/dev/pts/0\n');
    // No directory is open outside a listing: proc_lookupfd_common finds no descriptor 3 (ENOENT, readlink prints nothing).
    expect(await sh(w, 'readlink /proc/self/fd/3')).toMatchObject({ out: '', exitCode: 1 });
    // base.c tgid_base_stuff DIR("fd", S_IRUSR|S_IXUSR); proc_fd_getattr: its size is the number of open descriptors.
    expect((await sh(w, 'ls -ld /proc/self/fd')).out).toBe(`dr-x------ 2 root root 3 ${T} /proc/self/fd\n`);
  });

  it("another user's descriptors are not readable without CAP_DAC_READ_SEARCH (fs/proc/fd.c proc_fd_permission)", async () => {
    const w = createWorld();
    expect(await sh(w, 'sudo -u nobody ls /proc/1/fd')).toMatchObject({ out: "ls: cannot open directory '/proc/1/fd': Permission denied\n", exitCode: 2 });
    // Its own are its own: task_dump_owner makes the links the process's user's.
    expect((await sh(w, 'sudo -u nobody ls -l /proc/self/fd | head -2')).out).toBe(`total 0\nlrwx------ 1 nobody nogroup 64 ${T} 0 -> /dev/pts/0\n`);
  });

  it('the login bash keeps a copy of stderr on 255 (bash-5.2 jobs.c initialize_job_control)', async () => {
    const w = createWorld();
    expect((await sh(w, 'ls -l /proc/$$/fd')).out).toBe(
      lines(
        'total 0',
        row('lrwx------', 0, '/dev/pts/0'),
        row('lrwx------', 1, '/dev/pts/0'),
        row('lrwx------', 2, '/dev/pts/0'),
        row('lrwx------', 255, '/dev/pts/0'),
      ),
    );
  });

  it("redirections: the file's absolute path with the open mode (bash-5.2 redir.c)", async () => {
    const w = createWorld();
    expect((await sh(w, 'ls -l /proc/self/fd > f; cat f')).out).toBe(
      lines(
        'total 0',
        row('lrwx------', 0, '/dev/pts/0'),
        row('l-wx------', 1, '/root/f'),
        row('lrwx------', 2, '/dev/pts/0'),
        row('lr-x------', 3, '/proc/2046/fd'),
      ),
    );
    expect((await sh(w, 'ls -l /proc/self/fd 2>/dev/null </etc/hostname')).out).toBe(
      lines(
        'total 0',
        row('lr-x------', 0, '/etc/hostname'),
        row('lrwx------', 1, '/dev/pts/0'),
        row('l-wx------', 2, '/dev/null'),
        row('lr-x------', 3, '/proc/2048/fd'),
      ),
    );
  });

  it("opening through a descriptor's link reaches its file; stat shows the link's mode (fs/proc/fd.c proc_fd_link)", async () => {
    const w = createWorld();
    expect((await sh(w, 'cat /proc/self/fd/0 < /etc/hostname')).out).toBe('node1\n');
    expect((await sh(w, "stat -c '%A %a %s %U %N' /proc/self/fd/0")).out).toBe("lrwx------ 700 64 root '/proc/self/fd/0' -> '/dev/pts/0'\n");
  });

  it('pipes: pipe:[INO] (fs/pipe.c pipefs_dname), one number for both ends, numbers only grow', async () => {
    const w = createWorld();
    // 2>&1 makes 2 a copy of 1: the same pipe.
    expect((await sh(w, 'ls -l /proc/self/fd 2>&1 | cat')).out).toBe(
      lines(
        'total 0',
        row('lrwx------', 0, '/dev/pts/0'),
        row('l-wx------', 1, 'pipe:[41288]'),
        row('l-wx------', 2, 'pipe:[41288]'),
        row('lr-x------', 3, '/proc/2046/fd'),
      ),
    );
    // readlink reads the pipe echo writes to (41289) and writes into the next one.
    expect((await sh(w, 'echo | readlink /proc/self/fd/0 | cat')).out).toBe('pipe:[41289]\n');
    // bash 5.1 and later hand a short here-string over a pipe.
    expect((await sh(w, 'readlink /proc/self/fd/0 <<< hi')).out).toBe('pipe:[41291]\n');
  });

  it('/dev/fd is /proc/self/fd; opening through it still reaches the shell (process substitution)', async () => {
    const w = createWorld();
    expect((await sh(w, 'ls -l /dev/fd/')).out).toBe(
      lines(
        'total 0',
        row('lrwx------', 0, '/dev/pts/0'),
        row('lrwx------', 1, '/dev/pts/0'),
        row('lrwx------', 2, '/dev/pts/0'),
        row('lr-x------', 3, '/proc/2046/fd'),
      ),
    );
    expect((await sh(w, 'readlink -f /dev/stdin')).out).toBe('/dev/pts/0\n');
    expect((await sh(w, 'cat <(echo a)')).out).toBe('a\n');
    expect((await sh(w, 'wc -l <(printf "a\\nb\\n")')).out).toBe('2 /dev/fd/63\n');
  });

  it("a container without -t: /dev/null on 0, the shim's two pipes on 1 and 2; busybox ls reads 3 after closedir", async () => {
    const w = await world(['alpine']);
    // busybox@1_36_1 coreutils/ls.c: scan_one_dir closes the directory before display_single reads the links;
    // libbb/xreadlink.c xmalloc_readlink_or_warn: "%s: cannot read link: %s". stdout into a pipe is flushed at exit.
    expect((await sh(w, 'docker run --rm alpine ls -l /proc/self/fd')).out).toBe(
      lines(
        'ls: /proc/self/fd/3: cannot read link: No such file or directory',
        'total 0',
        bbRow('lr-x------', 0, '/dev/null'),
        bbRow('l-wx------', 1, 'pipe:[41288]'),
        bbRow('l-wx------', 2, 'pipe:[41289]'),
        bbRow('lr-x------', 3),
      ),
    );
  });

  it('a container with -t: its devpts slave on 0, 1 and 2 (runc init_linux.go setupConsole, dupStdio)', async () => {
    const w = await world(['alpine']);
    // On a terminal busybox's stdout is line-buffered: the warning comes before the line it is about.
    expect((await sh(w, 'docker run --rm -it alpine ls -l /proc/self/fd')).out).toBe(
      lines(
        'total 0',
        bbRow('lrwx------', 0, '/dev/pts/0'),
        bbRow('lrwx------', 1, '/dev/pts/0'),
        bbRow('lrwx------', 2, '/dev/pts/0'),
        'ls: /proc/self/fd/3: cannot read link: No such file or directory',
        bbRow('lr-x------', 3),
      ),
    );
  });

  it('docker exec: the same rules, and a script run by sh -c gets its own pipes', async () => {
    const w = await world(['nginx']);
    await sh(w, 'docker run -d --name web nginx');
    const plain = (await sh(w, 'docker exec web readlink /proc/self/fd/0 /proc/self/fd/1 /proc/self/fd/2')).out.split('\n');
    expect(plain[0]).toBe('/dev/null');
    expect(plain[1]).toMatch(/^pipe:\[\d+\]$/);
    expect(plain[2]).not.toBe(plain[1]);
    expect((await sh(w, 'docker exec -it web readlink /proc/self/fd/1')).out).toBe('/dev/pts/0\n');
    expect((await sh(w, "docker exec web sh -c 'readlink /proc/self/fd/2 2>/dev/null 2>&1 | cat'")).out).toMatch(/^pipe:\[\d+\]\n$/);
  });
});
