/**
 * The base filesystem of one root before its mounts (rootfs.ts): the image's (or node1's) files, directories, links,
 * modes and owners, copied from a template of the image (roottemplate.ts), then what is this root's own: its
 * /etc/hostname, /etc/hosts and /etc/resolv.conf, and the writes its container made before its shell existed.
 */
import type * as JB from 'just-bash';
import { USER_DB_MODES } from '../fs/hostusers.ts';
import { HOME_MODES, NODE_EMPTY_DIRS } from '../fs/node-etc.ts';
import { DOCKER_ROOT_DIRS, DOCKER_ROOT_FILES, RUNTIME_SOCKETS } from '../fs/docker-root.ts';
import type { Tree } from '../image/tree.ts';
import { type SimFs, type SimFsHooks, simFs } from './simfs.ts';
import { SBIN } from './usrsbin.ts';
import { fillFromTemplate, templateKey, timeToken } from './roottemplate.ts';
import { CowEntries, cowMemFs, writable } from './cowentries.ts';

/** What a root's base is built from (rootfs.ts works it out). */
export interface BaseSpec {
  /** The files, each with its content, time and mode (asked for only when the template is built or has no `key`). */
  init(): Record<string, { content: string; mtime: Date; mode?: number }>;
  /** The template's key when the caller knows one (templateKey); else it is worked out from the files (keyOf). */
  key?: string;
  /** The root's own time (its boot for node1, its creation for a container); `at`: a path's time (its layer's, or mtime). */
  mtime: Date;
  at(path: string): Date;
  /** node1 (merged /usr, Ubuntu's directories and links, its modes). */
  merged: boolean;
  /** The commands listed under /bin (for /usr/sbin's links to ../bin). */
  names: ReadonlySet<string>;
  /** The image's directories, its symbolic links (busybox's applets, /etc's), its modes and owners. */
  dirs: readonly string[];
  /** Read only when a template is built (an image's applet links are hundreds: a container of an image seen before needs none). */
  links(): Record<string, string>;
  meta: Record<string, readonly [number, number, number]>;
  /** node1's kubeadm links, with their targets' times. */
  hostLinks: readonly (readonly [string, string, number | undefined])[];
  /** Files that are this root's own, with their bytes (left out of the template's key, written again on the copy). */
  own: Record<string, string>;
  /** The container's upperdir at the time (its program's start-up writes). */
  upper: Tree | undefined;
}

/** The files a root may have of its own: Docker writes them for each container (the kubelet for each pod). */
export const OWN_FILES = ['/etc/hostname', '/etc/hosts', '/etc/resolv.conf'] as const;

/** The template's key: everything `build` reads, but the root's own files' bytes and its own time (timeToken). */
function keyOf(s: BaseSpec, init: ReturnType<BaseSpec['init']>): string {
  const t = (d: Date) => timeToken(d, s.mtime);
  return JSON.stringify([
    s.merged,
    [...s.names],
    Object.entries(init).map(([p, e]) => [p, p in s.own ? '' : e.content, t(e.mtime), e.mode]),
    s.dirs.map((d) => [d, t(s.at(d))]),
    Object.entries(s.links()).map(([p, target]) => [p, target, t(s.at(p))]),
    s.meta,
    s.hostLinks,
  ]);
}

/**
 * node1's template key, without making its files: they are made of the fixture alone (fs/hostfiles.ts hostFiles reads
 * its hostname, os and gateway: `fields`), its commands (`names`) and kubeadm's links (`hostLinks`).
 */
export function hostTemplateKey(fixture: object, fields: readonly string[], names: readonly string[], hostLinks: BaseSpec['hostLinks']): string {
  return templateKey('host', JSON.stringify([fields, hostLinks]), [fixture], names, []);
}

/** Files only while a template is built: nothing reaches it through these hooks (the copies get the root's). */
const TEMPLATE_HOOKS: SimFsHooks = {
  readOnly: () => false,
  report: () => {},
  now: () => 0,
  overlay: () => undefined,
  hides: () => false,
  creds: () => ({ uid: 0, gid: 0 }),
};

/** Builds a template: the entries in the order they always were made (synchronously: utimes and symlink are just-bash's). */
function build(jb: typeof JB, s: BaseSpec, init: ReturnType<BaseSpec['init']>): SimFs {
  const { mtime, at } = s;
  const base = simFs(jb, TEMPLATE_HOOKS, init);
  // Symbolic links take the simulated clock's time too (just-bash stamps them with the real one).
  const linkTimes = base.linkTimes;
  const symlink = (target: string, path: string, time: Date) => {
    void jb.InMemoryFs.prototype.symlink.call(base, target, path);
    linkTimes.set(path, time);
  };
  // just-bash stamps a new directory with the real clock: the root's time instead. While the root is built, utimes is
  // just-bash's own (simfs.ts adds nothing before `live`), called directly: no promise chain per directory.
  const stamp = (d: string, t = mtime) => void jb.InMemoryFs.prototype.utimes.call(base, d, t, t);
  for (const d of s.dirs) {
    base.mkdirSync(d, { recursive: true });
    stamp(d, at(d));
  }
  if (s.merged) {
    for (const d of ['/usr/sbin', '/usr/lib', '/usr/lib64', ...UBUNTU_DIRS, ...NODE_EMPTY_DIRS, ...Object.keys(DOCKER_ROOT_DIRS)]) {
      base.mkdirSync(d, { recursive: true });
      stamp(d);
    }
    symlink('/run/lock', '/var/lock', mtime);
    symlink('/run', '/var/run', mtime);
    // Ubuntu's /etc/resolv.conf is systemd-resolved's stub file (fs/hostfiles.ts).
    for (const [path, target] of [
      ['/bin', 'usr/bin'],
      ['/sbin', 'usr/sbin'],
      ['/lib', 'usr/lib'],
      ['/lib64', 'usr/lib64'],
      ['/etc/resolv.conf', '../run/systemd/resolve/stub-resolv.conf'],
    ] as const)
      symlink(target, path, mtime);
    stamp('/usr/bin');
    stamp('/usr');
    for (const [path, target, ms] of s.hostLinks) symlink(target, path, new Date(ms ?? mtime.getTime()));
    // Programs Ubuntu ships in both places: /usr/sbin/NAME is a relative link to ../bin/NAME.
    for (const [n, where] of Object.entries(SBIN)) if (where === 'both' && s.names.has(n)) symlink(`../bin/${n}`, `/usr/sbin/${n}`, mtime);
  }
  for (const [path, target] of Object.entries(s.links())) symlink(target, path, at(path));
  ownAll(base, s);
  return base;
}

/** The image's own modes and owners (its layers' tar headers: image/adapter.ts imagePaths); node1's. */
function ownAll(base: SimFs, s: BaseSpec): void {
  for (const [p, [mode, uid, gid]] of Object.entries(s.meta)) base.own(p, mode, uid, gid);
  if (s.merged) hostModes(base);
}

/** A root's base filesystem (not yet `live`), with `hooks` for its reads and writes from now on. */
export function rootBase(jb: typeof JB, hooks: SimFsHooks, s: BaseSpec): SimFs {
  const base = sharing(simFs({ ...jb, InMemoryFs: cowMemFs(jb) }, hooks, {}));
  let init: ReturnType<BaseSpec['init']> | undefined;
  const files = () => (init ??= s.init());
  fillFromTemplate(base, s.key ?? keyOf(s, files()), s.mtime, () => build(jb, s, files()));
  const entries = (base as unknown as { data: Map<string, JB.FsEntry> }).data;
  // The root's own files, as the template's were written (no mode of their own, the root's time).
  for (const [p, content] of Object.entries(s.own)) if (entries.get(p)?.type === 'file') base.writeFileSync(p, content, undefined, { mtime: s.mtime });
  // Changes the container made before its shell existed (its program's start-up writes), before the image's modes.
  for (const [p, e] of s.upper ?? []) {
    if (e.type === 'dir') base.mkdirSync(p, { recursive: true });
    else if (e.type === 'file' && e.data) base.writeFileSync(p, e.data, undefined, { mode: e.mode, mtime: s.mtime });
  }
  // The paths just written lost the image's modes and owners: those again (each of the template's entries already has
  // its own, and giving it them again would copy it into the root: cowentries.ts).
  if (s.merged) {
    if (Object.keys(s.own).length || s.upper?.size) ownAll(base, s);
  } else
    for (const p of [...Object.keys(s.own), ...(s.upper?.keys() ?? [])]) {
      const m = s.meta[p];
      if (m) base.own(p, m[0], m[1], m[2]);
    }
  // node1's lost+found is its owner's alone (mkfs.ext4); chmod, as ever: its ctime is the first line's.
  if (s.merged) void base.chmod('/lost+found', 0o700);
  return base;
}

/**
 * A root whose entries its template shares (cowentries.ts): simfs.ts's own() and settle() change entries in place, so
 * each first makes the entries it changes the root's own.
 */
function sharing(base: SimFs): SimFs {
  const { own, settle } = base;
  const ownShared: SimFs['own'] = (path, mode, uid, gid) => {
    writable(base, path);
    own.call(base, path, mode, uid, gid);
  };
  const settleShared: SimFs['settle'] = (mtime, now, only) => {
    const entries = (base as unknown as { data: Map<string, JB.FsEntry> }).data;
    // Only the late directories are read and made the root's own: reading every entry would copy each the template shares.
    const late = only ? [...only] : entries instanceof CowEntries ? [...entries.directoriesAfter(now)] : undefined;
    if (!late) {
      for (const [p, e] of entries) if (e.type === 'directory' && e.mtime.getTime() > now) writable(base, p);
      settle.call(base, mtime, now);
      return;
    }
    for (const p of late) writable(base, p);
    settle.call(base, mtime, now, late);
  };
  base.own = ownShared;
  base.settle = settleShared;
  return base;
}

/**
 * node1's directories beyond those its files imply: the root of Ubuntu 24.04's base system as the ubuntu:24.04
 * image has it (base-files 13ubuntu10, with usrmerge's `*.usr-is-merged` markers), and /var's directories; with
 * the server's lost+found (mkfs.ext4) and /snap (snapd, in the ubuntu-server seed). /var/lock and /var/run are
 * links into /run (base-files). No upstream listing was read for this set: it is node1's, as remembered.
 */
const UBUNTU_DIRS = [
  '/bin.usr-is-merged',
  '/boot',
  '/lib.usr-is-merged',
  '/lost+found',
  '/media',
  '/mnt',
  '/opt',
  '/sbin.usr-is-merged',
  '/snap',
  '/srv',
  '/var/backups',
  '/var/cache',
  '/var/crash',
  '/var/local',
  '/var/log',
  '/var/mail',
  '/var/opt',
  '/var/snap',
  '/var/spool',
  '/var/tmp',
  '/run/lock',
];

/**
 * On node1, /tmp and /var/tmp are sticky and world-writable (1777) and /root is its owner's alone (0700), as
 * Ubuntu's base-files makes them; an image's directories have the modes its layers give them (image/adapter.ts).
 */
function hostModes(fs: SimFs): void {
  for (const [p, mode] of [
    ['/tmp', 0o1777],
    ['/var/tmp', 0o1777],
    ['/root', 0o700],
  ] as const)
    fs.own(p, mode, 0, 0);
  for (const [p, [mode, uid, gid]] of Object.entries({ ...USER_DB_MODES, ...HOME_MODES, ...RUNTIME_SOCKETS })) fs.own(p, mode, uid, gid);
  for (const [p, mode] of Object.entries({ ...DOCKER_ROOT_DIRS, ...Object.fromEntries(Object.entries(DOCKER_ROOT_FILES).map(([f, v]) => [f, v.mode])) }))
    fs.own(p, mode, 0, 0);
}
