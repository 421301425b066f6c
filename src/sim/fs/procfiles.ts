/**
 * /proc files of node1's kernel beyond the per-process ones in procfs.ts: the boot command line, the registered
 * filesystems, and a process's limits and mountinfo.
 */
import type { Proc } from '../kernel/types.ts';
import { type RlimitName, rlimitOf } from '../shell/rlimits.ts';
import type { MountEntry } from '../shell/mounttable.ts';

/**
 * /proc/cmdline: what GRUB passed to Ubuntu's 6.8.0-45-generic kernel on a cloud image: BOOT_IMAGE (the kernel's path on
 * the /boot partition), the root filesystem by its UUID (sda1's, as lsblk -f shows it: commands/lsblk.ts) and the
 * cloud image's serial and tty consoles (livecd-rootfs's /etc/default/grub.d/50-cloudimg-settings.cfg
 * GRUB_CMDLINE_LINUX_DEFAULT="console=tty1 console=ttyS0"). No upstream file holds this line: it is node1's.
 */
export const procCmdline = (release: string) => `BOOT_IMAGE=/vmlinuz-${release} root=UUID=8d3c2a5d-9b1e-4f6a-a2c1-5e0f7b3d9c41 ro console=tty1 console=ttyS0\n`;

/**
 * /proc/filesystems (linux@v6.8:fs/filesystems.c filesystems_proc_show: "nodev" or nothing, a tab, the name), in the
 * order Ubuntu's generic kernel registers them at boot, the built-in ones first, then those of the modules node1 has
 * loaded (overlay for Docker and containerd). No upstream listing was read for the order: it is an Ubuntu 24.04 VM's.
 */
export const PROC_FILESYSTEMS = [
  ['nodev', 'sysfs'],
  ['nodev', 'tmpfs'],
  ['nodev', 'bdev'],
  ['nodev', 'proc'],
  ['nodev', 'cgroup'],
  ['nodev', 'cgroup2'],
  ['nodev', 'cpuset'],
  ['nodev', 'devtmpfs'],
  ['nodev', 'configfs'],
  ['nodev', 'debugfs'],
  ['nodev', 'tracefs'],
  ['nodev', 'securityfs'],
  ['nodev', 'sockfs'],
  ['nodev', 'bpf'],
  ['nodev', 'pipefs'],
  ['nodev', 'ramfs'],
  ['nodev', 'hugetlbfs'],
  ['nodev', 'devpts'],
  ['', 'ext3'],
  ['', 'ext2'],
  ['', 'ext4'],
  ['', 'squashfs'],
  ['', 'vfat'],
  ['nodev', 'ecryptfs'],
  ['', 'fuseblk'],
  ['nodev', 'fuse'],
  ['nodev', 'fusectl'],
  ['nodev', 'efivarfs'],
  ['nodev', 'mqueue'],
  ['nodev', 'pstore'],
  ['nodev', 'autofs'],
  ['nodev', 'binfmt_misc'],
  ['nodev', 'overlay'],
]
  .map(([dev, name]) => `${dev}\t${name}\n`)
  .join('');

/** linux@v6.8:fs/proc/base.c lnames: each limit's name and unit, in RLIMIT order. */
const LNAMES: readonly [RlimitName, string, string][] = [
  ['cpu', 'Max cpu time', 'seconds'],
  ['fsize', 'Max file size', 'bytes'],
  ['data', 'Max data size', 'bytes'],
  ['stack', 'Max stack size', 'bytes'],
  ['core', 'Max core file size', 'bytes'],
  ['rss', 'Max resident set', 'bytes'],
  ['nproc', 'Max processes', 'processes'],
  ['nofile', 'Max open files', 'files'],
  ['memlock', 'Max locked memory', 'bytes'],
  ['as', 'Max address space', 'bytes'],
  ['locks', 'Max file locks', 'locks'],
  ['sigpending', 'Max pending signals', 'signals'],
  ['msgqueue', 'Max msgqueue size', 'bytes'],
  ['nice', 'Max nice priority', ''],
  ['rtprio', 'Max realtime priority', ''],
  ['rttime', 'Max realtime timeout', 'us'],
];

/**
 * /proc/PID/limits (linux@v6.8:fs/proc/base.c proc_pid_limits): a "%-25s %-20s %-20s %-10s" header, then per limit
 * "%-25s %-20s " (soft, "unlimited" for RLIM_INFINITY), "%-20s " (hard) and "%-10s" (unit, when it has one).
 */
export function procLimits(p: Proc): string {
  const pad = (s: string, n: number) => s.padEnd(n);
  const v = (x: number) => (x === Infinity ? 'unlimited' : String(x));
  let out = `${pad('Limit', 25)} ${pad('Soft Limit', 20)} ${pad('Hard Limit', 20)} ${pad('Units', 10)}\n`;
  for (const [key, name, unit] of LNAMES) {
    const [soft, hard] = rlimitOf(p, key);
    out += `${pad(name, 25)} ${pad(v(soft), 20)} ${pad(v(hard), 20)} ${unit ? pad(unit, 10) : ''}\n`;
  }
  return out;
}

/**
 * /proc/PID/mountinfo (linux@v6.8:fs/proc_namespace.c show_mountinfo): "ID PARENT MAJ:MIN ROOT TARGET MNT_OPTS
 * OPTIONAL - FSTYPE SOURCE SUPER_OPTS". The per-mount options (rw/ro, nosuid, nodev, noexec, relatime) come first, the
 * rest are the superblock's; shared:N tags the host's mounts (systemd makes / shared), a container's are private
 * (runc's rootfsPropagation rprivate). Mount ids count up from the root's; device numbers are those of each filesystem
 * (sda1 8:1, overlay and pseudo filesystems anonymous 0:N). The ids are node1's own, not read from a machine.
 */
export function procMountinfo(table: readonly MountEntry[], inContainer: boolean): string {
  const perMount = new Set(['rw', 'ro', 'nosuid', 'nodev', 'noexec', 'relatime', 'noatime', 'nodiratime', 'strictatime']);
  const base = inContainer ? 1200 : 22;
  const rootId = inContainer ? base : 1;
  let anon = inContainer ? 300 : 20;
  const devs = new Map<string, string>();
  const dev = (m: MountEntry) => {
    if (m.src.startsWith('/dev/sda')) return `8:${m.src.slice(8) || '0'}`;
    const key = `${m.type}:${m.src}:${m.target}`;
    if (!devs.has(key)) devs.set(key, `0:${anon++}`);
    return devs.get(key) as string;
  };
  const ids = table.map((_, i) => base + i);
  return table
    .map((m, i) => {
      const opts = m.opts.split(',');
      const mnt = opts.filter((o) => perMount.has(o));
      const sb = [mnt.includes('ro') ? 'ro' : 'rw', ...opts.filter((o) => !perMount.has(o))];
      let parent = rootId;
      let best = -1;
      for (let j = 0; j < i; j++) {
        const t = (table[j] as MountEntry).target;
        const under = t === '/' || m.target.startsWith(`${t}/`);
        if (under && t.length > best) {
          best = t.length;
          parent = ids[j] as number;
        }
      }
      if (i === 0) parent = inContainer ? base - 1 : rootId;
      const shared = inContainer ? '' : ` shared:${i + 1}`;
      return `${ids[i]} ${parent} ${dev(m)} ${m.root ?? '/'} ${m.target} ${mnt.join(',')}${shared} - ${m.type} ${m.src} ${sb.join(',')}\n`;
    })
    .join('');
}
