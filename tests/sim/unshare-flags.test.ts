import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';

describe('unshare parses options as util-linux getopt does', () => {
  it('groups short options: -un is -u -n', async () => {
    const w = createWorld();
    await w.exec('sudo unshare -un bash');
    await w.exec('hostname lab');
    expect(w.prompt()).toBe('root@lab:~# ');
    expect((await w.exec('ip link')).stdout).toBe(
      '1: lo: <LOOPBACK> mtu 65536 qdisc noop state DOWN mode DEFAULT group default qlen 1000\n    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n',
    );
  });

  it('names an unknown letter and an unknown long option in the real wording', async () => {
    const w = createWorld();
    expect(await w.exec('unshare -ux true')).toEqual({
      stdout: '',
      stderr: "unshare: invalid option -- 'x'\nTry 'unshare --help' for more information.\n",
      exitCode: 1,
    });
    expect(await w.exec('unshare -x true')).toEqual({
      stdout: '',
      stderr: "unshare: invalid option -- 'x'\nTry 'unshare --help' for more information.\n",
      exitCode: 1,
    });
    expect((await w.exec('unshare --bogus true')).stderr).toBe("unshare: unrecognized option '--bogus'\nTry 'unshare --help' for more information.\n");
  });
});

describe('nsenter takes util-linux long options too', () => {
  it('--target, --target=, -tPID, --uts and --net', async () => {
    const w = createWorld();
    await w.exec('docker run -d --name web nginx 2>/dev/null');
    expect((await w.exec('sudo nsenter --target 23817 --uts hostname')).stdout).toBe('2cecb6b0fd74\n');
    expect((await w.exec('sudo nsenter -t23817 -u hostname')).stdout).toBe('2cecb6b0fd74\n');
    expect((await w.exec('sudo nsenter --target=23817 --net ip -4 addr show eth0 | grep -c 172.17.0.2/16')).stdout).toBe('1\n');
  });
});
