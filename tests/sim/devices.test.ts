import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { LIMITS, limitNote } from '../../src/sim/shell/limits.ts';
import { sh, world } from './helpers.ts';

// /dev as runc@v1.1.14 (AllowedDevices, setupDevSymlinks) and moby@v27.3.1:oci/defaults.go give
// a container: the six character devices, the links, and the tmpfs/devpts mounts.
const NAMES = ['core', 'fd', 'full', 'mqueue', 'null', 'ptmx', 'pts', 'random', 'shm', 'stderr', 'stdin', 'stdout', 'tty', 'urandom', 'zero'];

describe('/dev on the host and in containers (#17)', { timeout: 60_000 }, () => {
  it('ls -l /dev lists the devices with their numbers, in coreutils and busybox layouts', async () => {
    const w = await world(['alpine', 'debian']);
    // A container's /dev (debian: coreutils ls); node1's own is checked in devnodes.test.ts.
    const ctr = (await sh(w, 'docker run --rm debian ls -l /dev')).stdout;
    const when = / (\w{3} [ \d]\d \d\d:\d\d) core/.exec(ctr)?.[1] as string;
    expect(ctr).toBe(
      [
        'total 0',
        `lrwxrwxrwx 1 root root   11 ${when} core -> /proc/kcore`,
        `lrwxrwxrwx 1 root root   13 ${when} fd -> /proc/self/fd`,
        `crw-rw-rw- 1 root root 1, 7 ${when} full`,
        `drwxrwxrwt 2 root root   40 ${when} mqueue`,
        `crw-rw-rw- 1 root root 1, 3 ${when} null`,
        `lrwxrwxrwx 1 root root    8 ${when} ptmx -> pts/ptmx`,
        `drwxr-xr-x 2 root root    0 ${when} pts`,
        `crw-rw-rw- 1 root root 1, 8 ${when} random`,
        `drwxrwxrwt 2 root root   40 ${when} shm`,
        `lrwxrwxrwx 1 root root   15 ${when} stderr -> /proc/self/fd/2`,
        `lrwxrwxrwx 1 root root   15 ${when} stdin -> /proc/self/fd/0`,
        `lrwxrwxrwx 1 root root   15 ${when} stdout -> /proc/self/fd/1`,
        `crw-rw-rw- 1 root root 5, 0 ${when} tty`,
        `crw-rw-rw- 1 root root 1, 9 ${when} urandom`,
        `crw-rw-rw- 1 root root 1, 5 ${when} zero`,
        '',
      ].join('\n'),
    );
    // busybox@1_36_1:coreutils/ls.c: "%4u, %3u " for a device.
    const alpine = (await sh(w, 'docker run --rm alpine ls -l /dev/null /dev/zero')).stdout;
    expect(alpine).toMatch(
      /^crw-rw-rw- {4}1 root {5}root {8}1, {3}3 \w{3} [ \d]\d \d\d:\d\d \/dev\/null\ncrw-rw-rw- {4}1 root {5}root {8}1, {3}5 .* \/dev\/zero\n$/,
    );
    expect((await sh(w, 'docker run --rm alpine ls /dev')).stdout).toBe(`${NAMES.join('\n')}\n`);
    // With -t runc bind-mounts the terminal's slave (136:0) on /dev/console: devpts mounted gid=5,mode=620 makes it
    // crw--w---- root tty (moby@v27.3.1:oci/defaults.go; alpine's group 5 is tty).
    expect((await sh(w, 'docker run --rm -t alpine ls -l /dev/console')).stdout).toMatch(/^crw--w---- {4}1 root {5}tty {7}136, {3}0 /);
  });

  it('echo > /dev/null works; reads of /dev/null are empty; head takes what it asks of zero and urandom', async () => {
    const w = createWorld();
    expect((await sh(w, 'echo x > /dev/null; echo $?')).out).toBe('0\n');
    expect((await sh(w, 'cat /dev/null | wc -c')).stdout).toBe('0\n');
    expect((await sh(w, 'head -c 10 /dev/zero | wc -c')).stdout).toBe('10\n');
    expect((await sh(w, 'cat /dev/zero | head -c 3 | wc -c')).stdout).toBe('3\n');
    expect((await sh(w, 'head -c 10 /dev/urandom | wc -c')).stdout).toBe('10\n');
  });

  it('/dev/urandom is the seeded world generator: two fresh worlds read the same bytes', async () => {
    const read = async () => (await sh(createWorld(), 'head -c 16 /dev/urandom | od -An -c')).stdout;
    const a = await read();
    expect(a).toBe(await read());
    expect(a.trim().length).toBeGreaterThan(0);
  });

  it('endless readers and writers stop at the output or time bound with their notes', async () => {
    const w = createWorld();
    const cat = await w.exec('cat /dev/zero');
    expect(cat.exitCode).toBe(130);
    expect(cat.stdout.length + cat.stderr.length).toBeLessThanOrEqual(LIMITS.outputBytes);
    expect(cat.notes).toEqual([limitNote('output')]);
    for (const line of ['cat /dev/zero > /dev/null', 'yes > /dev/null', 'x=$(cat /dev/zero)', 'wc -c /dev/zero', 'cat /dev/urandom | wc -c']) {
      const r = await w.exec(`${line}; echo status $?`);
      expect([line, r.stopped?.limit, r.notes]).toEqual([line, 'time', [limitNote('time')]]);
      // As after Ctrl-C the line goes on; the interrupted command reports 130 (a pipeline, its last stage's status).
      if (!line.includes('|')) expect(r.stdout).toMatch(/status 130\n$/);
    }
    // The working directory and the shell survive.
    expect((await w.exec('echo ok')).stdout).toBe('ok\n');
  });
});
