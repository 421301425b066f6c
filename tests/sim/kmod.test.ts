import { describe, expect, it } from 'vitest';
import { world } from './helpers.ts';

// kmod@v31:tools/lsmod.c ("%-19s %8ld  %d" and the holders), tools/modprobe.c with tools/log.c
// ("modprobe: FATAL: Module %s not found in directory %s", "Module %s is in use.", ERR "could not insert '%s': %s");
// busybox@1_36_1:modutils/lsmod.c (PRETTY_2_6_OUTPUT, check_tainted) and modprobe.c (xchdir("/lib/modules")).
describe('lsmod and modprobe (kmod 31, busybox 1.36.1) (#10)', { timeout: 120_000 }, () => {
  it('lsmod: the header, the holders, overlay referenced by each mounted overlay', async () => {
    const w = await world(['nginx']);
    const before = (await w.exec('lsmod')).stdout.split('\n');
    expect(before[0]).toBe('Module                  Size  Used by');
    expect(before).toContain('overlay               212992  0');
    expect(before).toContain('bridge                421888  1 br_netfilter');
    expect(before).toContain('llc                    16384  2 bridge,stp');
    await w.exec('docker run -d nginx >/dev/null');
    expect((await w.exec('lsmod | grep ^overlay')).stdout).toBe('overlay               212992  1\n');
    expect(await w.exec('lsmod -a')).toMatchObject({ stderr: 'Usage: lsmod\n', exitCode: 1 });
    expect((await w.exec('which lsmod modprobe')).stdout).toBe('/usr/sbin/lsmod\n/usr/sbin/modprobe\n');
    // /proc/modules (kernel/module/procfs.c m_show): holders with a trailing comma; addresses only with CAP_SYSLOG.
    expect((await w.exec('grep ^bridge /proc/modules')).stdout).toMatch(/^bridge 421888 1 br_netfilter, Live 0xffffffffc[0-9a-f]{7}\n$/);
    expect((await w.exec('sudo -u ubuntu grep ^overlay /proc/modules')).stdout).toBe('overlay 212992 1 - Live 0x0000000000000000\n');
  });

  it('modprobe: quiet when loaded, loads with dependencies, refuses a module in use, not found in the release directory', async () => {
    const w = await world(['nginx']);
    expect(await w.exec('modprobe overlay')).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    expect(await w.exec('modprobe nosuch')).toMatchObject({
      stderr: 'modprobe: FATAL: Module nosuch not found in directory /lib/modules/6.8.0-45-generic\n',
      exitCode: 1,
    });
    expect(await w.exec('modprobe')).toMatchObject({ stderr: 'modprobe: ERROR: missing parameters. See -h.\n', exitCode: 1 });
    expect(await w.exec('sudo -u ubuntu modprobe vxlan')).toMatchObject({
      stderr: "modprobe: ERROR: could not insert 'vxlan': Operation not permitted\n",
      exitCode: 1,
    });
    await w.exec('modprobe ip_vs_rr');
    expect((await w.exec('lsmod | head -3')).stdout).toBe(
      'Module                  Size  Used by\nip_vs_rr               12288  0\nip_vs                 221184  1 ip_vs_rr\n',
    );
    await w.exec('docker run -d nginx >/dev/null');
    expect(await w.exec('modprobe -r overlay')).toMatchObject({ stderr: 'modprobe: FATAL: Module overlay is in use.\n', exitCode: 1 });
    expect((await w.exec('modprobe -V')).stdout).toBe('kmod version 31\n+ZSTD +XZ -ZLIB +LIBCRYPTO -EXPERIMENTAL\n');
  });

  it('busybox in alpine: the same kernel modules, and no /lib/modules for modprobe', async () => {
    const w = await world(['alpine']);
    const out = (await w.exec('docker run --rm alpine lsmod')).stdout.split('\n');
    expect(out[0]).toBe('Module                  Size  Used by    Not tainted');
    expect(out).toContain('bridge                421888  1 br_netfilter');
    expect(out).toContain('overlay               212992  1 ');
    expect((await w.exec('docker run --rm alpine modprobe overlay 2>&1')).stdout).toBe(
      "modprobe: can't change directory to '/lib/modules': No such file or directory\n",
    );
  });
});
