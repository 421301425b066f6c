import type { Host } from '../host.ts';
import { DEMO_FILES } from './demofiles.ts';

/** The host's root filesystem at boot (node1). */
export function hostFiles(host: Host): Record<string, string> {
  const fx = host.fixture;
  const passwd = fx.users.map((u) => `${u.name}:x:${u.uid}:${u.gid}:${u.name}:${u.home}:${u.shell}`).join('\n');
  return {
    '/etc/hostname': `${fx.hostname}\n`,
    '/etc/passwd': `${passwd}\n`,
    '/etc/group': fx.users.map((u) => `${u.name}:x:${u.gid}:`).join('\n') + '\n',
    '/etc/os-release': `PRETTY_NAME="${fx.os}"\nNAME="Ubuntu"\nVERSION_ID="24.04"\nVERSION="24.04.1 LTS (Noble Numbat)"\nID=ubuntu\nID_LIKE=debian\n`,
    '/root/.bashrc': '# ~/.bashrc\n',
    '/home/ubuntu/.bashrc': '# ~/.bashrc\n',
    '/tmp/.keep': '',
    '/var/lib/docker/.keep': '',
    ...DEMO_FILES,
  };
}
