/** The types of simfs.ts's inodes, stats and hooks (kept apart so simfs.ts stays one concern under 400 lines). */
import type * as JB from 'just-bash';
import type { OverlayRoot } from '../image/overlay.ts';

/** What an inode keeps beyond just-bash's mode and mtime. */
export interface Inode {
  uid: number;
  gid: number;
  ctimeMs?: number;
  atimeMs?: number;
  birthMs?: number;
  /** The paths of a file with more than one hard link (all sharing this inode). */
  paths?: Set<string>;
}

/** A stat as the simulated filesystems give it: just-bash's, with the owner, the link count and the three times. */
export type SimStat = JB.FsStat & {
  uid?: number;
  gid?: number;
  nlink?: number;
  atime?: Date;
  ctime?: Date;
  /** st_birthtime (statx STATX_BTIME): when the inode was made. */
  birthtime?: Date;
  /** A hard-linked file's first name (its names share one inode number). */
  linkOf?: string;
};

export interface SimFsHooks {
  readOnly(path: string): boolean;
  /** A write refused on a read-only path (reported after the line). */
  report(path: string): void;
  now(): number;
  /** The container's overlay root, for its upperdir (docker diff / commit). */
  overlay(): OverlayRoot | undefined;
  /** Names readdir leaves out (the runtime's internal commands). */
  hides(name: string): boolean;
  /** The fsuid, fsgid and umask (new files' owner and mask, umask unset: 022); for reads, the groups and whether CAP_DAC_OVERRIDE/READ_SEARCH reads any file. */
  creds(): { uid: number; gid: number; groups?: readonly number[]; readsAll?: boolean; umask?: number };
  /** A read refused (EACCES by default; shell/denied.ts rewords the command's message with `reason`). */
  denied?(path: string, reason?: string): void;
}
