import { describe, expect, it } from 'vitest';
import { world } from './helpers.ts';

// util-linux@v2.39.3:libmount/src/context_umount.c mnt_context_get_umount_excode (the reasons) and
// sys-utils/umount.c (warnx "%s: %s.", exit 32 for umount(2) errors, "bad usage", the restricted path);
// busybox@1_36_1:util-linux/umount.c bb_perror_msg("can't unmount %s").
describe('umount on node1 and in alpine (#10)', { timeout: 120_000 }, () => {
  it('util-linux: busy, not mounted, no such path, bad usage; as a user: must be superuser', async () => {
    const w = await world(['alpine', 'debian']);
    expect(await w.exec('umount /')).toMatchObject({ stderr: 'umount: /: target is busy.\n', exitCode: 32 });
    expect(await w.exec('umount /etc')).toMatchObject({ stderr: 'umount: /etc: not mounted.\n', exitCode: 32 });
    expect(await w.exec('umount -q /etc')).toMatchObject({ stderr: '', exitCode: 32 });
    expect(await w.exec('umount /nope')).toMatchObject({ stderr: 'umount: /nope: no mount point specified.\n', exitCode: 32 });
    expect(await w.exec('umount')).toMatchObject({ stderr: "umount: bad usage\nTry 'umount --help' for more information.\n", exitCode: 1 });
    expect(await w.exec('sudo -u ubuntu umount /proc')).toMatchObject({ stderr: 'umount: /proc: must be superuser to unmount.\n', exitCode: 32 });
    expect(await w.exec('sudo -u ubuntu umount /etc')).toMatchObject({ stderr: 'umount: /etc: not mounted.\n', exitCode: 1 });
    expect(await w.exec('docker run --rm debian umount /etc/hosts 2>&1')).toMatchObject({
      stdout: 'umount: /etc/hosts: must be superuser to unmount.\n',
      exitCode: 32,
    });
    expect((await w.exec('umount --help')).stdout).toMatch(/^\nUsage:\n umount \[-hV\]\n umount -a \[options\]\n/);
  });

  it("busybox: can't unmount with strerror, the usage on stderr without an operand", async () => {
    const w = await world(['alpine']);
    expect((await w.exec('docker run --rm alpine umount /etc/hosts 2>&1')).stdout).toBe("umount: can't unmount /etc/hosts: Operation not permitted\n");
    expect((await w.exec('docker run --rm alpine umount /x 2>&1')).stdout).toBe("umount: can't unmount /x: No such file or directory\n");
    const u = await w.exec('docker run --rm alpine umount 2>&1');
    expect(u.exitCode).toBe(1);
    expect(u.stdout).toContain('\nUsage: umount [-rlfda] [-t FSTYPE] FILESYSTEM|DIRECTORY\n\nUnmount filesystems\n');
  });
});
