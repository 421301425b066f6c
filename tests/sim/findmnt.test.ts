import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';

// util-linux@v2.39.3:misc-utils/findmnt.c: the default columns TARGET SOURCE FSTYPE OPTIONS, the tree
// (create_treenode), list mode for a search, exit 1 when nothing matches, "unknown column: %s".
describe('findmnt (util-linux 2.39.3) on node1 (#10)', { timeout: 60_000 }, () => {
  it('prints the host mount table as a tree, the same mounts as /proc/mounts', async () => {
    const w = createWorld();
    const r = await w.exec('findmnt');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(
      'TARGET             SOURCE    FSTYPE  OPTIONS\n' +
        '/                  /dev/sda1 ext4    rw,relatime,discard,errors=remount-ro\n' +
        '├─/proc            proc      proc    rw,nosuid,nodev,noexec,relatime\n' +
        '├─/sys             sysfs     sysfs   rw,nosuid,nodev,noexec,relatime\n' +
        '│ └─/sys/fs/cgroup cgroup2   cgroup2 rw,nosuid,nodev,noexec,relatime,nsdelegate,memory_recursiveprot\n' +
        '└─/run             tmpfs     tmpfs   rw,nosuid,nodev,noexec,relatime,size=1637792k,mode=755,inode64\n',
    );
    const targets = (await w.exec('findmnt -rn -o TARGET')).stdout;
    const proc = (await w.exec("awk '{print $2}' /proc/mounts")).stdout;
    expect(targets).toBe(proc);
  });

  it('searches: -t, -T on a path inside a filesystem, an operand naming a mountpoint, nothing found', async () => {
    const w = createWorld();
    expect((await w.exec('findmnt -t ext4')).stdout).toBe('TARGET SOURCE    FSTYPE OPTIONS\n/      /dev/sda1 ext4   rw,relatime,discard,errors=remount-ro\n');
    expect((await w.exec('findmnt -n -o SOURCE -T /etc/passwd')).stdout).toBe('/dev/sda1\n');
    expect((await w.exec('findmnt -n -o FSTYPE /sys/fs/cgroup')).stdout).toBe('cgroup2\n');
    expect(await w.exec('findmnt /etc')).toMatchObject({ stdout: '', stderr: '', exitCode: 1 });
    expect(await w.exec('findmnt -o TARGET,COLOR')).toMatchObject({ stderr: 'findmnt: unknown column: COLOR\n', exitCode: 1 });
    expect(await w.exec('findmnt -V')).toMatchObject({ stdout: 'findmnt from util-linux 2.39.3\n', exitCode: 0 });
    expect(await w.exec('findmnt -q')).toMatchObject({ stderr: "findmnt: invalid option -- 'q'\nTry 'findmnt --help' for more information.\n", exitCode: 1 });
    const help = (await w.exec('findmnt --help')).stdout;
    expect(help.startsWith('\nUsage:\n findmnt [options]\n')).toBe(true);
    expect(help.endsWith('\n VFS-OPTIONS  VFS specific mount options\n\nFor more details see findmnt(8).\n')).toBe(true);
  });

  it("-N PID reads a container's mount namespace: its bind mounts show their root on the host disk", async () => {
    const w = createWorld();
    await w.exec('docker run -d --name web -v data:/data nginx >/dev/null 2>&1');
    const id = (await w.exec("docker inspect -f '{{.Id}}' web")).stdout.trim();
    const r = await w.exec("findmnt -N $(docker inspect -f '{{.State.Pid}}' web) -l -n -o TARGET,SOURCE -t ext4");
    expect(r.stdout).toBe(
      `/etc/resolv.conf /dev/sda1[/var/lib/docker/containers/${id}/resolv.conf]\n` +
        `/etc/hostname    /dev/sda1[/var/lib/docker/containers/${id}/hostname]\n` +
        `/etc/hosts       /dev/sda1[/var/lib/docker/containers/${id}/hosts]\n` +
        '/data            /dev/sda1[/var/lib/docker/volumes/data/_data]\n',
    );
    expect((await w.exec("findmnt -N $(docker inspect -f '{{.State.Pid}}' web) -n -o FSTYPE -M /")).stdout).toBe('overlay\n');
    expect(await w.exec('findmnt -N 99999')).toMatchObject({ stderr: "findmnt: can't read /proc/99999/mountinfo: No such file or directory\n", exitCode: 1 });
  });
});
