/**
 * Symbolic links on every path lookup (src/sim/fs/namei.ts, shell/mountfs.ts): a link through another link, a target
 * through a link in its middle, links into another mount, ELOOP after 40 links (linux v6.8 include/linux/namei.h
 * MAXSYMLINKS), in glibc's words on node1 and musl's in alpine; ls's trailing slash, -L, -H and -F on links
 * (coreutils@v9.4:src/ls.c gobble_file, busybox@1_36_1:coreutils/ls.c), stat's trailing slash (session 22).
 */
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { sh, world } from './helpers.ts';

async function links() {
  const w = createWorld();
  await sh(w, 'cd /tmp && mkdir d && echo hi > d/f && ln -s /tmp/d l1 && ln -s l1 l2 && ln -s /tmp/l1/f lf && ln -s loop1 loop2 && ln -s loop2 loop1');
  return w;
}

describe('path lookup follows every link (session 22)', () => {
  it('a link through another link, and a target with a link in its middle, for reads, writes, cd and removal', async () => {
    const w = await links();
    expect((await sh(w, 'cat /tmp/l2/f /tmp/lf')).out).toBe('hi\nhi\n');
    expect((await sh(w, 'echo new > /tmp/l2/g; ls /tmp/d; rm /tmp/l2/g; ls /tmp/d')).out).toBe('f\ng\nf\n');
    expect((await sh(w, 'cd /tmp/l2 && pwd && pwd -P; readlink -f /tmp/l2/f; test -d /tmp/l2 && echo dir')).out).toBe('/tmp/l2\n/tmp/d\n/tmp/d/f\ndir\n');
    // A dangling link's target is created by a write through it (open O_CREAT follows the link).
    expect((await sh(w, 'ln -s d/x /tmp/dangling; cat /tmp/dangling; echo x > /tmp/dangling; cat /tmp/d/x')).out).toBe(
      'cat: /tmp/dangling: No such file or directory\nx\n',
    );
  });

  it('links into another mount: /proc/self/root, /var/run', async () => {
    const w = createWorld();
    expect((await sh(w, 'cat /proc/self/root/etc/hostname; readlink -f /proc/self/root/etc; ls /var/run/ | head -2')).out).toBe(
      'node1\n/etc\ncontainerd\ndocker.sock\n',
    );
    // /sys/class/net's links into /sys/devices stay sysfs's own.
    expect((await sh(w, 'cat /sys/class/net/lo/mtu')).out).toBe('65536\n');
  });

  it('the 41st link of one lookup is ELOOP: "Too many levels of symbolic links"', async () => {
    const w = await links();
    await sh(w, 'cd /tmp && ln -s d c0 && for i in $(seq 1 40); do ln -s c$((i-1)) c$i; done');
    expect((await sh(w, 'cat /tmp/c39/f')).out).toBe('hi\n');
    const r = await sh(w, 'cat /tmp/c40/f');
    expect([r.out, r.exitCode]).toEqual(['cat: /tmp/c40/f: Too many levels of symbolic links\n', 1]);
    expect((await sh(w, 'cat /tmp/loop1; head /tmp/loop1; cd /tmp/loop1')).out).toBe(
      [
        'cat: /tmp/loop1: Too many levels of symbolic links',
        "head: cannot open '/tmp/loop1' for reading: Too many levels of symbolic links",
        '-bash: cd: /tmp/loop1: Too many levels of symbolic links',
        '',
      ].join('\n'),
    );
    expect((await sh(w, 'stat -L /tmp/loop1; stat /tmp/loop1/; realpath /tmp/loop1; readlink -f /tmp/loop1; echo $?')).out).toBe(
      [
        "stat: cannot statx '/tmp/loop1': Too many levels of symbolic links",
        "stat: cannot statx '/tmp/loop1/': Too many levels of symbolic links",
        'realpath: /tmp/loop1: Too many levels of symbolic links',
        '1',
        '',
      ].join('\n'),
    );
  });

  it('musl words ELOOP "Symbolic link loop" in alpine', async () => {
    const w = await world(['alpine']);
    const r = await sh(w, 'docker run --rm alpine sh -c "cd /tmp; ln -s x y; ln -s y x; cat x; ls x; head x; cd x"');
    expect(r.out).toBe(
      [
        "cat: can't open 'x': Symbolic link loop",
        'ls: x: Symbolic link loop',
        "head: can't open 'x': Symbolic link loop",
        "sh: cd: line 1: can't cd to x: Symbolic link loop",
        '',
      ].join('\n'),
    );
  });
});

describe('ls and stat on links (coreutils 9.4, busybox 1.36.1)', () => {
  it('a trailing slash lists the directory a link names; without it -l shows the link, -F marks it', async () => {
    const w = await links();
    expect((await sh(w, 'cd /tmp; ls -l l2/; ls -l l2; ls -ld l2/; ls l2; ls -F l2; ls -d l2')).out).toBe(
      [
        'total 4',
        '-rw-r--r-- 1 root root 3 Sep 16 11:45 f',
        'lrwxrwxrwx 1 root root 2 Sep 16 11:45 l2 -> l1',
        'drwxr-xr-x 2 root root 4096 Sep 16 11:45 l2/',
        'f',
        'l2@',
        'l2',
        '',
      ].join('\n'),
    );
    expect((await sh(w, 'cd /tmp; ls -lL l2; ls -lH l2; ls -l --dereference-command-line l2 | head -1')).out).toBe(
      ['total 4', '-rw-r--r-- 1 root root 3 Sep 16 11:45 f', 'total 4', '-rw-r--r-- 1 root root 3 Sep 16 11:45 f', 'total 4', ''].join('\n'),
    );
    // coreutils 9.4 (bf574deec, after 9.1): a command-line link that loops is shown, as a dangling one is.
    expect((await sh(w, 'cd /tmp; ls loop1; ls loop1/; ls -L loop1; ls d/f/; stat d/f/')).out).toBe(
      [
        'loop1',
        "ls: cannot access 'loop1/': Too many levels of symbolic links",
        "ls: cannot access 'loop1': Too many levels of symbolic links",
        "ls: cannot access 'd/f/': Not a directory",
        "stat: cannot statx 'd/f/': Not a directory",
        '',
      ].join('\n'),
    );
  });

  it("-lL reports each link it cannot follow and lists it as a row of '?', status 1", async () => {
    const w = createWorld();
    await sh(w, 'mkdir /tmp/e && cd /tmp/e && ln -s nowhere dangling && ln -s a b && ln -s b a');
    const r = await w.exec('ls -lL /tmp/e');
    expect(r).toMatchObject({
      stdout: ['total 0', 'l????????? ? ? ? ?            ? a', 'l????????? ? ? ? ?            ? b', 'l????????? ? ? ? ?            ? dangling', ''].join('\n'),
      exitCode: 1,
    });
    expect(r.stderr).toBe(
      [
        "ls: cannot access '/tmp/e/a': Too many levels of symbolic links",
        "ls: cannot access '/tmp/e/b': Too many levels of symbolic links",
        "ls: cannot access '/tmp/e/dangling': No such file or directory",
        '',
      ].join('\n'),
    );
  });
});
