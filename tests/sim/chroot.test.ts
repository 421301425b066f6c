import { describe, expect, it } from 'vitest';
import { world } from './helpers.ts';

// coreutils@v9.4:src/chroot.c: "missing operand", "cannot change root directory to %s" (quoteaf, exit 125),
// "failed to run command %s" (exit 127); busybox@1_36_1:coreutils/chroot.c "can't change root directory to '%s'".
describe('chroot (coreutils 9.4, busybox 1.36.1) (#10)', { timeout: 120_000 }, () => {
  it('errors: missing operand, no such directory, not a directory, not root', async () => {
    const w = await world([]);
    expect(await w.exec('chroot')).toMatchObject({ stderr: "chroot: missing operand\nTry 'chroot --help' for more information.\n", exitCode: 125 });
    expect(await w.exec('chroot x')).toMatchObject({ stderr: "chroot: cannot change root directory to 'x': No such file or directory\n", exitCode: 125 });
    expect(await w.exec('chroot /etc/passwd')).toMatchObject({
      stderr: "chroot: cannot change root directory to '/etc/passwd': Not a directory\n",
      exitCode: 125,
    });
    expect(await w.exec('sudo -u ubuntu chroot /')).toMatchObject({
      stderr: "chroot: cannot change root directory to '/': Operation not permitted\n",
      exitCode: 125,
    });
    expect(await w.exec('chroot /tmp')).toMatchObject({ stderr: "chroot: failed to run command '/bin/bash': No such file or directory\n", exitCode: 127 });
    expect((await w.exec('chroot --help')).stdout).toMatch(/^Usage: chroot \[OPTION\] NEWROOT \[COMMAND \[ARG\]\.\.\.\]\n {2}or: {2}chroot OPTION\n/);
  });

  it("into a running alpine container's merged root: its busybox, the host's hostname; no bash there", async () => {
    const w = await world(['alpine']);
    await w.exec('docker run -d --name a1 alpine sleep 1000 >/dev/null');
    const m = "$(docker inspect -f '{{.GraphDriver.Data.MergedDir}}' a1)";
    expect((await w.exec(`chroot ${m} cat /etc/alpine-release`)).stdout).toBe('3.20.3\n');
    expect((await w.exec(`chroot ${m} /bin/sh -c hostname`)).stdout).toBe('node1\n');
    expect(await w.exec(`chroot ${m}`)).toMatchObject({ stderr: "chroot: failed to run command '/bin/bash': No such file or directory\n", exitCode: 127 });
    expect((await w.exec('docker exec a1 chroot /nope 2>&1')).stdout).toBe("chroot: can't change root directory to '/nope': No such file or directory\n");
  });
});
