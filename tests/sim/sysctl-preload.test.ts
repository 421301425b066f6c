import { describe, expect, it } from 'vitest';
import { sh, world } from './helpers.ts';

// procps-ng@v4.0.4:src/sysctl.c: PreloadSystem prints "* Applying %s ...\n" for each *.conf
// (sorted by name across /etc/sysctl.d, /run/sysctl.d, /usr/local/lib/sysctl.d, /usr/lib/sysctl.d,
// /lib/sysctl.d) and /etc/sysctl.conf, then write_setting_list prints "%s = %s\n" per setting.
describe('sysctl -p and --system (procps-ng 4.0.4 on Ubuntu 24.04)', () => {
  it('applies the files Ubuntu ships, in name order, then prints each setting', async () => {
    const w = await world([]);
    const r = await sh(w, 'sysctl --system');
    expect(r.exitCode).toBe(0);
    expect(r.out).toBe(
      [
        '* Applying /etc/sysctl.d/10-console-messages.conf ...',
        '* Applying /etc/sysctl.d/10-ipv6-privacy.conf ...',
        '* Applying /etc/sysctl.d/10-kernel-hardening.conf ...',
        '* Applying /etc/sysctl.d/10-magic-sysrq.conf ...',
        '* Applying /etc/sysctl.d/10-map-count.conf ...',
        '* Applying /etc/sysctl.d/10-network-security.conf ...',
        '* Applying /etc/sysctl.d/10-ptrace.conf ...',
        '* Applying /etc/sysctl.d/10-zeropage.conf ...',
        '* Applying /usr/lib/sysctl.d/50-pid-max.conf ...',
        '* Applying /etc/sysctl.d/99-sysctl.conf ...',
        '* Applying /etc/sysctl.conf ...',
        'kernel.printk = 4 4 1 7',
        'net.ipv6.conf.all.use_tempaddr = 2',
        'net.ipv6.conf.default.use_tempaddr = 2',
        'kernel.kptr_restrict = 1',
        'kernel.sysrq = 176',
        'vm.max_map_count = 1048576',
        'net.ipv4.conf.default.rp_filter = 2',
        'net.ipv4.conf.all.rp_filter = 2',
        'kernel.yama.ptrace_scope = 1',
        'vm.mmap_min_addr = 65536',
        'kernel.pid_max = 4194304',
        '',
      ].join('\n'),
    );
    // -q drops the Applying lines and the settings (Quiet).
    expect((await sh(w, 'sysctl -q --system')).out).toBe('');
  });

  it('reads /etc/sysctl.conf by default and a named file, with procps errors', async () => {
    const w = await world([]);
    expect(await sh(w, 'sysctl -p')).toMatchObject({ out: '', exitCode: 0 });
    await sh(w, "printf 'vm.swappiness = 10\\n# c\\nfoo.bar = 1\\ngarbage\\n-kernel.nope = 2\\n' > /tmp/my.conf");
    const r = await sh(w, 'sysctl -p /tmp/my.conf');
    // xwarnx("%s(%d): invalid syntax, continuing..."), xwarn("cannot stat %s").
    expect(r.stderr).toBe(
      'sysctl: /tmp/my.conf(4): invalid syntax, continuing...\nsysctl: cannot stat /proc/sys/foo/bar: No such file or directory\nsysctl: cannot stat /proc/sys/kernel/nope: No such file or directory\n',
    );
    expect(r.stdout).toBe('vm.swappiness = 10\n');
    expect(r.exitCode).toBe(1);
    expect((await sh(w, 'sysctl -n vm.swappiness')).out).toBe('10\n');
    // Preload: xwarn(_("cannot open \"%s\""), …), EXIT_FAILURE.
    expect(await sh(w, 'sysctl -p /nope.conf')).toMatchObject({ stderr: 'sysctl: cannot open "/nope.conf": No such file or directory\n', exitCode: 1 });
  });
});
