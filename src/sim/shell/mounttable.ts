/**
 * The mount table a process sees: what `mount` prints (util-linux 2.39.3 and busybox both
 * read it and print "SRC on TARGET type FSTYPE (OPTIONS)") and what /proc/mounts holds, in
 * the kernel's format "SRC TARGET FSTYPE OPTIONS 0 0" (linux v6.8 fs/proc_namespace.c
 * show_vfsmnt). One table, so the two always agree.
 */
import type { Container } from '../docker/container.ts';
import type { Daemon } from '../docker/daemon.ts';

export interface MountEntry {
  src: string;
  target: string;
  type: string;
  opts: string;
  /** The directory of the source filesystem mounted here when it is not the filesystem's root (a bind mount): mountinfo's root field, findmnt's [/dir]. */
  root?: string;
}

const entry = (line: string): MountEntry => {
  const m = /^(\S+) on (\S+) type (\S+) \((.*)\)$/.exec(line);
  return m ? { src: m[1] as string, target: m[2] as string, type: m[3] as string, opts: m[4] as string } : { src: 'none', target: '/', type: 'none', opts: '' };
};

/** The mounts of the host (no container) or of a container's mount namespace. */
export function mountTable(daemon: Daemon, c: Container | undefined): MountEntry[] {
  if (!c) {
    // On the host each running container's root is an overlay mounted at its MergedDir,
    // with the same short-link lowerdirs the container itself sees for `/`.
    const overlays = [...daemon.containers.values()]
      .filter((x) => x.status === 'running')
      .flatMap((x) => {
        const r = daemon.lib?.rootfs.get(x.id);
        return r ? [r.mountLine.replace('overlay on / type overlay', `overlay on ${r.graphDriver.MergedDir} type overlay`)] : [];
      });
    return [
      '/dev/sda1 on / type ext4 (rw,relatime,discard,errors=remount-ro)',
      'proc on /proc type proc (rw,nosuid,nodev,noexec,relatime)',
      'sysfs on /sys type sysfs (rw,nosuid,nodev,noexec,relatime)',
      'cgroup2 on /sys/fs/cgroup type cgroup2 (rw,nosuid,nodev,noexec,relatime,nsdelegate,memory_recursiveprot)',
      'tmpfs on /run type tmpfs (rw,nosuid,nodev,noexec,relatime,size=1637792k,mode=755,inode64)',
      ...overlays,
    ].map(entry);
  }
  const rw = c.hostConfig.ReadonlyRootfs ? 'ro' : 'rw';
  const id = c.id.slice(0, 26).toUpperCase();
  const binds = (daemon.lib?.mounts.get(c.id) ?? []).filter((m) => m.type !== 'tmpfs');
  const table = [
    daemon.lib?.rootfs.get(c.id)?.mountLine ??
      `overlay on / type overlay (${rw},relatime,lowerdir=/var/lib/docker/overlay2/l/${id}:/var/lib/docker/overlay2/l/BASE,upperdir=/var/lib/docker/overlay2/${c.id}/diff,workdir=/var/lib/docker/overlay2/${c.id}/work,nouserxattr)`,
    'proc on /proc type proc (rw,nosuid,nodev,noexec,relatime)',
    'tmpfs on /dev type tmpfs (rw,nosuid,size=65536k,mode=755,inode64)',
    'devpts on /dev/pts type devpts (rw,nosuid,noexec,relatime,gid=5,mode=620,ptmxmode=666)',
    `sysfs on /sys type sysfs (${c.hostConfig.Privileged ? 'rw' : 'ro'},nosuid,nodev,noexec,relatime)`,
    `cgroup on /sys/fs/cgroup type cgroup2 (${c.hostConfig.Privileged ? 'rw' : 'ro'},nosuid,nodev,noexec,relatime,nsdelegate,memory_recursiveprot)`,
    'mqueue on /dev/mqueue type mqueue (rw,nosuid,nodev,noexec,relatime)',
    `shm on /dev/shm type tmpfs (rw,nosuid,nodev,noexec,relatime,size=${Math.ceil((c.hostConfig.ShmSize || 67108864) / 4096) * 4}k,inode64)`,
    '/dev/sda1 on /etc/resolv.conf type ext4 (rw,relatime,discard,errors=remount-ro)',
    '/dev/sda1 on /etc/hostname type ext4 (rw,relatime,discard,errors=remount-ro)',
    '/dev/sda1 on /etc/hosts type ext4 (rw,relatime,discard,errors=remount-ro)',
    ...binds.map((m) => `/dev/sda1 on ${m.destination} type ext4 (${m.readOnly ? 'ro' : 'rw'},relatime,discard,errors=remount-ro)`),
    ...Object.entries(c.hostConfig.Tmpfs ?? {}).map(
      ([t, data]) => `tmpfs on ${t} type tmpfs (rw,nosuid,nodev,noexec,relatime${tmpfsShown(c, t, data)},inode64)`,
    ),
  ].map(entry);
  // The bind mounts' roots on the host's disk: the files moby writes per container (daemon/container_operations_unix.go,
  // container/container_unix.go ResolvConfPath/HostnamePath/HostsPath) and each volume's _data or bind source.
  const roots = new Map<string, string>([
    ['/etc/resolv.conf', `/var/lib/docker/containers/${c.id}/resolv.conf`],
    ['/etc/hostname', `/var/lib/docker/containers/${c.id}/hostname`],
    ['/etc/hosts', `/var/lib/docker/containers/${c.id}/hosts`],
    ...binds.map((m): [string, string] => [m.destination, m.type === 'volume' ? `/var/lib/docker/volumes/${m.source}/_data` : m.source]),
  ]);
  return table.map((m) => (m.src === '/dev/sda1' && roots.has(m.target) ? { ...m, root: roots.get(m.target) } : m));
}

/** memparse (linux@v6.8:lib/cmdline.c): a number (base 0: 0x hex, 0 octal) and a K, M, G, T, P or E suffix, as tmpfs's size= reads it. */
function memparse(v: string): number | undefined {
  const m = /^(0x[0-9a-f]+|0[0-7]*|[1-9]\d*)([kmgtpe]?)$/i.exec(v);
  if (!m) return undefined;
  const n = Number(m[1]!.startsWith('0') && !m[1]!.startsWith('0x') && m[1] !== '0' ? Number.parseInt(m[1]!, 8) : Number(m[1]));
  return n * 1024 ** ' kmgtpe'.indexOf((m[2] || ' ').toLowerCase());
}

/**
 * The tmpfs options the kernel shows after relatime (linux@v6.8:mm/shmem.c shmem_show_options: size in KiB of whole
 * pages, then mode unless 1777) for --tmpfs's data (moby passes "size=64m,mode=755" through to mount(2)) or
 * --mount type=tmpfs's tmpfs-size and tmpfs-mode (moby@v27.3.1:volume/mounts/linux_parser.go ConvertTmpfsOptions).
 */
function tmpfsShown(c: Container, target: string, data: string): string {
  const opts = new Map(data.split(',').map((o) => [o.slice(0, o.indexOf('=') >>> 0), o.slice(o.indexOf('=') + 1)] as const));
  const m = (c.hostConfig.Mounts ?? []).find((x) => x.Type === 'tmpfs' && x.Target === target)?.TmpfsOptions as
    | { SizeBytes?: number; Mode?: number }
    | undefined;
  const size = m?.SizeBytes ?? (opts.has('size') ? memparse(opts.get('size') as string) : undefined);
  const mode = m?.Mode ?? (opts.has('mode') ? Number.parseInt(opts.get('mode') as string, 8) : undefined);
  let out = size ? `,size=${Math.ceil(size / 4096) * 4}k` : '';
  if (mode !== undefined && !Number.isNaN(mode) && mode !== 0o1777) out += `,mode=${mode.toString(8).padStart(3, '0')}`;
  return out;
}

/** `mount` with no arguments. */
export const mountLines = (t: readonly MountEntry[]) => t.map((m) => `${m.src} on ${m.target} type ${m.type} (${m.opts})\n`).join('');

/** /proc/mounts (and /proc/PID/mounts). */
export const procMounts = (t: readonly MountEntry[]) => t.map((m) => `${m.src} ${m.target} ${m.type} ${m.opts} 0 0\n`).join('');

/** How many overlay filesystems are mounted on the host (each holds a reference to the overlay module). */
export const hostOverlayMounts = (daemon: Daemon) => mountTable(daemon, undefined).filter((m) => m.type === 'overlay').length;
