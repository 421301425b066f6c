import { describe, expect, it } from 'vitest';
import { world } from './helpers.ts';

// util-linux@v2.39.3:text-utils/more.c: copy_file when stdout is no terminal, the banner of print_separator(':', 14)
// for several files, warn "cannot open %s", "*** %s: directory ***", "bad usage"; busybox@1_36_1:util-linux/more.c bb_cat.
describe('more (util-linux 2.39.3, busybox 1.36.1) (#10)', { timeout: 120_000 }, () => {
  it('as a filter: copies the files, a banner before each of several, warnings on stderr, exit 0', async () => {
    const w = await world(['alpine']);
    expect((await w.exec('more /etc/hostname | cat')).stdout).toBe('node1\n');
    const r = await w.exec('more /nope /etc/hostname /etc/hostname | cat; echo ${PIPESTATUS[0]}');
    expect(r.stdout).toBe('::::::::::::::\n/etc/hostname\n::::::::::::::\nnode1\n::::::::::::::\n/etc/hostname\n::::::::::::::\nnode1\n0\n');
    expect(r.stderr).toBe('more: cannot open /nope: No such file or directory\n');
    expect((await w.exec('more /etc | cat')).stdout).toBe('\n*** /etc: directory ***\n\n');
    expect((await w.exec('echo hi | more')).stdout).toBe('hi\n');
    expect(await w.exec('more')).toMatchObject({ stderr: "more: bad usage\nTry 'more --help' for more information.\n", exitCode: 1 });
    expect(await w.exec('docker run --rm alpine more /etc/alpine-release /x 2>&1')).toMatchObject({
      stdout: "3.20.3\nmore: can't open '/x': No such file or directory\n",
      exitCode: 1,
    });
  });
});
