import type { Host } from '../host.ts';
import { MACHINE_ID } from '../kernel/machine.ts';
import { DEMO_FILES } from './demofiles.ts';
import { KUBE_FILES } from './kubefiles.ts';
import { DOCKER_UNIT_FILES } from './dockerunits.ts';
import { type KubeadmFiles, kubeadmFiles } from './kubeadm-files.ts';
import { SYSCTL_FILES } from './sysctl-files.ts';
import { DOCKER_ROOT_FILES, RUNTIME_SOCKETS } from './docker-root.ts';
import { CLOUD_FSTAB, CONTAINERD_CONFIG } from './node-etc.ts';
import { ETC_BASH_BASHRC, ETC_PROFILE, ROOT_BASHRC, ROOT_PROFILE, SKEL_BASH_LOGOUT, SKEL_BASHRC, SKEL_PROFILE } from './shellrc.ts';
import { CLOUD_SUDOERS, HOST_GROUP, HOST_GSHADOW, HOST_PASSWD, HOST_SHADOW } from './hostusers.ts';

const RESOLVED_HEAD = (file: string) =>
  `# This is /run/systemd/resolve/${file} managed by man:systemd-resolved(8).\n# Do not edit.\n#\n# This file might be symlinked as /etc/resolv.conf. If you're looking at\n# /etc/resolv.conf and seeing this text, you have followed the symlink.\n`;
const RESOLVED_TAIL =
  '#\n# Third party programs should typically not access this file directly, but only\n# through the symlink at /etc/resolv.conf. To manage man:resolv.conf(5) in a\n# different way, replace this symlink by a static file or a different symlink.\n#\n# See man:systemd-resolved.service(8) for details about the supported modes of\n# operation for /etc/resolv.conf.\n\n';

/** The host's root filesystem at boot (node1), but kubeadm's files, whose texts are made on first read (hostFileMeta). */
export function hostFiles(host: Host): Record<string, string> {
  const fx = host.fixture;
  return {
    '/etc/hostname': `${fx.hostname}\n`,
    '/etc/machine-id': `${MACHINE_ID}\n`,
    // The user database of an Ubuntu 24.04 cloud image with docker-ce and kubeadm (fs/hostusers.ts; modes: rootfs.ts hostModes).
    '/etc/passwd': HOST_PASSWD,
    '/etc/group': HOST_GROUP,
    '/etc/shadow': HOST_SHADOW,
    '/etc/gshadow': HOST_GSHADOW,
    [CLOUD_SUDOERS[0]]: CLOUD_SUDOERS[1],
    // The /etc/hosts Ubuntu Server's installer writes: the name on 127.0.1.1, then the IPv6 lines.
    '/etc/hosts': `127.0.0.1 localhost\n127.0.1.1 ${fx.hostname}\n\n# The following lines are desirable for IPv6 capable hosts\n::1     ip6-localhost ip6-loopback\nfe00::0 ip6-localnet\nff00::0 ip6-mcastprefix\nff02::1 ip6-allnodes\nff02::2 ip6-allrouters\n`,
    // Ubuntu 24.04.1's /usr/lib/os-release (base-files 13ubuntu10.1).
    '/etc/os-release': `PRETTY_NAME="${fx.os}"\nNAME="Ubuntu"\nVERSION_ID="24.04"\nVERSION="24.04.1 LTS (Noble Numbat)"\nVERSION_CODENAME=noble\nID=ubuntu\nID_LIKE=debian\nHOME_URL="https://www.ubuntu.com/"\nSUPPORT_URL="https://help.ubuntu.com/"\nBUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"\nPRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"\nUBUNTU_CODENAME=noble\nLOGO=ubuntu-logo\n`,
    // systemd-resolved's two files (systemd@v255:src/resolve/resolved-resolv-conf.c, write_stub_resolv_conf_contents and
    // write_uplink_resolv_conf_contents); /etc/resolv.conf links to the stub one (rootfs.ts). No search domains: "search .".
    // Docker reads the uplink servers from the second file for the containers (net/files.ts).
    '/run/systemd/resolve/stub-resolv.conf': `${RESOLVED_HEAD('stub-resolv.conf')}#\n# This is a dynamic resolv.conf file for connecting local clients to the\n# internal DNS stub resolver of systemd-resolved. This file lists all\n# configured search domains.\n#\n# Run "resolvectl status" to see details about the uplink DNS servers\n# currently in use.\n${RESOLVED_TAIL}nameserver 127.0.0.53\noptions edns0 trust-ad\nsearch .\n`,
    '/run/systemd/resolve/resolv.conf': `${RESOLVED_HEAD('resolv.conf')}#\n# This is a dynamic resolv.conf file for connecting local clients directly to\n# all known uplink DNS servers. This file lists all configured search domains.\n${RESOLVED_TAIL}nameserver ${fx.network.eth0.gateway}\nsearch .\n`,
    '/etc/fstab': CLOUD_FSTAB,
    '/etc/containerd/config.toml': CONTAINERD_CONFIG,
    // Shell start-up files (fs/shellrc.ts); cloud-init's useradd -m copied /etc/skel into /home/ubuntu.
    '/etc/profile': ETC_PROFILE,
    '/etc/bash.bashrc': ETC_BASH_BASHRC,
    '/etc/skel/.bashrc': SKEL_BASHRC,
    '/etc/skel/.profile': SKEL_PROFILE,
    '/etc/skel/.bash_logout': SKEL_BASH_LOGOUT,
    '/root/.bashrc': ROOT_BASHRC,
    '/root/.profile': ROOT_PROFILE,
    '/home/ubuntu/.bashrc': SKEL_BASHRC,
    '/home/ubuntu/.profile': SKEL_PROFILE,
    '/home/ubuntu/.bash_logout': SKEL_BASH_LOGOUT,
    '/tmp/.keep': '',
    ...Object.fromEntries(Object.entries(DOCKER_ROOT_FILES).map(([p, f]) => [p, f.content])),
    ...Object.fromEntries(Object.keys(RUNTIME_SOCKETS).map((p) => [p, ''])),
    ...SYSCTL_FILES,
    ...KUBE_FILES,
    ...DOCKER_UNIT_FILES,
    ...DEMO_FILES,
  };
}

/**
 * kubeadm's files (fs/kubeadm-files.ts: kubeconfigs, keys, certificates and manifests, with their modes and times), whose
 * texts are made on the first read of one, and the symbolic links beside them.
 */
export function hostFileMeta(host: Host): Pick<KubeadmFiles, 'meta' | 'links' | 'text'> {
  return kubeadmFiles(host);
}
