/**
 * Device nodes (session 24): node1's /dev is Ubuntu 24.04's devtmpfs (src/sim/fs/devnodes.ts: numbers from
 * linux@v6.8:Documentation/admin-guide/devices.txt, modes and groups from drivers/char/mem.c, drivers/tty/tty_io.c and
 * systemd@v255 rules.d/50-udev-default.rules.in), with the learner's terminal /dev/pts/0; a container's is runc@v1.1.14's
 * and moby@v27.3.1's (oci/defaults.go: devpts "newinstance,ptmxmode=0666,mode=0620,gid=5"). Every tool that asks for a
 * file's type sees S_IFCHR or S_IFBLK: stat (coreutils@v9.4:src/stat.c, busybox@1_36_1:coreutils/stat.c), ls, find,
 * bash's test (bash-5.2:test.c, through scripts/patch-just-bash.mjs), the kubelet's hostPath check.
 */
import { describe, expect, it } from 'vitest';
import { createWorld, type World } from '../../src/sim/index.ts';
import { sh, world } from './helpers.ts';

const out = async (w: World, line: string) => (await w.exec(line)).stdout;

describe('node1 /dev (devtmpfs on Ubuntu 24.04, kernel 6.8)', { timeout: 60_000 }, () => {
  it('its nodes are character or block devices with their numbers, modes and groups', async () => {
    const w = createWorld();
    const fmt = 'stat -c "%n %F %t:%T %A %U %G"';
    expect(await out(w, `${fmt} /dev/null /dev/zero /dev/full /dev/random /dev/urandom /dev/kmsg /dev/mem /dev/port`)).toBe(
      [
        '/dev/null character special file 1:3 crw-rw-rw- root root',
        '/dev/zero character special file 1:5 crw-rw-rw- root root',
        '/dev/full character special file 1:7 crw-rw-rw- root root',
        '/dev/random character special file 1:8 crw-rw-rw- root root',
        '/dev/urandom character special file 1:9 crw-rw-rw- root root',
        '/dev/kmsg character special file 1:b crw-r--r-- root root',
        '/dev/mem character special file 1:1 crw-r----- root kmem',
        '/dev/port character special file 1:4 crw-r----- root kmem',
        '',
      ].join('\n'),
    );
    // %t and %T are hex: ttyS0 is 4:64 (0x40), vcsa 7:128 (0x80).
    expect(await out(w, `${fmt} /dev/tty /dev/console /dev/ptmx /dev/tty1 /dev/ttyS0 /dev/vcsa /dev/fuse /dev/net/tun /dev/vhost-net`)).toBe(
      [
        '/dev/tty character special file 5:0 crw-rw-rw- root tty',
        '/dev/console character special file 5:1 crw------- root root',
        '/dev/ptmx character special file 5:2 crw-rw-rw- root tty',
        '/dev/tty1 character special file 4:1 crw--w---- root tty',
        '/dev/ttyS0 character special file 4:40 crw-rw---- root dialout',
        '/dev/vcsa character special file 7:80 crw-rw---- root tty',
        '/dev/fuse character special file a:e5 crw-rw-rw- root root',
        '/dev/net/tun character special file a:c8 crw-rw-rw- root root',
        '/dev/vhost-net character special file a:ee crw-rw-rw- root kvm',
        '',
      ].join('\n'),
    );
    // The disk lsblk shows (sda16 on the extended major 259) and the eight loop devices.
    expect(await out(w, `${fmt} /dev/sda /dev/sda1 /dev/sda16 /dev/loop7 /dev/sg0`)).toBe(
      [
        '/dev/sda block special file 8:0 brw-rw---- root disk',
        '/dev/sda1 block special file 8:1 brw-rw---- root disk',
        '/dev/sda16 block special file 103:0 brw-rw---- root disk',
        '/dev/loop7 block special file 7:7 brw-rw---- root disk',
        '/dev/sg0 character special file 15:0 crw-rw---- root disk',
        '',
      ].join('\n'),
    );
  });

  it('ls, find and test see the types; block/ and char/ link each number to its node', async () => {
    const w = createWorld();
    expect(await out(w, 'ls -l /dev/sda1 /dev/tty /dev/pts/0')).toMatch(
      /^crw--w---- 1 root tty  136, 0 \w{3} [ \d]\d \d\d:\d\d \/dev\/pts\/0\nbrw-rw---- 1 root disk   8, 1 .* \/dev\/sda1\ncrw-rw-rw- 1 root tty    5, 0 .* \/dev\/tty\n$/,
    );
    expect(await out(w, 'find /dev -type b | sort | tr "\\n" " "')).toBe(
      '/dev/loop0 /dev/loop1 /dev/loop2 /dev/loop3 /dev/loop4 /dev/loop5 /dev/loop6 /dev/loop7 /dev/sda /dev/sda1 /dev/sda14 /dev/sda15 /dev/sda16 ',
    );
    expect(await out(w, 'find /dev -type c | wc -l; find /dev/pts /dev/input -type c | sort')).toBe(
      '158\n/dev/input/event0\n/dev/input/event1\n/dev/input/event2\n/dev/input/mice\n/dev/input/mouse0\n/dev/pts/0\n/dev/pts/ptmx\n',
    );
    // file@FILE5_45:src/fsmagic.c: a device by its numbers, a link not followed.
    expect(await out(w, 'file /dev/null /dev/sda1 /dev/stdin')).toBe(
      '/dev/null: character special (1/3)\n/dev/sda1: block special (8/1)\n/dev/stdin: symbolic link to /proc/self/fd/0\n',
    );
    const tests = 'for f in /dev/null /dev/full /dev/pts/0 /dev/sda /dev/stdin /etc/hostname; do [ -c $f ] && echo "c $f"; [ -b $f ] && echo "b $f"; done';
    expect(await out(w, tests)).toBe('c /dev/null\nc /dev/full\nc /dev/pts/0\nb /dev/sda\nc /dev/stdin\n');
    // 13 block devices and 156 character ones (pts/ slaves are not udev's): their links, and ls's two headers.
    expect(await out(w, 'readlink /dev/block/8:1 /dev/char/5:0 /dev/char/13:63')).toBe('../sda1\n../tty\n../input/mice\n');
    expect(await out(w, 'ls /dev/block /dev/char | grep -c :')).toBe('171\n');
    // udev's by-uuid and by-label links: the root the kernel's command line and /etc/fstab name is sda1.
    expect(
      await out(w, 'readlink -f /dev/disk/by-uuid/$(sed "s/.*root=UUID=\\([^ ]*\\).*/\\1/" /proc/cmdline) /dev/disk/by-label/BOOT /dev/disk/by-label/UEFI'),
    ).toBe('/dev/sda1\n/dev/sda16\n/dev/sda15\n');
  });

  it('ls -l /dev: the top of the listing, devpts and the tmpfs mounts', async () => {
    const w = createWorld();
    const top = (await out(w, 'ls -l /dev | head -12')).split('\n').slice(0, -1);
    const when = / (\w{3} [ \d]\d \d\d:\d\d) autofs/.exec(top[1] as string)?.[1] as string;
    expect(top).toEqual([
      'total 0',
      `crw------- 1 root root     10, 235 ${when} autofs`,
      `drwxr-xr-x 2 root root         300 ${when} block`,
      `crw-rw---- 1 root disk     10, 234 ${when} btrfs-control`,
      `drwxr-xr-x 2 root root        3160 ${when} char`,
      `crw------- 1 root root      5,   1 ${when} console`,
      `lrwxrwxrwx 1 root root          11 ${when} core -> /proc/kcore`,
      `crw------- 1 root root     10, 203 ${when} cuse`,
      `drwxr-xr-x 4 root root          80 ${when} disk`,
      `drwxr-xr-x 2 root root          60 ${when} dri`,
      `crw-rw---- 1 root video    29,   0 ${when} fb0`,
      `lrwxrwxrwx 1 root root          13 ${when} fd -> /proc/self/fd`,
    ]);
    // systemd mounts devpts with gid=5,mode=620 and no ptmxmode: its ptmx is c---------; /dev/ptmx is the real one.
    expect(await out(w, 'ls -l /dev/pts | sed 1d | cut -c1-32')).toBe('crw--w---- 1 root tty  136, 0 Se\nc--------- 1 root root   5, 2 Se\n');
    expect(await out(w, 'ls -ld /dev/shm /dev/mqueue /dev/hugepages /dev/pts | cut -c1-32')).toBe(
      'drwxr-xr-x 2 root root  0 Sep 16\ndrwxrwxrwt 2 root root 40 Sep 16\ndrwxr-xr-x 2 root root  0 Sep 16\ndrwxrwxrwt 2 root root 40 Sep 16\n',
    );
  });

  it('stat -L through /dev/stdin and /proc/self/fd/0 reaches the terminal (devpts: no birth time)', async () => {
    const w = createWorld();
    const st = (await out(w, 'stat -L /proc/self/fd/0')).split('\n');
    expect(st.slice(0, 4)).toEqual([
      '  File: /proc/self/fd/0',
      '  Size: 0         \tBlocks: 0          IO Block: 4096   character special file',
      // devpts numbers pty N's inode N+3 (fs/devpts/inode.c devpts_pty_new).
      'Device: 0,24\tInode: 3           Links: 1     Device type: 136,0',
      'Access: (0620/crw--w----)  Uid: (    0/    root)   Gid: (    5/     tty)',
    ]);
    expect(st[7]).toBe(' Birth: -');
    expect(await out(w, 'tty; stat -L -c "%F %t,%T %U:%G %w" /dev/stdin /dev/fd/1')).toBe(
      '/dev/pts/0\ncharacter special file 88,0 root:tty -\ncharacter special file 88,0 root:tty -\n',
    );
    // /dev/null: devtmpfs (0,5), a birth time.
    expect((await out(w, 'stat /dev/null')).split('\n')[2]).toMatch(/^Device: 0,5\tInode: \d+ +Links: 1 {5}Device type: 1,3$/);
  });
});

describe('a container /dev (runc 1.1.14, moby 27.3.1)', { timeout: 60_000 }, () => {
  it('-t: the terminal is pts/0 and /dev/console, crw--w---- root tty; busybox stat words it its own way', async () => {
    const w = await world(['alpine', 'debian']);
    expect((await sh(w, 'docker run --rm -t alpine ls -1 /dev/pts')).out).toMatch(/^0\r?\nptmx\r?\n$/);
    expect(await out(w, 'docker run --rm alpine ls /dev/pts')).toBe('ptmx\n');
    const bb = (await out(w, 'docker run --rm -t alpine stat /dev/console')).split(/\r?\n/);
    expect(bb[1]).toBe('  Size: 0         \tBlocks: 0          IO Block: 4096   character special file');
    // busybox: "Device: %Dh/%dd … Links: %-5h Device type: %t,%T" (hex numbers), no Birth line. (A container's own
    // /dev and devpts numbers are not simulated: st_dev is left unpinned.)
    expect(bb[2]).toMatch(/^Device: [0-9a-f]+h\/\d+d\tInode: \d+ +Links: 1 {5}Device type: 88,0$/);
    expect(bb[3]).toBe('Access: (0620/crw--w----)  Uid: (    0/    root)   Gid: (    5/     tty)');
    expect(bb).toHaveLength(8);
    expect(await out(w, 'docker run --rm debian stat -c "%F %A %U:%G" /dev/null /dev/pts/ptmx /dev/ptmx')).toBe(
      'character special file crw-rw-rw- root:root\ncharacter special file crw-rw-rw- root:root\nsymbolic link lrwxrwxrwx root:root\n',
    );
    // An exec's terminal is a slave of the container's devpts too.
    await w.exec('docker run -d --name s1 alpine sleep 300');
    expect((await sh(w, 'docker exec -t s1 ls -1 /dev/pts')).out).toMatch(/^0\r?\nptmx\r?\n$/);
  });

  it('--device adds the host node (its numbers, mode and owner) where asked, a directory its devices; else DevicesFromPath fails', async () => {
    const w = await world(['alpine']);
    expect(await out(w, 'docker run --rm --device /dev/fuse --device /dev/sda:/dev/xvda:r alpine stat -c "%n %F %t,%T %A %G" /dev/fuse /dev/xvda')).toBe(
      '/dev/fuse character special file a,e5 crw-rw-rw- root\n/dev/xvda block special file 8,0 brw-rw---- disk\n',
    );
    // A directory: its devices under the container path; their host group (audio, 29) has no name in alpine.
    expect(await out(w, 'docker run --rm --device /dev/snd:/dev/snd alpine stat -c "%n %t,%T %g" /dev/snd/seq /dev/snd/timer')).toBe(
      '/dev/snd/seq 74,1 29\n/dev/snd/timer 74,21 29\n',
    );
    const fail = (p: string, why: string) =>
      `docker: Error response from daemon: error gathering device information while adding custom device "${p}": ${why}.`;
    expect((await sh(w, 'docker run --rm --device /dev/sr0 alpine true')).stderr).toContain(fail('/dev/sr0', 'no such file or directory'));
    expect((await sh(w, 'docker run --rm --device /dev/hugepages alpine true')).stderr).toContain(fail('/dev/hugepages', 'not a device node'));
    expect((await sh(w, 'docker run --rm --device /etc/hostname alpine true')).stderr).toContain(fail('/etc/hostname', 'not a device node'));
  });

  it('--privileged: every device of node1 /dev but console and those under pts, shm, mqueue (containerd HostDevices)', async () => {
    const w = await world(['alpine']);
    const names = (await out(w, 'docker run --rm --privileged alpine ls /dev')).split('\n');
    expect(names).toEqual(expect.arrayContaining(['sda1', 'tty63', 'ttyS31', 'kmsg', 'mem', 'loop-control', 'net', 'input', 'ptmx', 'pts']));
    expect(names).not.toContain('console');
    expect(names).not.toContain('block');
    expect(await out(w, 'docker run --rm --privileged alpine ls -l /dev/ptmx /dev/net/tun /dev/mem')).toMatch(
      /^crw-r----- +1 root +15 +1, +1 .* \/dev\/mem\ncrw-rw-rw- +1 root +root +10, 200 .* \/dev\/net\/tun\nlrwxrwxrwx .* \/dev\/ptmx -> pts\/ptmx\n$/,
    );
  });
});

describe('/proc/PID/fd of container processes', { timeout: 60_000 }, () => {
  it('-i gives fd 0 the shim pipe; nginx workers own their fd links as nginx:nginx (101), dumpable after setuid', async () => {
    const w = await world(['debian', 'nginx']);
    expect(await out(w, 'docker run -i --rm debian readlink /proc/self/fd/0')).toMatch(/^pipe:\[\d+\]\n$/);
    expect(await out(w, 'docker run --rm debian readlink /proc/self/fd/0')).toBe('/dev/null\n');
    await w.exec('docker run -d --name web nginx');
    expect(await out(w, 'docker exec -i web readlink /proc/self/fd/0')).toMatch(/^pipe:\[\d+\]\n$/);
    expect(await out(w, 'docker exec web sh -c "grep ^Gid /proc/29/status; stat -c %U:%G /proc/29/fd/1"')).toBe('Gid:\t101\t101\t101\t101\nnginx:nginx\n');
    // A reload's new workers keep the group.
    await w.exec('docker exec web nginx -s reload');
    const pids = (await out(w, 'docker exec web sh -c "grep -l worker /proc/[0-9]*/cmdline"')).trim().split('\n');
    const gids = await out(w, `docker exec web sh -c "grep -h ^Gid ${pids.map((p) => p.replace('cmdline', 'status')).join(' ')} | sort -u"`);
    expect(gids).toBe('Gid:\t101\t101\t101\t101\n');
  });
});

describe('the kubelet hostPath type check sees the devices', { timeout: 90_000 }, () => {
  it('CharDevice on /dev/null and BlockDevice on /dev/sda mount; CharDevice on /dev/sda fails; a privileged container has the devices', async () => {
    const w = createWorld();
    const pod = (name: string, path: string, type: string) =>
      `cat > ${name}.yaml <<'EOF'\napiVersion: v1\nkind: Pod\nmetadata: {name: ${name}}\nspec:\n  containers:\n  - {name: c, image: busybox, command: ["sleep", "3600"], volumeMounts: [{name: v, mountPath: /v}]}\n  volumes:\n  - {name: v, hostPath: {path: ${path}, type: ${type}}}\nEOF\nkubectl apply -f ${name}.yaml`;
    await w.exec(pod('chr', '/dev/null', 'CharDevice'));
    await w.exec(pod('blk', '/dev/sda', 'BlockDevice'));
    await w.exec(pod('bad', '/dev/sda', 'CharDevice'));
    await w.exec('sleep 30');
    expect(await out(w, 'kubectl get pod chr blk bad -o jsonpath="{.items[*].status.phase}"')).toBe('Running Running Pending');
    expect(await out(w, 'kubectl get events --field-selector involvedObject.name=bad -o jsonpath={.items[*].message}')).toContain(
      'MountVolume.SetUp failed for volume "v" : hostPath type check failed: /dev/sda is not a character device',
    );

    // A privileged container of a pod gets node1's devices (containerd's CRI: oci.WithHostDevices); another does not.
    await w.exec(
      `cat > priv.yaml <<'EOF'\napiVersion: v1\nkind: Pod\nmetadata: {name: priv}\nspec:\n  containers:\n  - {name: c, image: busybox, command: ["sleep", "3600"], securityContext: {privileged: true}}\nEOF\nkubectl apply -f priv.yaml; sleep 10`,
    );
    expect(await out(w, 'kubectl exec priv -- stat -c "%n %F %t,%T" /dev/sda /dev/net/tun')).toBe(
      '/dev/sda block special file 8,0\n/dev/net/tun character special file a,c8\n',
    );
    expect((await w.exec('kubectl exec chr -- ls /dev/sda')).stderr).toBe('ls: /dev/sda: No such file or directory\ncommand terminated with exit code 1\n');
  });
});
