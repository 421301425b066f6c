/**
 * node1's user database: /etc/passwd, /etc/group, /etc/shadow and /etc/gshadow of an Ubuntu 24.04 server cloud
 * image with docker-ce and kubeadm installed.
 *
 * Each line says where it comes from. base-passwd's static entries are passwd.master and group.master (base-passwd
 * 3.6.3 in noble; its master files are not in a mirror here: these are the lines of 3.6.1, bookworm's, which
 * image/bases/rootfs-debian.ts already carries, and 3.6.2/3.6.3 changed no entry that we know of). The other
 * entries are created by the packages' maintainer scripts or by systemd-sysusers at install time; their ids are
 * dynamic (adduser/groupadd --system: the lowest free id from 100 up; systemd-sysusers: the highest free id from
 * 999 down), so they depend on the order the packages were installed. No upstream file records that order: the ids
 * below follow the fixture's (systemd-network 998, systemd-timesync 996, systemd-resolve 991, messagebus 101) and a
 * noble server's install order for the rest (no source at hand; said so beside each).
 */

/** [line, where it comes from]. */
type Entry = readonly [string, string];

const BASE = 'base-passwd passwd.master';
const GBASE = 'base-passwd group.master';
const DYN = 'id: dynamic, install order (no source)';

const PASSWD: readonly Entry[] = [
  ['root:x:0:0:root:/root:/bin/bash', BASE],
  ['daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin', BASE],
  ['bin:x:2:2:bin:/bin:/usr/sbin/nologin', BASE],
  ['sys:x:3:3:sys:/dev:/usr/sbin/nologin', BASE],
  ['sync:x:4:65534:sync:/bin:/bin/sync', BASE],
  ['games:x:5:60:games:/usr/games:/usr/sbin/nologin', BASE],
  ['man:x:6:12:man:/var/cache/man:/usr/sbin/nologin', BASE],
  ['lp:x:7:7:lp:/var/spool/lpd:/usr/sbin/nologin', BASE],
  ['mail:x:8:8:mail:/var/mail:/usr/sbin/nologin', BASE],
  ['news:x:9:9:news:/var/spool/news:/usr/sbin/nologin', BASE],
  ['uucp:x:10:10:uucp:/var/spool/uucp:/usr/sbin/nologin', BASE],
  ['proxy:x:13:13:proxy:/bin:/usr/sbin/nologin', BASE],
  ['www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin', BASE],
  ['backup:x:34:34:backup:/var/backups:/usr/sbin/nologin', BASE],
  ['list:x:38:38:Mailing List Manager:/var/list:/usr/sbin/nologin', BASE],
  ['irc:x:39:39:ircd:/run/ircd:/usr/sbin/nologin', BASE],
  ['_apt:x:42:65534::/nonexistent:/usr/sbin/nologin', BASE],
  ['nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin', BASE],
  // systemd@v255:sysusers.d/systemd-network.conf.in "u systemd-network - "systemd Network Management""; sysusers
  // writes home "/" and shell nologin (src/sysusers/sysusers.c default_root_shell/default home).
  ['systemd-network:x:998:998:systemd Network Management:/:/usr/sbin/nologin', 'systemd 255 sysusers.d/systemd-network.conf'],
  ['systemd-timesync:x:996:996:systemd Time Synchronization:/:/usr/sbin/nologin', 'systemd-timesyncd 255 sysusers.d/systemd-timesync.conf'],
  ['dhcpcd:x:100:65534:DHCP Client Daemon,,,:/usr/lib/dhcpcd:/bin/false', `dhcpcd-base postinst (adduser --system); ${DYN}`],
  ['messagebus:x:101:101::/nonexistent:/usr/sbin/nologin', `dbus-system-bus-common postinst (adduser --system --group); ${DYN}`],
  ['syslog:x:102:102::/nonexistent:/usr/sbin/nologin', `rsyslog postinst (adduser --system --group, then adm); ${DYN}`],
  ['systemd-resolve:x:991:991:systemd Resolver:/:/usr/sbin/nologin', 'systemd-resolved 255 sysusers.d/systemd-resolve.conf'],
  ['uuidd:x:103:103::/run/uuidd:/usr/sbin/nologin', `uuid-runtime postinst; ${DYN}`],
  ['tss:x:104:104:TPM software stack,,,:/var/lib/tpm:/bin/false', `tpm-udev postinst; ${DYN}`],
  ['sshd:x:105:65534::/run/sshd:/usr/sbin/nologin', `openssh-server postinst; ${DYN}`],
  ['pollinate:x:106:1::/var/cache/pollinate:/bin/false', `pollinate postinst (group daemon); ${DYN}`],
  ['tcpdump:x:107:108::/nonexistent:/usr/sbin/nologin', `tcpdump postinst; ${DYN}`],
  ['landscape:x:108:109::/var/lib/landscape:/usr/sbin/nologin', `landscape-common postinst; ${DYN}`],
  ['fwupd-refresh:x:990:990:Firmware update daemon:/var/lib/fwupd:/usr/sbin/nologin', 'fwupd sysusers.d/fwupd.conf'],
  ['polkitd:x:989:989:User for polkitd:/:/usr/sbin/nologin', 'polkitd sysusers.d/polkitd.conf'],
  ['usbmux:x:109:46:usbmux daemon,,,:/var/lib/usbmux:/usr/sbin/nologin', `usbmuxd postinst (group plugdev); ${DYN}`],
  // cloud-init's default user (cloud.cfg system_info.default_user: name ubuntu, gecos Ubuntu, shell /bin/bash),
  // useradd's first uid (login.defs UID_MIN 1000).
  ['ubuntu:x:1000:1000:Ubuntu:/home/ubuntu:/bin/bash', 'cloud-init default_user'],
];

const GROUP: readonly Entry[] = [
  ...[
    'root:x:0:',
    'daemon:x:1:',
    'bin:x:2:',
    'sys:x:3:',
    'adm:x:4:syslog,ubuntu',
    'tty:x:5:',
    'disk:x:6:',
    'lp:x:7:',
    'mail:x:8:',
    'news:x:9:',
    'uucp:x:10:',
    'man:x:12:',
    'proxy:x:13:',
    'kmem:x:15:',
    'dialout:x:20:',
    'fax:x:21:',
    'voice:x:22:',
    'cdrom:x:24:ubuntu',
    'floppy:x:25:',
    'tape:x:26:',
    'sudo:x:27:ubuntu',
    'audio:x:29:',
    'dip:x:30:ubuntu',
    'www-data:x:33:',
    'backup:x:34:',
    'operator:x:37:',
    'list:x:38:',
    'irc:x:39:',
    'src:x:40:',
    'shadow:x:42:',
    'utmp:x:43:',
    'video:x:44:',
    'sasl:x:45:',
    'plugdev:x:46:',
    'staff:x:50:',
    'games:x:60:',
    'users:x:100:',
    'nogroup:x:65534:',
  ].map((l): Entry => [l, `${GBASE} (members: rsyslog's adduser syslog adm; cloud-init default_user groups adm, cdrom, sudo, dip, lxd)`]),
  ['systemd-journal:x:999:', 'systemd 255 sysusers.d/systemd-journal.conf'],
  ['systemd-network:x:998:', 'systemd 255 sysusers.d/systemd-network.conf'],
  ['crontab:x:997:', 'cron 3.0pl1 postinst (groupadd --system crontab)'],
  ['systemd-timesync:x:996:', 'systemd-timesyncd 255 sysusers.d/systemd-timesync.conf'],
  // systemd@v255:sysusers.d/basic.conf.in: the groups base-passwd lacks.
  ['input:x:995:', 'systemd 255 sysusers.d/basic.conf'],
  ['sgx:x:994:', 'systemd 255 sysusers.d/basic.conf'],
  ['kvm:x:993:', 'systemd 255 sysusers.d/basic.conf'],
  ['render:x:992:', 'systemd 255 sysusers.d/basic.conf'],
  ['messagebus:x:101:', `dbus-system-bus-common postinst; ${DYN}`],
  ['syslog:x:102:', `rsyslog postinst; ${DYN}`],
  ['systemd-resolve:x:991:', 'systemd-resolved 255 sysusers.d/systemd-resolve.conf'],
  ['uuidd:x:103:', `uuid-runtime postinst; ${DYN}`],
  ['tss:x:104:', `tpm-udev postinst; ${DYN}`],
  ['_ssh:x:105:', `openssh-client postinst (groupadd --system _ssh); ${DYN}`],
  ['lxd:x:106:ubuntu', `lxd-installer postinst (addgroup --system lxd; the package's script not at hand); ${DYN}`],
  ['rdma:x:107:', `rdma-core's group (in the server seed as far as we know: not verified); ${DYN}`],
  ['tcpdump:x:108:', `tcpdump postinst; ${DYN}`],
  ['landscape:x:109:', `landscape-common postinst; ${DYN}`],
  ['fwupd-refresh:x:990:', 'fwupd sysusers.d/fwupd.conf'],
  ['polkitd:x:989:', 'polkitd sysusers.d/polkitd.conf'],
  // docker-ce's postinst: `groupadd --system docker` when no docker group exists (docker/docker-ce-packaging
  // deb/common/docker-ce.postinst, configure):
  // the highest free system gid below SYS_GID_MAX 999.
  ['docker:x:988:', 'docker-ce postinst (groupadd --system docker)'],
  ['ubuntu:x:1000:', 'cloud-init default_user (useradd: USERGROUPS_ENAB)'],
];

/** node1's /etc/passwd. */
export const HOST_PASSWD = `${PASSWD.map(([l]) => l).join('\n')}\n`;
/** node1's /etc/group. */
export const HOST_GROUP = `${GROUP.map(([l]) => l).join('\n')}\n`;

/** systemd-sysusers' entries: locked and invalid, no aging (systemd@v255:src/sysusers/sysusers.c write_temporary_shadow: PASSWORD_LOCKED_AND_INVALID "!*", sp_min/max/warn -1). */
const bySysusers = (from: string) => from.includes('sysusers');
/** The day the fixture's node1 booted first (2024-09-16, days since the epoch): the shadow files' last-change day (no source). */
const LASTCHG = 19982;

/**
 * /etc/shadow: base-passwd's and adduser's accounts `*` with shadow's defaults (login.defs PASS_MAX_DAYS 99999,
 * PASS_WARN_AGE 7, min 0), sysusers' `!*` without aging, and cloud-init's ubuntu locked (`!`: lock_passwd; it logs in
 * with an SSH key). No image's shadow file was at hand: the fields follow those tools, not a copy.
 */
export const HOST_SHADOW = `${PASSWD.map(([l, from]) => {
  const name = l.split(':')[0];
  if (bySysusers(from)) return `${name}:!*:${LASTCHG}::::::`;
  return `${name}:${name === 'ubuntu' ? '!' : '*'}:${LASTCHG}:0:99999:7:::`;
}).join('\n')}\n`;

/** /etc/gshadow: base-passwd's groups `*`, groupadd's `!`, sysusers' `!*`; no administrators; the members again. */
export const HOST_GSHADOW = `${GROUP.map(([l, from]) => {
  const [name, , , members] = l.split(':');
  return `${name}:${from.startsWith(GBASE) ? '*' : bySysusers(from) ? '!*' : '!'}::${members}`;
}).join('\n')}\n`;

/**
 * cloud-init's sudo rule for its default user (cloud.cfg default_user sudo: ["ALL=(ALL) NOPASSWD:ALL"]), written on the
 * first boot by canonical/cloud-init@24.2:cloudinit/distros/__init__.py write_sudo_rules: util.make_header ("# Created by
 * cloud-init v. VERSION on %a, %d %b %Y %H:%M:%S %z", the packaged version of noble-updates in September 2024), a blank
 * line, "# User rules for ubuntu" and the rule; mode 0440.
 */
export const CLOUD_SUDOERS: readonly [string, string] = [
  '/etc/sudoers.d/90-cloud-init-users',
  '# Created by cloud-init v. 24.2-0ubuntu1~24.04.2 on Mon, 16 Sep 2024 08:12:39 +0000\n\n# User rules for ubuntu\nubuntu ALL=(ALL) NOPASSWD:ALL\n',
];

/** The modes and owners of the four files (root:shadow 0640 for the shadow ones: passwd and shadow packages' postinst), and cloud-init's sudoers file. */
export const USER_DB_MODES: Record<string, readonly [number, number, number]> = {
  '/etc/passwd': [0o644, 0, 0],
  '/etc/group': [0o644, 0, 0],
  '/etc/shadow': [0o640, 0, 42],
  '/etc/gshadow': [0o640, 0, 42],
  [CLOUD_SUDOERS[0]]: [0o440, 0, 0],
};

/** One /etc/passwd row of node1, as the fixture's text has it (for callers that cannot read the filesystem). */
export interface HostUser {
  name: string;
  uid: number;
  gid: number;
  home: string;
  shell: string;
}

/** node1's accounts at boot, parsed from HOST_PASSWD. */
export const HOST_USERS: readonly HostUser[] = PASSWD.map(([l]) => {
  const [name = '', , uid, gid, , home = '', shell = ''] = l.split(':');
  return { name, uid: Number(uid), gid: Number(gid), home, shell };
});
