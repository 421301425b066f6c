/**
 * The trees of /dev (fs/devfs.ts serves them): data only.
 *
 * A container's /dev is what runc@v1.1.14 and moby@v27.3.1 make: a tmpfs (oci/defaults.go DefaultLinuxSpec "mode=755"),
 * the six default devices mknod'ed root:root 0666 (runc libcontainer/specconv/spec_linux.go AllowedDevices: null 1:3,
 * zero 1:5, full 1:7, tty 5:0, urandom 1:9, random 1:8), the links of libcontainer/rootfs_linux.go setupDevSymlinks
 * (fd, stdin, stdout, stderr; core when /proc/kcore exists) and setupPtmx (ptmx -> pts/ptmx), devpts with
 * "newinstance, ptmxmode=0666, mode=0620, gid=5" (so pts/ptmx is crw-rw-rw- root root and a terminal's slave
 * crw--w---- root, group 5, tty), /dev/mqueue and /dev/shm (mode=1777). With -t runc bind-mounts the terminal's slave
 * on /dev/console (rootfs_linux.go mountConsole): the same node as pts/0, 136:0. --device and --privileged add node1's
 * nodes (containerDevices, below), mknod'ed with the host's mode and owner.
 *
 * node1's /dev is Ubuntu 24.04's devtmpfs on a QEMU (i440fx) cloud VM with kernel 6.8: there was no real listing of
 * such a VM to copy here, so the tree is put together from the sources, and kept to what node1's hardware has
 * (fs/disk.ts's sda and its partitions, lscpu.ts's CPU without vmx, so no kvm; ens3 on virtio).
 * - Numbers: linux@v6.8:Documentation/admin-guide/devices.txt (mem 1:1, null 1:3, port 1:4, zero 1:5, full 1:7,
 *   random 1:8, urandom 1:9, kmsg 1:11; tty0..63 4:0..63, ttyS0.. 4:64..; tty 5:0, console 5:1, ptmx 5:2,
 *   ttyprintk 5:3; loop 7:N block, vcs 7:0.., vcsu 7:64.., vcsa 7:128..; sda 8:N block; sg 21:N; fb0 29:0;
 *   ppp 108:0; snd/seq 116:1, snd/timer 116:33; input 13:N; dri/card0 226:0; pts 136:N; misc 10: mcelog 227,
 *   hpet 228, fuse 229, snapshot 231, btrfs-control 234, autofs 235, mapper/control 236, loop-control 237,
 *   vhost-net 238, uhid 239, vhost-vsock 241, uinput 223, net/tun 200, cuse 203, hwrng 183, vhci 137); sda16 is
 *   259:0 (block/genhd.c blk_alloc_ext_minor: partitions past 15 get the extended major).
 * - Modes and groups: devtmpfs makes a node 0600 root:root unless its driver says (drivers/char/mem.c devlist:
 *   null, zero, full, random, urandom 0666, kmsg 0644; drivers/tty/tty_io.c tty_devnode: tty and ptmx 0666); then
 *   systemd@v255's rules.d/50-udev-default.rules.in sets them (read in the copy the code index holds): ptmx and tty
 *   GROUP tty 0666, tty[0-9]* tty 0620, vcs* tty, tty[A-Z]*[0-9] (ttyS) dialout, mem and port kmem 0640, input
 *   input, drm video, sound audio, block disk, scsi_generic type 0 disk, loop-control and btrfs-control disk, tun and
 *   fuse 0666, vhost-net and vhost-vsock kvm 0666 (DEV_KVM_MODE); a GROUP without a MODE gives 0660 (src/udev/udev-node.c
 *   udev_node_apply_permissions_impl: "If group is set, but mode is not set, \"upgrade\" mode for the group").
 *   console has no rule: 0600 root root. (node1 runs a getty on tty1 only, whose agetty leaves it root:tty 0620.)
 * - The nodes kmod-static-nodes creates for modules not loaded (modules.devname: cuse, ppp, uhid, vhci, snd/*,
 *   vhost-*) are there; nodes with a dynamic major or minor (rtc0, bsg/, cpu_dma_latency, ecryptfs, udmabuf,
 *   userfaultfd, vga_arbiter…) are left out rather than guessed; so are cpu/ (cpuid and msr are not loaded) and, in
 *   disk/, all but by-label and by-uuid (by-id, by-path, by-partuuid and by-diskseq name hardware not simulated).
 * - Links: systemd@v255 src/shared/dev-setup.c dev_setup (fd, stdin, stdout, stderr, core -> /proc/kcore); log by
 *   systemd-journald-dev-log.socket; block/ and char/ by udev (MAJ:MIN -> ../name); rtc is left out with rtc0.
 * - Mounts: /dev/pts devpts "gid=5,mode=620" and no ptmxmode (so pts/ptmx is c--------- root root), /dev/shm and
 *   /dev/mqueue 1777, /dev/hugepages hugetlbfs 0755 (systemd src/shared/mount-setup.c).
 */

import { NODE1_DISK } from './disk.ts';

/** A device node: `c` character or `b` block, its numbers, permission bits and group (root's 0 when absent). */
export interface DevNode {
  t: 'c' | 'b';
  major: number;
  minor: number;
  mode: number;
  gid?: number;
}
export interface DevDir {
  t: 'd';
  mode: number;
  /** The directory's size as ls shows it (tmpfs: 40 and 20 an entry; devpts, hugetlbfs: 0). */
  size?: number;
  entries: Record<string, DevEntry>;
}
export type DevEntry = DevNode | { t: 'l'; target: string } | DevDir;

const TTY = 5;
const DISK = 6;
const KMEM = 15;
const DIALOUT = 20;
const AUDIO = 29;
const VIDEO = 44;
const INPUT = 995;
const KVM = 993;

const c = (major: number, minor: number, mode = 0o600, gid?: number): DevNode => ({ t: 'c', major, minor, mode, ...(gid ? { gid } : {}) });
const b = (major: number, minor: number): DevNode => ({ t: 'b', major, minor, mode: 0o660, gid: DISK });
const l = (target: string): DevEntry => ({ t: 'l', target });
const dir = (entries: Record<string, DevEntry>, mode = 0o755): DevDir => ({ t: 'd', mode, entries });

/** The six default devices of a container (runc AllowedDevices) and the host's same nodes. */
const CORE: Record<string, DevNode> = {
  full: c(1, 7, 0o666),
  null: c(1, 3, 0o666),
  random: c(1, 8, 0o666),
  urandom: c(1, 9, 0o666),
  zero: c(1, 5, 0o666),
};
const STDIO: Record<string, DevEntry> = {
  core: l('/proc/kcore'),
  fd: l('/proc/self/fd'),
  stderr: l('/proc/self/fd/2'),
  stdin: l('/proc/self/fd/0'),
  stdout: l('/proc/self/fd/1'),
};

/** A terminal's slave on devpts mounted gid=5,mode=620: crw--w---- of its opener (root here), group tty. */
export const PTS_SLAVE = (n: number): DevNode => c(136, n, 0o620, TTY);

let container: DevDir | undefined;

/** A container's /dev (without the pts slaves and console, which devfs.ts adds for a terminal). Built once. */
export function containerDev(): DevDir {
  container ??= dir({
    ...CORE,
    ...STDIO,
    tty: c(5, 0, 0o666),
    ptmx: l('pts/ptmx'),
    mqueue: { t: 'd', mode: 0o1777, entries: {} },
    shm: { t: 'd', mode: 0o1777, entries: {} },
    pts: { t: 'd', mode: 0o755, size: 0, entries: { ptmx: c(5, 2, 0o666) } },
  });
  return container;
}

const range = <T>(n: number, f: (i: number) => [string, T]): [string, T][] => Array.from({ length: n }, (_, i) => f(i));

/** The block devices: the disk lsblk.ts shows, and the eight loop devices (CONFIG_BLK_DEV_LOOP_MIN_COUNT=8). */
const BLOCK: [string, DevNode][] = [
  ...range(8, (i): [string, DevNode] => [`loop${i}`, b(7, i)]),
  ...NODE1_DISK.map((d): [string, DevNode] => [d.name, b(d.maj, d.min)]),
];

/**
 * udev's links to the disk's filesystems by label and UUID (systemd@v255 rules.d/60-persistent-storage.rules: by-label
 * from ID_FS_LABEL_ENC, by-uuid from ID_FS_UUID_ENC), as lsblk -f shows them.
 */
function diskLinks(): DevDir {
  const by = (key: 'label' | 'uuid') => dir(Object.fromEntries(NODE1_DISK.flatMap((d) => (d[key] ? [[d[key] as string, l(`../../${d.name}`)]] : []))));
  return dir({ 'by-label': by('label'), 'by-uuid': by('uuid') });
}

/** node1's character devices at the top of /dev. */
const CHARS: [string, DevNode][] = [
  ...(Object.entries(CORE) as [string, DevNode][]),
  ['autofs', c(10, 235)],
  ['btrfs-control', c(10, 234, 0o660, DISK)],
  ['console', c(5, 1)],
  ['cuse', c(10, 203)],
  ['fb0', c(29, 0, 0o660, VIDEO)],
  ['fuse', c(10, 229, 0o666)],
  ['hpet', c(10, 228)],
  ['hwrng', c(10, 183)],
  ['kmsg', c(1, 11, 0o644)],
  ['loop-control', c(10, 237, 0o660, DISK)],
  ['mcelog', c(10, 227)],
  ['mem', c(1, 1, 0o640, KMEM)],
  ['port', c(1, 4, 0o640, KMEM)],
  ['ppp', c(108, 0)],
  ['ptmx', c(5, 2, 0o666, TTY)],
  ['sg0', c(21, 0, 0o660, DISK)],
  ['snapshot', c(10, 231)],
  ['tty', c(5, 0, 0o666, TTY)],
  ...range(64, (i): [string, DevNode] => [`tty${i}`, c(4, i, 0o620, TTY)]),
  ['ttyprintk', c(5, 3)],
  ...range(32, (i): [string, DevNode] => [`ttyS${i}`, c(4, 64 + i, 0o660, DIALOUT)]),
  ['uhid', c(10, 239)],
  ['uinput', c(10, 223)],
  ['vcs', c(7, 0, 0o660, TTY)],
  ...range(6, (i): [string, DevNode] => [`vcs${i + 1}`, c(7, i + 1, 0o660, TTY)]),
  ['vcsa', c(7, 128, 0o660, TTY)],
  ...range(6, (i): [string, DevNode] => [`vcsa${i + 1}`, c(7, 129 + i, 0o660, TTY)]),
  ['vcsu', c(7, 64, 0o660, TTY)],
  ...range(6, (i): [string, DevNode] => [`vcsu${i + 1}`, c(7, 65 + i, 0o660, TTY)]),
  ['vhci', c(10, 137)],
  ['vhost-net', c(10, 238, 0o666, KVM)],
  ['vhost-vsock', c(10, 241, 0o666, KVM)],
];

/** Character devices in subdirectories: input/, dri/, snd/, mapper/, net/. */
const SUBDIRS: Record<string, [string, DevNode][]> = {
  dri: [['card0', c(226, 0, 0o660, VIDEO)]],
  input: [
    ['event0', c(13, 64, 0o660, INPUT)],
    ['event1', c(13, 65, 0o660, INPUT)],
    ['event2', c(13, 66, 0o660, INPUT)],
    ['mice', c(13, 63, 0o660, INPUT)],
    ['mouse0', c(13, 32, 0o660, INPUT)],
  ],
  mapper: [['control', c(10, 236)]],
  net: [['tun', c(10, 200, 0o666)]],
  snd: [
    ['seq', c(116, 1, 0o660, AUDIO)],
    ['timer', c(116, 33, 0o660, AUDIO)],
  ],
};

/** udev's MAJ:MIN links to every node of a kind. */
function byNumber(nodes: [string, DevNode][]): DevDir {
  return dir(Object.fromEntries(nodes.map(([name, n]) => [`${n.major}:${n.minor}`, l(`../${name}`)])));
}

let host: DevDir | undefined;

/** node1's /dev without the pts slaves (devfs.ts adds the terminals in use). Built once: it is the same on every world. */
export function hostDev(): DevDir {
  if (host) return host;
  const sub = Object.entries(SUBDIRS).flatMap(([d, nodes]) => nodes.map(([n, node]): [string, DevNode] => [`${d}/${n}`, node]));
  host = dir({
    ...Object.fromEntries(CHARS),
    ...Object.fromEntries(BLOCK),
    ...STDIO,
    block: byNumber(BLOCK),
    disk: diskLinks(),
    char: byNumber([...CHARS, ...sub]),
    ...Object.fromEntries(Object.entries(SUBDIRS).map(([d, nodes]) => [d, dir(Object.fromEntries(nodes))])),
    hugepages: { t: 'd', mode: 0o755, size: 0, entries: {} },
    log: l('/run/systemd/journal/dev-log'),
    mqueue: { t: 'd', mode: 0o1777, entries: {} },
    shm: { t: 'd', mode: 0o1777, entries: {} },
    pts: { t: 'd', mode: 0o755, size: 0, entries: { ptmx: c(5, 2, 0) } },
  });
  return host;
}

/** The entry of node1's /dev at `rel` (below /dev, no link followed). */
function hostEntry(rel: string): DevEntry | undefined {
  let e: DevEntry | undefined = hostDev();
  for (const part of rel.split('/').filter(Boolean)) e = e?.t === 'd' && Object.hasOwn(e.entries, part) ? e.entries[part] : undefined;
  return e;
}

/**
 * The device nodes of node1's /dev under `rel`, each with its path below `rel`: containerd@v1.7's oci/utils_unix.go
 * getDevices as moby@v27.3.1 vendors it (HostDevices, for --privileged): directories walked but pts, shm, fd and
 * mqueue, console skipped, links and other files not devices.
 */
function devicesUnder(rel: string, e: DevEntry | undefined, top: boolean): [string, DevNode][] {
  if (!e || e.t === 'l') return [];
  if (e.t !== 'd') return [[rel, e]];
  return Object.entries(e.entries).flatMap(([name, x]) => {
    if ((top && name === 'console') || (x.t === 'd' && ['pts', 'shm', 'fd', 'mqueue'].includes(name))) return [];
    return devicesUnder(rel ? `${rel}/${name}` : name, x, false);
  });
}

/**
 * The nodes `docker run --device HOST[:CONTAINER]` adds (moby@v27.3.1:oci/devices_linux.go DevicesFromPath: a link
 * followed, a directory's devices taken with their paths under CONTAINER, else coci.DeviceFromPath's error), by their
 * path below the container's /dev; undefined, or the error's reason, when HOST gives none.
 */
export function devicesFromPath(onHost: string, inContainer: string): Record<string, DevNode> | { error: string } {
  let rel = onHost.replace(/^\/dev\/?/, '');
  const link = hostEntry(rel);
  if (link?.t === 'l' && !link.target.startsWith('/')) rel = [...rel.split('/').slice(0, -1), link.target].join('/').replace(/[^/]+\/\.\.\//g, '');
  const e = onHost.startsWith('/dev/') ? hostEntry(rel) : undefined;
  const at = inContainer.replace(/^\/dev\/?/, '');
  const found = e?.t === 'd' ? devicesUnder('', e, false) : e && e.t !== 'l' ? ([['', e]] as [string, DevNode][]) : [];
  if (!found.length) return { error: e ? 'not a device node' : 'no such file or directory' };
  return Object.fromEntries(found.map(([sub, node]) => [sub ? `${at}/${sub}` : at, node]));
}

/** The nodes a container gets: --privileged's every host device (moby daemon/oci_linux.go WithDevices: coci.HostDevices), then each --device. */
export function containerDevices(devices: readonly { PathOnHost: string; PathInContainer: string }[], privileged: boolean): Record<string, DevNode> {
  const out: Record<string, DevNode> = privileged ? Object.fromEntries(devicesUnder('', hostDev(), true)) : {};
  for (const d of devices) {
    const got = devicesFromPath(d.PathOnHost, d.PathInContainer);
    if (!('error' in got) && d.PathInContainer.startsWith('/dev/')) Object.assign(out, got);
  }
  return out;
}
