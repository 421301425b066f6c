/**
 * st_blocks, in 512-byte units, as node1's filesystems allocate them (what `ls -s`, `ls -l`'s "total" and stat's
 * Blocks and %b show). The root is ext4 with 4 KiB blocks (shell/fsstat.ts): a regular file takes whole blocks
 * (ceil(size / 4096) × 8), a directory its size (4096 → 8), a symbolic link none when its target fits in the inode
 * (linux@v6.8:fs/ext4/namei.c ext4_symlink: a "fast" symlink under EXT4_N_BLOCKS * 4 = 60 bytes) and one block
 * otherwise. tmpfs (/run, /dev/shm) counts a file's pages and nothing for a directory; proc, sysfs, cgroup2 and the
 * device nodes count nothing. An image's files in a container are on the same ext4 disk (overlay2's layers).
 */
export function allocBlocks(
  st: { isFile: boolean; isDirectory: boolean; isSymbolicLink: boolean; size: number; mode: number },
  abs: string,
  target = '',
): number {
  // A filesystem that knows its own (a pod's tmpfs volume: shell/datavolumefs.ts) says so.
  const own = (st as unknown as { blocks?: unknown }).blocks;
  if (typeof own === 'number') return own;
  const under = (d: string) => abs === d || abs.startsWith(`${d}/`);
  if (under('/proc') || under('/sys') || (under('/dev') && !under('/dev/shm'))) return 0;
  const tmpfs = under('/run') || under('/dev/shm');
  if (st.isSymbolicLink) return tmpfs || new TextEncoder().encode(target).length < 60 ? 0 : 8;
  if (st.isDirectory) return tmpfs ? 0 : 8;
  if (!st.isFile) return 0;
  return Math.ceil(st.size / 4096) * 8;
}
