/**
 * ls as coreutils 9.4 (src/ls.c) lists on node1, and busybox 1.36 (coreutils/ls.c) in alpine:
 * -R depth first with a header per directory, -t/-S/-r/-U order, -F/-p indicators, -h sizes,
 * -i inodes, -n/-g/-o owners, -C columns into a pipe, the long options and --color's words (#10).
 */
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { sh } from './helpers.ts';

async function tree() {
  const w = createWorld();
  await sh(w, 'mkdir -p /tmp/d/a/b /tmp/d/c && echo hi > /tmp/d/a/f && printf 12345 > /tmp/d/z && chmod +x /tmp/d/z');
  return w;
}

describe('ls (coreutils 9.4)', () => {
  it("the root's directories: the simulated clock's time, never the real one; /tmp and /var/tmp sticky (1777)", async () => {
    const w = createWorld();
    // node1's directories date from its boot (the fixture's bootTime); Ubuntu's base-files makes /tmp and /var/tmp 1777.
    expect((await sh(w, 'ls -ld /etc /etc/kubernetes/pki /tmp /var/tmp')).out).toBe(
      [
        // st_nlink: 2 + subdirectories (/etc: containerd, default, docker, kubernetes, skel, sudoers.d, sysctl.d; /etc/kubernetes/pki: etcd).
        'drwxr-xr-x 9 root root 4096 Sep 16 08:12 /etc',
        'drwxr-xr-x 3 root root 4096 Sep 16 08:12 /etc/kubernetes/pki',
        'drwxrwxrwt 2 root root 4096 Sep 16 08:12 /tmp',
        'drwxrwxrwt 2 root root 4096 Sep 16 08:12 /var/tmp',
        '',
      ].join('\n'),
    );
    // coreutils 9.4 stat %A through gnulib filemode.c: t over x for the sticky bit, S for setgid without x.
    expect((await sh(w, 'stat -c "%a %A" /tmp; touch /tmp/g; chmod 2644 /tmp/g; stat -c "%a %A" /tmp/g')).out).toBe('1777 drwxrwxrwt\n2644 -rw-r-Sr--\n');
    expect((await sh(w, 'docker run --rm alpine stat -c %A /tmp 2>/dev/null')).out).toBe('drwxrwxrwt\n');
  });
  it('-R lists each directory under a header, depth first, with an empty line between', async () => {
    const w = await tree();
    // On the terminal: columns.
    expect((await sh(w, 'ls -R /tmp/d')).out).toBe('/tmp/d:\na  c  z\n\n/tmp/d/a:\nb  f\n\n/tmp/d/a/b:\n\n/tmp/d/c:\n');
    // Into a pipe: one a line.
    expect((await sh(w, 'cd /tmp/d && ls --recursive | cat')).out).toBe('.:\na\nc\nz\n\n./a:\nb\nf\n\n./a/b:\n\n./c:\n');
    expect((await sh(w, 'ls -lR /tmp/d/a')).out).toBe(
      '/tmp/d/a:\ntotal 8\ndrwxr-xr-x 2 root root 4096 Sep 16 11:45 b\n-rw-r--r-- 1 root root    3 Sep 16 11:45 f\n\n/tmp/d/a/b:\ntotal 0\n',
    );
  });
  it('orders by name, size (-S), reversed (-r); operands too', async () => {
    const w = await tree();
    expect((await sh(w, 'ls -S /tmp/d')).out).toBe('a  c  z\n');
    expect((await sh(w, 'ls -r /tmp/d')).out).toBe('z  c  a\n');
    expect((await sh(w, 'ls -Sr /tmp/d')).out).toBe('z  c  a\n');
    expect((await sh(w, 'ls -1 /tmp/d/c /tmp/d/a')).out).toBe('/tmp/d/a:\nb\nf\n\n/tmp/d/c:\n');
  });
  it('-F and -p mark directories and executables; -i puts the inode first; -n, -g and -o', async () => {
    const w = await tree();
    expect((await sh(w, 'ls -F /tmp/d')).out).toBe('a/  c/  z*\n');
    expect((await sh(w, 'ls -p /tmp/d | cat')).out).toBe('a/\nc/\nz\n');
    expect((await sh(w, 'ls -i /tmp/d/z')).out).toMatch(/^\d{7} \/tmp\/d\/z\n$/);
    expect((await sh(w, 'ls -ln /tmp/d/z')).out).toBe('-rwxr-xr-x 1 0 0 5 Sep 16 11:45 /tmp/d/z\n');
    expect((await sh(w, 'ls -g /tmp/d/z')).out).toBe('-rwxr-xr-x 1 root 5 Sep 16 11:45 /tmp/d/z\n');
    expect((await sh(w, 'ls -o /tmp/d/z')).out).toBe('-rwxr-xr-x 1 root 5 Sep 16 11:45 /tmp/d/z\n');
  });
  it('-h prints sizes as gnulib human_readable rounds them up', async () => {
    const w = await tree();
    await sh(w, 'head -c 1025 /dev/zero > /tmp/d/k; head -c 40000 /dev/zero > /tmp/d/m');
    expect((await sh(w, 'ls -lh /tmp/d/k /tmp/d/m /tmp/d/z')).out).toBe(
      '-rw-r--r-- 1 root root 1.1K Sep 16 11:45 /tmp/d/k\n-rw-r--r-- 1 root root  40K Sep 16 11:45 /tmp/d/m\n-rwxr-xr-x 1 root root    5 Sep 16 11:45 /tmp/d/z\n',
    );
  });
  it('-C lays out columns, 80 wide, even into a pipe', async () => {
    const w = await tree();
    expect((await sh(w, 'ls -C /tmp/d | cat')).out).toBe('a  c  z\n');
  });
  it('--color takes its words; another is refused with the list', async () => {
    const w = await tree();
    expect((await sh(w, 'ls --color=never /tmp/d')).out).toBe('a  c  z\n');
    const bad = await sh(w, 'ls --color=bogus');
    expect([bad.stderr, bad.exitCode]).toEqual([
      "ls: invalid argument 'bogus' for '--color'\nValid arguments are:\n  - 'always', 'yes', 'force'\n  - 'never', 'no', 'none'\n  - 'auto', 'tty', 'if-tty'\nUsage: ls [OPTION]... [FILE]...\nTry 'ls --help' for more information.\n",
      2,
    ]);
    expect((await sh(w, 'ls -Q')).stderr).toBe("ls: invalid option -- 'Q'\nTry 'ls --help' for more information.\n");
  });
  it('-R over /proc/sys walks the sysctl tree', async () => {
    const w = createWorld();
    expect((await sh(w, 'ls -R /proc/sys/net | head -5')).out).toBe('/proc/sys/net:\nbridge\ncore\nipv4\nipv6\n');
  });
});
