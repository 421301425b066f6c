/**
 * statfs(2) of the mounts a process sees (mounttable.ts), for `df` and `stat -f`: one model so
 * the two commands, `mount` and /proc/mounts always agree.
 *
 * node1's root is an ext4 /dev/sda1 on a 30 GB cloud disk (4 KiB blocks, 5 % reserved for root,
 * 16 KiB per inode). Its used blocks are the system's own plus the layers in Docker's image store;
 * an overlay (a container's `/`, or its merged dir seen from the host) reports the statfs of the
 * filesystem holding its upper dir (linux v6.8 fs/overlayfs/super.c ovl_statfs), i.e. that ext4,
 * with its own magic. A tmpfs reports its size= option (the default: half of RAM, mm/shmem.c
 * shmem_default_max_blocks) and counts no blocks in use unless it holds files. proc, sysfs,
 * cgroup2, devpts and mqueue report 0 blocks, which is why df leaves them out.
 */
import type { Container } from '../docker/container.ts';
import type { Daemon } from '../docker/daemon.ts';
import type { Host } from '../host.ts';
import type { MountEntry } from './mounttable.ts';

export interface StatFs {
  /** f_type, linux include/uapi/linux/magic.h */
  type: number;
  bsize: number;
  blocks: number;
  bfree: number;
  bavail: number;
  files: number;
  ffree: number;
  /** f_fsid as coreutils and busybox print it (%x of the two words, most significant first) */
  fsid: bigint;
  namelen: number;
}

/** linux v6.8 include/uapi/linux/magic.h */
export const MAGIC = {
  ext4: 0xef53,
  overlay: 0x794c7630,
  tmpfs: 0x01021994,
  proc: 0x9fa0,
  sysfs: 0x62656572,
  cgroup2: 0x63677270,
  devpts: 0x1cd1,
  mqueue: 0x19800202,
} as const;

/** /dev/sda1: 7,574,544 blocks of 4 KiB (a 30 GB disk less its boot and EFI partitions). */
const DISK = {
  blocks: 7_574_544,
  reservedBlocks: 378_727,
  inodes: 1_896_960,
  systemBlocks: 1_212_611,
  systemInodes: 171_402,
  fsid: (0x8d3c2a5dn << 32n) | 0x9b1e04f6n,
};
const BLOCK = 4096;

/** Bytes of the distinct layers in Docker's image store (what /var/lib/docker/overlay2 holds). */
function dockerBytes(daemon: Daemon): { bytes: number; files: number } {
  const seen = new Map<string, { size: number; files: number }>();
  for (const li of daemon.lib?.store.all() ?? []) for (const l of li.image.layers) seen.set(l.diffId, { size: l.size, files: l.tree.size });
  let bytes = 0;
  let files = 0;
  for (const s of seen.values()) {
    bytes += s.size;
    files += s.files;
  }
  return { bytes, files };
}

function ext4(daemon: Daemon): StatFs {
  const d = dockerBytes(daemon);
  const used = DISK.systemBlocks + Math.ceil(d.bytes / BLOCK);
  const bfree = DISK.blocks - used;
  return {
    type: MAGIC.ext4,
    bsize: BLOCK,
    blocks: DISK.blocks,
    bfree,
    bavail: Math.max(0, bfree - DISK.reservedBlocks),
    files: DISK.inodes,
    ffree: DISK.inodes - DISK.systemInodes - d.files,
    fsid: DISK.fsid,
    namelen: 255,
  };
}

/** The size= option of a tmpfs in KiB, else half of RAM (shmem_default_max_blocks). */
function tmpfsKb(opts: string, host: Host): number {
  const m = /(?:^|,)size=(\d+)k(?:,|$)/.exec(opts);
  if (m) return Number(m[1]);
  return Math.floor(host.fixture.memTotalBytes / BLOCK / 2) * (BLOCK / 1024);
}

/** KiB a tmpfs already holds: systemd's runtime files in the host's /run. */
const TMPFS_USED_KB: Record<string, number> = { '/run': 1_084 };

function hashId(s: string): bigint {
  let h = 0n;
  for (const ch of s) h = (h * 131n + BigInt(ch.charCodeAt(0))) & 0xffffffffffffffffn;
  return h;
}

/** statfs of one mount, as seen by a process in `c` (undefined: the host). */
export function statfsOf(m: MountEntry, daemon: Daemon, host: Host, c: Container | undefined): StatFs {
  const zero = (type: number, files = 0): StatFs => ({
    type,
    bsize: BLOCK,
    blocks: 0,
    bfree: 0,
    bavail: 0,
    files,
    ffree: files ? files - 1 : 0,
    fsid: 0n,
    namelen: 255,
  });
  switch (m.type) {
    case 'ext4':
      return ext4(daemon);
    case 'overlay':
      return { ...ext4(daemon), type: MAGIC.overlay, fsid: hashId(`${c?.id ?? ''}${m.target}${m.opts}`) };
    case 'tmpfs': {
      const kb = tmpfsKb(m.opts, host);
      const blocks = kb / 4;
      const usedKb = c ? 0 : (TMPFS_USED_KB[m.target] ?? 0);
      const files = Math.floor(host.fixture.memTotalBytes / BLOCK / 2);
      const usedFiles = c ? (m.target === '/dev' ? 16 : 1) : 812;
      return {
        type: MAGIC.tmpfs,
        bsize: BLOCK,
        blocks,
        bfree: blocks - usedKb / 4,
        bavail: blocks - usedKb / 4,
        files,
        ffree: files - usedFiles,
        fsid: 0n,
        namelen: 255,
      };
    }
    case 'proc':
      return zero(MAGIC.proc);
    case 'sysfs':
      return zero(MAGIC.sysfs);
    case 'cgroup2':
      return zero(MAGIC.cgroup2);
    case 'devpts':
      return zero(MAGIC.devpts);
    case 'mqueue':
      return zero(MAGIC.mqueue);
    default:
      return zero(0);
  }
}

/** The mount that holds `abs` (the last mounted on the longest matching target). */
export function mountOf(table: readonly MountEntry[], abs: string): MountEntry | undefined {
  let best: MountEntry | undefined;
  for (const m of table) {
    const under = m.target === '/' || abs === m.target || abs.startsWith(`${m.target}/`);
    if (under && (!best || m.target.length >= best.target.length)) best = m;
  }
  return best;
}

/** coreutils@v9.4:src/stat.c human_fstype (and busybox@1_36_1:coreutils/stat.c FS_TYPE_LIST, which lacks overlayfs, cgroup2 and mqueue). */
export function fsTypeName(type: number, busybox: boolean): string {
  const names: Record<number, string> = {
    [MAGIC.ext4]: 'ext2/ext3',
    [MAGIC.tmpfs]: 'tmpfs',
    [MAGIC.proc]: 'proc',
    [MAGIC.sysfs]: 'sysfs',
    [MAGIC.devpts]: 'devpts',
  };
  const gnu: Record<number, string> = { [MAGIC.overlay]: 'overlayfs', [MAGIC.cgroup2]: 'cgroup2fs', [MAGIC.mqueue]: 'mqueue' };
  return names[type] ?? (busybox ? 'UNKNOWN' : (gnu[type] ?? `UNKNOWN (0x${type.toString(16)})`));
}

/**
 * `stat -f` of one file system: the default formats of coreutils@v9.4:src/stat.c (with
 * "Fundamental block size") and busybox@1_36_1:coreutils/stat.c, or a -c format with
 * %n %i %l %t %T %s %S %b %f %a %c %d and printf flags/width.
 */
export function statfsText(name: string, st: StatFs, busybox: boolean, format?: string, terse = false): string {
  const fmt =
    format ??
    (terse
      ? busybox
        ? '%n %i %l %t %s %b %f %a %c %d'
        : '%n %i %l %t %s %S %b %f %a %c %d'
      : `  File: "%n"\n    ID: %-8i Namelen: %-7l Type: %T\n${busybox ? 'Block size: %-10s\n' : 'Block size: %-10s Fundamental block size: %S\n'}Blocks: Total: %-10b Free: %-10f Available: %a\nInodes: Total: %-10c Free: %d`);
  const value = (c: string): string | undefined =>
    ({
      n: name,
      i: st.fsid.toString(16),
      l: String(st.namelen),
      t: st.type.toString(16),
      T: fsTypeName(st.type, busybox),
      s: String(st.bsize),
      S: String(st.bsize),
      b: String(st.blocks),
      f: String(st.bfree),
      a: String(st.bavail),
      c: String(st.files),
      d: String(st.ffree),
    })[c];
  return `${fmt.replace(/%([-#+ 0]*)(\d*)([a-zA-Z%])/g, (_all, flags: string, width: string, c: string) => {
    if (c === '%') return '%';
    const v = value(c);
    // An unknown directive: coreutils prints '?', busybox the letter itself (printf "%c").
    if (v === undefined) return busybox ? c : '?';
    const w = Number(width || 0);
    return flags.includes('-') ? v.padEnd(w) : v.padStart(w, flags.includes('0') && /^\d/.test(v) ? '0' : ' ');
  })}\n`;
}
