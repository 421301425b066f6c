import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { sh } from './helpers.ts';

// systemd@v255:src/hostname/hostnamectl.c print_status_info (table_new_vertical), get_one_name, set_hostname.
describe('hostnamectl (systemd 255, #10)', { timeout: 60_000 }, () => {
  it('status from /etc/hostname, /etc/machine-id, boot_id, uname and os-release', async () => {
    const w = createWorld();
    const out = (await sh(w, 'hostnamectl')).stdout;
    const ids = (await sh(w, 'cat /etc/machine-id; tr -d - < /proc/sys/kernel/random/boot_id')).stdout.split('\n');
    expect(out).toBe(
      ` Static hostname: node1\n       Icon name: computer-vm\n         Chassis: vm 🖴\n      Machine ID: ${ids[0]}\n         Boot ID: ${ids[1]}\n  Virtualization: kvm\nOperating System: Ubuntu 24.04.1 LTS\n          Kernel: Linux 6.8.0-45-generic\n    Architecture: x86-64\n Hardware Vendor: QEMU\n  Hardware Model: Standard PC _i440FX + PIIX, 1996_\nFirmware Version: 1.16.3-debian-1.16.3-2\n   Firmware Date: Tue 2014-04-01\n    Firmware Age: 10y 5month 2w 2d\n`,
    );
  });

  it('hostname, --static, set-hostname as root and as another user', async () => {
    const w = createWorld();
    expect((await sh(w, 'hostnamectl hostname; hostnamectl --static')).stdout).toBe('node1\nnode1\n');
    expect(await sh(w, 'su ubuntu -c "hostnamectl set-hostname web1"')).toMatchObject({
      stderr: 'Could not set pretty hostname: Interactive authentication required.\n',
      exitCode: 1,
    });
    expect((await sh(w, 'hostnamectl hostname web1; hostname; cat /etc/hostname')).stdout).toBe('web1\nweb1\n');
    expect((await sh(w, 'hostnamectl | head -1')).stdout).toBe(' Static hostname: web1\n');
    expect(await sh(w, 'hostnamectl frob')).toMatchObject({ stderr: "Unknown command verb 'frob'.\n", exitCode: 1 });
  });
});
