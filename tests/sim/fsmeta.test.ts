/**
 * Inode metadata as Linux keeps it (#10, #14): an image's modes and owners reach its containers, directory times
 * move when entries come and go, and link counts are the kernel's.
 *
 * - POSIX.1-2017 XBD 4.9 "File Times Update"; open(2) O_CREAT, mkdir(2), unlink(2), rename(2) "shall mark for update
 *   the last data modification and last file status change timestamps of the parent directory"; chmod(2),
 *   chown(2), link(2): "the last file status change timestamp of the file".
 * - linux v6.8 fs/ext4/namei.c ext4_mkdir: `set_nlink(inode, 2)` and `ext4_inc_count(dir)`; fs/namei.c vfs_link:
 *   `inc_nlink(inode)`; fs/inode.c relatime_need_update: atime moves only if it is not newer than mtime or ctime,
 *   or is a day old.
 * - coreutils@v9.4:src/stat.c (%h %u %U %x %y %z), src/ls.c print_long_format (the link count right-aligned to the
 *   widest, names left-aligned); busybox@1_36_1:coreutils/ls.c ("%4lu ", "%-8.8s ").
 */
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { sh, world } from './helpers.ts';

describe('an image carries its modes and owners into its containers', () => {
  it('a RUN step: mkdir -m 700 and chown 1000, chmod 4755, chown to a name of the image', async () => {
    const w = createWorld();
    const df = 'FROM alpine\\nRUN mkdir -m 700 /x && chown 1000 /x && touch /s && chmod 4755 /s && mkdir /y && chown nobody:nogroup /y\\n';
    expect((await sh(w, `mkdir /tmp/ctx && printf '${df}' > /tmp/ctx/Dockerfile && docker build -q -t img /tmp/ctx >/dev/null`)).exitCode).toBe(0);
    // alpine's /etc/passwd has no uid 1000: stat says UNKNOWN (coreutils and busybox stat.c), ls its number.
    expect((await sh(w, "docker run --rm img stat -c '%a %U %u %G %n' /x /s /y")).out).toBe(
      '700 UNKNOWN 1000 root /x\n4755 root 0 root /s\n755 nobody 65534 nogroup /y\n',
    );
    expect((await sh(w, 'docker run --rm img ls -ld /x /s')).out).toBe(
      '-rwsr-xr-x    1 root     root             0 Sep 16 11:45 /s\ndrwx------    2 1000     root          4096 Sep 16 11:45 /x\n',
    );
  });

  it("the fixture images' layer headers: alpine's /tmp 1777 and /root 0700, debian's /etc/shadow 0640 root:shadow", async () => {
    const w = await world(['alpine', 'debian']);
    expect((await sh(w, "docker run --rm alpine stat -c '%a %U:%G %n' /tmp /root /etc/shadow")).out).toBe(
      '1777 root:root /tmp\n700 root:root /root\n640 root:shadow /etc/shadow\n',
    );
    expect((await sh(w, 'docker run --rm debian ls -l /etc/shadow')).out).toBe('-rw-r----- 1 root shadow 474 Jun 12 23:21 /etc/shadow\n');
  });
});

describe('directory and file times', () => {
  it("creating, renaming and removing an entry moves its directory's mtime and ctime; the file's own ctime moves on chmod", async () => {
    const w = createWorld();
    const times = async (p: string) => (await sh(w, `stat -c '%Y %Z' ${p}`)).out.trim().split(' ').map(Number) as [number, number];
    expect((await sh(w, 'ls -ld /tmp')).out).toBe('drwxrwxrwt 2 root root 4096 Sep 16 08:12 /tmp\n');
    await sh(w, 'touch /tmp/x');
    const [xm] = await times('/tmp/x');
    expect(await times('/tmp')).toEqual([xm, xm]);
    expect((await sh(w, 'ls -ld /tmp')).out).toBe('drwxrwxrwt 2 root root 4096 Sep 16 11:45 /tmp\n');
    w.advance(60_000);
    await sh(w, 'mv /tmp/x /tmp/y');
    const [moved, movedC] = await times('/tmp');
    expect(moved).toBeGreaterThanOrEqual(xm + 60);
    expect(movedC).toBe(moved);
    // rename(2) marks the renamed file's ctime (ext4_rename), not its mtime.
    const [ym, yc] = await times('/tmp/y');
    expect([ym, yc]).toEqual([xm, moved]);
    w.advance(60_000);
    await sh(w, 'chmod 600 /tmp/y');
    // chmod marks the file's ctime only: its mtime and its directory's stay.
    const [ym2, yc2] = await times('/tmp/y');
    expect(ym2).toBe(xm);
    expect(yc2).toBeGreaterThanOrEqual(moved + 60);
    expect(await times('/tmp')).toEqual([moved, moved]);
    w.advance(60_000);
    await sh(w, 'rm /tmp/y');
    const [rm] = await times('/tmp');
    expect(rm).toBeGreaterThanOrEqual(yc2 + 60);
  });

  it('relatime: a read moves atime when it is not newer than mtime, then not again within a day', async () => {
    const w = createWorld();
    await sh(w, 'echo hi > /tmp/r');
    const stamp = async () => (await sh(w, "stat -c '%X %Y' /tmp/r")).out.trim().split(' ').map(Number) as [number, number];
    const [a0, m0] = await stamp();
    expect(a0).toBe(m0);
    w.advance(60_000);
    await sh(w, 'cat /tmp/r >/dev/null');
    const [a1, m1] = await stamp();
    expect(m1).toBe(m0);
    expect(a1).toBeGreaterThanOrEqual(m0 + 60);
    w.advance(60_000);
    await sh(w, 'cat /tmp/r >/dev/null');
    expect((await stamp())[0]).toBe(a1);
  });
});

describe('link counts', () => {
  it('a directory has 2 + its subdirectories (ext4, tmpfs, overlay); ls -l aligns the column', async () => {
    const w = await world(['alpine']);
    await sh(w, 'mkdir -p /tmp/d/a/b /tmp/d/c && touch /tmp/d/f');
    expect((await sh(w, 'stat -c "%h %n" /tmp/d /tmp/d/a /tmp/d/a/b /tmp/d/f')).out).toBe('4 /tmp/d\n3 /tmp/d/a\n2 /tmp/d/a/b\n1 /tmp/d/f\n');
    // alpine's / : bin dev etc home lib media mnt opt proc root run sbin srv sys tmp usr var.
    expect((await sh(w, 'docker run --rm alpine stat -c %h /')).out).toBe('19\n');
    // The container's /dev (a tmpfs) holds pts, shm and mqueue.
    expect((await sh(w, 'docker run --rm alpine stat -c %h /dev')).out).toBe('5\n');
    // coreutils ls.c: the link count right-aligned to the widest of the listing.
    expect((await sh(w, 'ls -ld /tmp/d /tmp/d/f')).out).toBe(
      'drwxr-xr-x 4 root root 4096 Sep 16 11:45 /tmp/d\n-rw-r--r-- 1 root root    0 Sep 16 11:45 /tmp/d/f\n',
    );
    expect((await sh(w, 'ls -ld / /tmp | cut -c1-14')).out).toBe('drwxr-xr-x 22 \ndrwxrwxrwt  3 \n');
  });

  it("/proc's own count is the kernel's: 2, its sys directory, and every process of the machine (fs/proc/root.c)", async () => {
    const w = await world(['alpine']);
    const pids = Number((await sh(w, "ls /proc | grep -c '^[0-9]'")).out.trim());
    expect((await sh(w, 'stat -c %h /proc')).out).toBe(`${pids + 3}\n`);
    // From a container too: nr_processes() counts every PID namespace's processes.
    expect(Number((await sh(w, 'docker run --rm alpine stat -c %h /proc')).out.trim())).toBeGreaterThan(pids);
  });

  it('ln makes a second name of one inode: both show 2 links and one inode number; rm drops it back to 1', async () => {
    const w = createWorld();
    await sh(w, 'echo a > /tmp/a && ln /tmp/a /tmp/b');
    const [ia, ib] = (await sh(w, 'stat -c "%h %i" /tmp/a /tmp/b')).out.trim().split('\n');
    expect(ia).toBe(ib);
    expect(ia?.startsWith('2 ')).toBe(true);
    await sh(w, 'chmod 600 /tmp/a');
    expect((await sh(w, 'ls -l /tmp/a /tmp/b')).out).toBe('-rw------- 2 root root 2 Sep 16 11:45 /tmp/a\n-rw------- 2 root root 2 Sep 16 11:45 /tmp/b\n');
    await sh(w, 'rm /tmp/a');
    expect((await sh(w, 'stat -c %h /tmp/b')).out).toBe('1\n');
  });
});

describe('chown and mkdir -m', () => {
  it("chown takes the root's names and numbers; a bad name is refused in each tool's words", async () => {
    const w = await world(['alpine', 'debian']);
    expect((await sh(w, 'touch /tmp/f; chown 1234:5678 /tmp/f; ls -ln /tmp/f; chown foo /tmp/f')).out).toBe(
      '-rw-r--r-- 1 1234 5678 0 Sep 16 11:45 /tmp/f\nchown: invalid user: ‘foo’\n',
    );
    expect((await sh(w, 'docker run --rm debian sh -c "chown nobody: /tmp; ls -ld /tmp"')).out).toBe('drwxrwxrwt 2 nobody nogroup 4096 Jun 12 23:21 /tmp\n');
    expect((await sh(w, 'docker run --rm alpine sh -c "chown bad:x /tmp; chown :bad /tmp; chown bad /tmp"')).out).toBe(
      'chown: unknown user/group bad:x\nchown: unknown group bad\nchown: unknown user bad\n',
    );
  });

  it('mkdir -m gives the directory MODE (octal, or symbolic over a=rwx); an invalid MODE is refused', async () => {
    const w = createWorld();
    expect(
      (
        await sh(
          w,
          'mkdir -m 700 /tmp/m; mkdir -pm 1777 /tmp/p/q; mkdir -m u=rwx,g=rx,o= /tmp/n; mkdir -m bad /tmp/o; stat -c "%a %n" /tmp/m /tmp/p /tmp/p/q /tmp/n',
        )
      ).out,
    ).toBe('mkdir: invalid mode ‘bad’\n700 /tmp/m\n755 /tmp/p\n1777 /tmp/p/q\n750 /tmp/n\n');
  });
});
