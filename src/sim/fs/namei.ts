/**
 * Path lookup across a root's mounts, as the kernel does it (linux v6.8 fs/namei.c link_path_walk, step_into,
 * pick_link): each component in turn, a symbolic link in the middle of a path always followed and the last one when
 * the call follows links (stat, open, opendir, chmod…; not lstat, readlink, unlink, rename, mkdir, symlink), a link's
 * target read from where the walk stands and resolved from the link's directory (an absolute one from the root), each
 * link counted against the whole walk: the 41st is ELOOP, "Too many levels of symbolic links" (include/linux/namei.h
 * MAXSYMLINKS 40; fs/namei.c reserve_stack: `if (unlikely(nd->total_link_count++ >= MAXSYMLINKS)) return -ELOOP`).
 *
 * just-bash's MountableFs routes a path to a mount by its spelling and leaves links to each filesystem, which follows
 * its own only (so /dev/fd/ or a link into a volume stayed a link), and its InMemoryFs looks a link's target up as
 * spelled (a target through another link in its middle was not found). Here the walk reads each filesystem's entries
 * synchronously: just-bash's InMemoryFs (its entry map) and the generated ones (fs/generated.ts). A filesystem read
 * some other way is walked by itself from there on. A walk that meets a missing directory gives the path back to the
 * filesystems as spelled, which answer as before (ENOENT, or a stand-in of their own such as /dev/stdin → /proc/self/fd/0).
 */
import type { IFileSystem } from 'just-bash';
import { normalizePath } from '../path.ts';
import { GeneratedFs } from './generated.ts';

/** linux v6.8 include/linux/namei.h. */
const MAXSYMLINKS = 40;

export interface Mounted {
  mountPoint: string;
  filesystem: IFileSystem;
}

/**
 * What a filesystem holds at a path, no link followed: a link's target, an entry, nothing, "walk it yourself", or
 * "give the path back as spelled".
 */
type Peek = { link: string } | 'entry' | 'none' | 'opaque' | 'spelled';

/** A descriptor of /proc/PID/fd (fs/procfd.ts). */
const FD_ENTRY = /^\/[^/]+\/fd\/[^/]+$/;

interface MemEntry {
  type: string;
  target?: string;
}

function peek(fs: IFileSystem, rel: string, mountPoint: string, follow: boolean, op: string): Peek {
  const data = (fs as unknown as { data?: unknown }).data;
  if (data instanceof Map) {
    const e = (data as Map<string, MemEntry>).get(rel);
    return !e ? 'none' : e.type === 'symlink' && e.target !== undefined ? { link: e.target } : 'entry';
  }
  if (fs instanceof GeneratedFs) {
    const n = fs.node(rel);
    // Opening through a descriptor's link reopens the open file (fs/proc/fd.c proc_fd_link): one of a file is walked on
    // to it; the terminal, a pipe, or a descriptor the table lacks (/dev/fd/63 of a process substitution) is the
    // shell's own stand-ins' to answer for (fs/devfs.ts): the walk gives the path back as spelled. A stat (not an open)
    // through the terminal's link is walked on to its devpts node, as the kernel's stat(2) is (`stat -L /dev/stdin`).
    const spelled = (t: string) => !t.startsWith('/') || (t.startsWith('/dev/pts/') && op === 'open');
    if (mountPoint === '/proc' && FD_ENTRY.test(rel) && (n ? n.type === 'link' && n.fd && follow && spelled(n.target) : true)) return 'spelled';
    if (!n) return 'none';
    if (n.type !== 'link') return 'entry';
    // A namespace link (`net:[4026531840]`) names an nsfs inode, not a path (fs/proc/namespaces.c proc_ns_get_link).
    if (n.target.includes(':[')) return 'entry';
    // A relative link out of its own mount (sysfs's class links into /sys/devices) is the filesystem's to follow.
    if (!n.target.startsWith('/') && !inside(join(parentOf(`${mountPoint}${rel}`), n.target), mountPoint)) return 'opaque';
    return { link: n.target };
  }
  return 'opaque';
}

const parentOf = (p: string) => p.slice(0, p.lastIndexOf('/')) || '/';
const inside = (p: string, dir: string) => p === dir || p.startsWith(dir === '/' ? '/' : `${dir}/`);

const join = (dir: string, rel: string) => normalizePath(`${dir}/${rel}`);

/** The mount holding an absolute path (the deepest mount point at or above it), and the path inside it. */
function route(base: IFileSystem, mounts: readonly Mounted[], path: string): { fs: IFileSystem; rel: string; at: string } {
  let best: Mounted | undefined;
  for (const m of mounts) if (inside(path, m.mountPoint) && (!best || m.mountPoint.length > best.mountPoint.length)) best = m;
  if (!best) return { fs: base, rel: path, at: '/' };
  return { fs: best.filesystem, rel: path.slice(best.mountPoint.length) || '/', at: best.mountPoint };
}

/**
 * The path `path` (absolute, normalized) names with its links followed (the last one too when `followLast`), or
 * undefined when the walk meets a missing entry (the filesystems then answer for the path as spelled). Throws ELOOP.
 */
export function walk(base: IFileSystem, mounts: readonly Mounted[], path: string, followLast: boolean, op: string): string | undefined {
  const todo = path.split('/').filter(Boolean);
  let done = '';
  let links = 0;
  while (todo.length) {
    const name = todo.shift() as string;
    if (name === '.') continue;
    if (name === '..') {
      done = done.slice(0, done.lastIndexOf('/'));
      continue;
    }
    const cur = `${done}/${name}`;
    const { fs, rel, at } = route(base, mounts, cur);
    // A mount point is the mounted filesystem's root directory, whatever the root below it holds there.
    const p = rel === '/' && at !== '/' ? 'entry' : peek(fs, rel, at, todo.length > 0 || followLast, op);
    if (p === 'opaque') return [cur, ...todo].join('/');
    if (p === 'spelled') return undefined;
    // A missing last entry is for the call to create or report; a missing directory on the way, the spelled path's.
    if (p === 'none') return todo.length ? undefined : cur;
    if (p !== 'entry' && (todo.length > 0 || followLast)) {
      if (++links > MAXSYMLINKS) throw new Error(`ELOOP: too many levels of symbolic links, ${op} '${path}'`);
      if (p.link.startsWith('/')) done = '';
      todo.unshift(...p.link.split('/').filter(Boolean));
      continue;
    }
    done = cur;
  }
  return done || '/';
}

/**
 * Whether a trailing slash changes what `path` (absolute, normalized, no slash) names for a lookup: it does when the
 * last entry is a symbolic link (followed) or no directory (ENOTDIR). linux v6.8 fs/namei.c lookup_last: a name
 * followed by '/' is looked up with `LOOKUP_FOLLOW | LOOKUP_DIRECTORY`. A missing entry, a directory, or an entry of a
 * filesystem read some other way: no (the path goes on as spelled without it, as before).
 */
export function slashMatters(base: IFileSystem, mounts: readonly Mounted[], path: string): boolean {
  let parent: string | undefined;
  try {
    parent = walk(base, mounts, parentOf(path), true, 'lstat');
  } catch {
    return false;
  }
  if (!parent) return false;
  const at = join(parent, path.slice(path.lastIndexOf('/') + 1));
  const { fs, rel } = route(base, mounts, at);
  if (rel === '/') return false;
  const data = (fs as unknown as { data?: unknown }).data;
  if (data instanceof Map) {
    const e = (data as Map<string, MemEntry>).get(rel);
    return !!e && e.type !== 'directory';
  }
  if (fs instanceof GeneratedFs) {
    const n = fs.node(rel);
    return !!n && n.type !== 'dir';
  }
  return false;
}
