import type { Host } from '../host.ts';
import { DEMO_FILES } from './demofiles.ts';
import { SYSCTL_FILES } from './sysctl-files.ts';

/** The host's root filesystem at boot (node1). */
export function hostFiles(host: Host): Record<string, string> {
  const fx = host.fixture;
  const passwd = fx.users.map((u) => `${u.name}:x:${u.uid}:${u.gid}:${u.name}:${u.home}:${u.shell}`).join('\n');
  return {
    '/etc/hostname': `${fx.hostname}\n`,
    '/etc/passwd': `${passwd}\n`,
    '/etc/group': fx.users.map((u) => `${u.name}:x:${u.gid}:`).join('\n') + '\n',
    // The /etc/hosts Ubuntu Server's installer writes: the name on 127.0.1.1, then the IPv6 lines.
    '/etc/hosts': `127.0.0.1 localhost\n127.0.1.1 ${fx.hostname}\n\n# The following lines are desirable for IPv6 capable hosts\n::1     ip6-localhost ip6-loopback\nfe00::0 ip6-localnet\nff00::0 ip6-mcastprefix\nff02::1 ip6-allnodes\nff02::2 ip6-allrouters\n`,
    // Ubuntu 24.04.1's /usr/lib/os-release (base-files 13ubuntu10.1).
    '/etc/os-release': `PRETTY_NAME="${fx.os}"\nNAME="Ubuntu"\nVERSION_ID="24.04"\nVERSION="24.04.1 LTS (Noble Numbat)"\nVERSION_CODENAME=noble\nID=ubuntu\nID_LIKE=debian\nHOME_URL="https://www.ubuntu.com/"\nSUPPORT_URL="https://help.ubuntu.com/"\nBUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"\nPRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"\nUBUNTU_CODENAME=noble\nLOGO=ubuntu-logo\n`,
    '/root/.bashrc': '# ~/.bashrc\n',
    '/home/ubuntu/.bashrc': '# ~/.bashrc\n',
    '/tmp/.keep': '',
    '/var/lib/docker/.keep': '',
    ...SYSCTL_FILES,
    ...DEMO_FILES,
  };
}
