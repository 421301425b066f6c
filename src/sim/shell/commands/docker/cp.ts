/**
 * `docker cp [OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-` and `docker cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH`.
 * Client: docker/cli@v27.3.1:cli/command/container/cp.go (directions, "Successfully copied",
 * ValidateOutputPath in cli/command/utils.go). Daemon: moby@v27.3.1:daemon/archive.go and
 * daemon/archive_unix.go (the archive of a path, the extraction point, read-only checks,
 * "Could not find the file … in container …" from daemon/errors.go). Copy rules:
 * moby@v27.3.1:pkg/archive/copy.go (cpfs.ts).
 */
import type { ExecResult } from '../../../api.ts';
import { normPath } from '../../../image/tree.ts';
import { humanSize } from '../../../image/units.ts';
import type { Container } from '../../../docker/container.ts';
import type { CmdEnv } from '../../types.ts';
import { arity, daemonErr } from './errors.ts';
import { collect, ContainerView, CopyError, extract, fromTar, HostView, rebaseEntries, tarSize, toTar, type ArcEntry, type FsView } from './cpfs.ts';
import { defineCommand } from './define.ts';

/** A client-side error, printed by main with Fprintln (exit 1). */
const fail = (msg: string, stderr = ''): ExecResult => ({ stdout: '', stderr: `${stderr}${msg}\n`, exitCode: 1 });

/** splitCpArg: an absolute path is local; else CONTAINER:PATH unless it starts with '.' or has no ':'. */
function splitCpArg(arg: string): [string, string] {
  if (arg.startsWith('/')) return ['', arg];
  const i = arg.indexOf(':');
  if (i < 0 || arg.startsWith('.')) return ['', arg];
  return [arg.slice(0, i), arg.slice(i + 1)];
}

const endsDot = (p: string) => p === '.' || p.endsWith('/.');
/** archive.PreserveTrailingDotOrSeparator. */
function preserveTrailing(cleaned: string, original: string): string {
  let out = cleaned;
  if (!endsDot(out) && endsDot(original)) out += (out.endsWith('/') ? '' : '/') + '.';
  if (!out.endsWith('/') && original.endsWith('/')) out += '/';
  return out;
}
/** filepath.Abs against the shell's directory, trailing `/` or `/.` kept. */
const absLocal = (cwd: string, p: string) => preserveTrailing(normPath(p.startsWith('/') ? p : `${cwd}/${p}`), p);
/** archive.SplitPathDirEntry. */
function splitDirEntry(p: string): [string, string] {
  const clean = normPath(p.startsWith('/') ? p : `/${p}`) + (endsDot(p) && p !== '.' ? '/.' : '');
  const i = clean.lastIndexOf('/');
  return [i <= 0 ? '/' : clean.slice(0, i), clean.slice(i + 1) || '/'];
}
const assertsDir = (p: string) => p.endsWith('/') || endsDot(p);

interface Info {
  path: string;
  exists: boolean;
  isDir: boolean;
  rebase?: string;
}

/** PrepareArchiveCopy: the directory to extract into and the archive entries renamed for it. */
function prepareCopy(entries: ArcEntry[], src: Info, dst: Info): { dir: string; entries: ArcEntry[] } {
  const [dstDir, dstBase] = splitDirEntry(dst.path);
  const srcBase = src.rebase || splitDirEntry(src.path)[1];
  if (dst.exists && dst.isDir) return { dir: dst.path.replace(/\/\.?$/, '') || '/', entries };
  if (dst.exists && src.isDir) throw new CopyError('cannot copy directory');
  if (!dst.exists && !src.isDir && assertsDir(dst.path)) throw new CopyError('no such directory');
  return { dir: dstDir, entries: rebaseEntries(entries, splitDirEntry(src.path)[1], dstBase === '.' ? srcBase : dstBase) };
}

/** The container's filesystem view (undefined when it has no overlay root yet). */
function containerView(env: CmdEnv, c: Container): ContainerView | undefined {
  const lib = env.daemon.lib;
  const root = lib?.rootfs.get(c.id)?.root;
  if (!lib || !root) return undefined;
  const tmpfs = Object.keys(c.hostConfig.Tmpfs ?? {}).map((d) => ({ type: 'tmpfs' as const, source: '', destination: d, readOnly: false }));
  return new ContainerView(root, env.rootFs(c.id), [...(lib.mounts.get(c.id) ?? []), ...tmpfs]);
}

/** stat a path in a view, following a symlink in the last component when asked. */
async function statInfo(view: FsView, path: string): Promise<Info | undefined> {
  const n = await view.lstat(normPath(path));
  return n ? { path, exists: true, isDir: n.type === 'dir' } : undefined;
}

/** Bytes as a latin1-shaped string (one char per byte), what just-bash pipes carry. */
export function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return s;
}

type Opts = { quiet: boolean; follow: boolean; archive: boolean };

async function fromContainer(env: CmdEnv, name: string, srcPathIn: string, dstIn: string, o: Opts): Promise<ExecResult> {
  const host = new HostView(env.fs);
  const dst = dstIn === '-' ? '-' : absLocal(env.cwd, dstIn);
  if (dst !== '-') {
    // docker/cli@v27.3.1:cli/command/utils.go ValidateOutputPath.
    const dir = splitDirEntry(normPath(dst))[0];
    if ((await host.lstat(dir)) === undefined) return fail(`invalid output path: directory "${dir}" does not exist`);
  }
  const c = env.daemon.find(name);
  if (!c) return fail(daemonErr(`No such container: ${name}`).trimEnd());
  const view = containerView(env, c);
  if (!view) return fail(daemonErr(`No such container: ${name}`).trimEnd());
  let srcPath = srcPathIn;
  let rebase = '';
  if (o.follow) {
    const n = await view.lstat(normPath(`/${srcPath}`));
    if (n?.type === 'symlink') {
      const t = n.target ?? '';
      const target = t.startsWith('/') ? t : normPath(`${splitDirEntry(`/${srcPath}`)[0]}/${t}`);
      const resolved = preserveTrailing(target, srcPath);
      const a = splitDirEntry(srcPath)[1];
      if (a !== splitDirEntry(resolved)[1]) rebase = a;
      srcPath = resolved;
    }
  }
  // moby@v27.3.1:daemon/archive_unix.go containerArchivePath.
  const abs = preserveTrailing(normPath(`/${srcPath}`), srcPath);
  const real = await view.resolve(splitDirEntry(abs)[0]);
  const full = real === undefined ? undefined : normPath(`${real}/${splitDirEntry(abs)[1]}`);
  const stat = full === undefined ? undefined : await view.lstat(full);
  // moby@v27.3.1:daemon/errors.go containerFileNotFound.
  if (!full || !stat || (stat.type !== 'dir' && assertsDir(abs))) return fail(daemonErr(`Could not find the file ${srcPath} in container ${name}`).trimEnd());
  const entries = await collect(view, full, stat.type === 'dir' ? splitDirEntry(abs)[1] : splitDirEntry(full)[1]);
  env.daemon.emitFor(c, 'archive-path');
  if (dst === '-') {
    const tar = await toTar(entries);
    return { stdout: latin1(tar), stdoutKind: 'bytes', stderr: '', exitCode: 0 };
  }
  const src: Info = { path: srcPath, exists: true, isDir: stat.type === 'dir', ...(rebase ? { rebase } : {}) };
  let size = 0;
  let err = '';
  try {
    const d = await destInfo(host, dst);
    const prep = prepareCopy(entries, src, d);
    size = tarSize(entries);
    await extract(host, prep.dir, prep.entries);
  } catch (e) {
    err = e instanceof CopyError ? e.message : String(e);
  }
  const note = o.quiet ? '' : `Successfully copied ${humanSize(size)} to ${dst}\n`;
  return { stdout: '', stderr: `${note}${err ? `${err}\n` : ''}`, exitCode: err ? 1 : 0 };
}

/** archive.CopyInfoDestinationPath: follows a symlink at the destination; the parent must exist. */
async function destInfo(view: FsView, path: string): Promise<Info> {
  let cur = path;
  for (let n = 0; ; n++) {
    const st = await view.lstat(normPath(cur));
    if (st && st.type !== 'symlink') return { path: cur, exists: true, isDir: st.type === 'dir' };
    if (!st) break;
    if (n > 10) throw new CopyError(`too many symlinks in ${path}`);
    const t = st.target ?? '';
    cur = t.startsWith('/') ? t : normPath(`${splitDirEntry(cur)[0]}/${t}`);
  }
  const parent = splitDirEntry(cur)[0];
  const real = await view.resolve(parent);
  const pst = real === undefined ? undefined : await view.lstat(real);
  if (!pst) throw new CopyError(`stat ${parent}: no such file or directory`);
  if (pst.type !== 'dir') throw new CopyError('not a directory');
  return { path: cur, exists: false, isDir: false };
}

async function toContainer(env: CmdEnv, name: string, srcIn: string, dstPath: string, o: Opts): Promise<ExecResult> {
  const host = new HostView(env.fs);
  const c = env.daemon.find(name);
  const view = c ? containerView(env, c) : undefined;
  // ContainerStatPath: errors (a missing container among them) are ignored here.
  let dst: Info = { path: dstPath, exists: false, isDir: false };
  if (view) {
    const n = await view.lstat(normPath(`/${dstPath}`));
    if (n?.type === 'symlink') {
      const t = n.target ?? '';
      dst.path = t.startsWith('/') ? t : normPath(`${splitDirEntry(`/${dstPath}`)[0]}/${t}`);
      dst = (await statInfo(view, dst.path)) ?? dst;
    } else if (n) dst = { path: dstPath, exists: true, isDir: n.type === 'dir' };
  }
  let entries: ArcEntry[];
  let dir: string;
  let size = 0;
  if (srcIn === '-') {
    if (!dst.isDir) return fail(`destination "${name}:${dstPath}" must be a directory`);
    try {
      entries = await fromTar(env.stdinBytes());
    } catch (e) {
      return fail(daemonErr(`${(e as Error).message}`).trimEnd());
    }
    dir = dst.path;
  } else {
    const srcPath = absLocal(env.cwd, srcIn);
    // archive.CopyInfoSourcePath / ResolveHostSourcePath: symlinks before the last separator are resolved.
    let resolved: string;
    let rebase = '';
    const [sd, sb] = splitDirEntry(srcPath);
    if (o.follow) {
      const r = await host.resolve(normPath(srcPath));
      if (r === undefined) return fail(`lstat ${normPath(srcPath)}: no such file or directory`);
      resolved = preserveTrailing(r, srcPath);
      if (sb !== splitDirEntry(resolved)[1]) rebase = sb;
    } else {
      const rd = await host.resolve(sd);
      if (rd === undefined) return fail(`lstat ${sd}: no such file or directory`);
      resolved = normPath(`${rd}/${sb}`) + (endsDot(srcPath) ? '/.' : srcPath.endsWith('/') ? '/' : '');
    }
    const st = await host.lstat(normPath(resolved));
    if (!st) return fail(`lstat ${normPath(resolved)}: no such file or directory`);
    if (st.type !== 'dir' && assertsDir(resolved)) return fail(`lstat ${resolved}: not a directory`);
    const src: Info = { path: resolved, exists: true, isDir: st.type === 'dir', ...(rebase ? { rebase } : {}) };
    const all = await collect(host, normPath(resolved), splitDirEntry(resolved)[1]);
    try {
      const prep = prepareCopy(all, src, dst);
      entries = prep.entries;
      dir = prep.dir;
    } catch (e) {
      return fail((e as Error).message);
    }
    size = tarSize(entries);
  }
  const done = (err: string): ExecResult => {
    const note = o.quiet ? '' : `Successfully copied ${humanSize(size)} to ${name}:${dst.path}\n`;
    return { stdout: '', stderr: `${note}${err ? daemonErr(err) : ''}`, exitCode: err ? 1 : 0 };
  };
  if (!c || !view) return done(`No such container: ${name}`);
  // moby@v27.3.1:daemon/archive_unix.go containerExtractToDir.
  const abs = await view.resolve(normPath(`/${dir}`));
  if (abs === undefined) return done(`Could not find the file ${dir} in container ${name}`);
  if ((await view.lstat(abs))?.type !== 'dir') return done('extraction point is not a directory');
  const mount = view.mountOf(abs);
  const inVolume = mount !== undefined && mount.type !== 'tmpfs';
  if (inVolume && mount.readOnly) return done('mounted volume is marked read-only');
  if (!inVolume && c.hostConfig.ReadonlyRootfs) return done('container rootfs is marked read-only');
  const chown = o.archive ? await userIds(view, env, c.config.User) : undefined;
  if (typeof chown === 'string') return done(chown);
  try {
    await extract(view, abs, entries, chown);
  } catch (e) {
    return done(e instanceof CopyError ? e.message : String(e));
  }
  env.daemon.emitFor(c, 'extract-to-dir');
  return done('');
}

/**
 * `-a`: moby@v27.3.1:daemon/archive_tarcopyoptions_unix.go tarCopyOptions: everything is
 * owned by the container's configured user (none set: the archive's own ids), looked up in
 * the container's /etc/passwd, then with getent on the host (pkg/idtools LookupUser).
 */
async function userIds(view: FsView, env: CmdEnv, user: string): Promise<{ uid: number; gid: number } | string | undefined> {
  if (!user) return undefined;
  const find = (text: string, key: string) =>
    text
      .split('\n')
      .map((l) => l.split(':'))
      .find((f) => f.length >= 4 && (f[0] === key || f[2] === key));
  const inCtr = await view
    .read('/etc/passwd')
    .then((b) => new TextDecoder().decode(b))
    .catch(() => '');
  const f =
    inCtr
      .split('\n')
      .map((l) => l.split(':'))
      .find((x) => x.length >= 4 && x[0] === user) ?? find(await env.fs.readFile('/etc/passwd').catch(() => ''), user);
  if (!f) return `getent failed to find passwd entry for "${user}"`;
  return { uid: Number(f[2]), gid: Number(f[3]) };
}

// docker/cli@v27.3.1:cli/command/container/cp.go
export default defineCommand({
  use: 'cp [OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n	docker cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH',
  short: 'Copy files/folders between a container and the local filesystem',
  long: "Copy files/folders between a container and the local filesystem\n\nUse '-' as the source to read a tar archive from stdin\nand extract it to a directory destination in a container.\nUse '-' as the destination to stream a tar archive of a\ncontainer source to stdout.",
  aliases: 'docker container cp, docker cp',
  flags: [
    { long: 'archive', short: 'a', type: 'bool', usage: 'Archive mode (copy all uid/gid information)' },
    { long: 'follow-link', short: 'L', type: 'bool', usage: 'Always follow symbol link in SRC_PATH' },
    {
      long: 'quiet',
      short: 'q',
      type: 'bool',
      usage: 'Suppress progress output during copy. Progress output is automatically suppressed if no terminal is attached',
    },
  ],
  async run(flags, rest, env, cmd) {
    const argErr = arity(cmd, rest.length, 2);
    if (argErr) return argErr;
    const [source, destination] = rest as [string, string];
    if (source === '') return fail('source can not be empty');
    if (destination === '') return fail('destination can not be empty');
    const quiet = flags.quiet === true || !env.tty;
    const [srcCtr, srcPath] = splitCpArg(source);
    const [dstCtr, dstPath] = splitCpArg(destination);
    if (srcCtr && dstCtr) return fail('copying between containers is not supported');
    if (!srcCtr && !dstCtr) return fail('must specify at least one container source');
    await env.daemon.imageLib();
    const o = { quiet, follow: flags['follow-link'] === true, archive: flags.archive === true };
    return srcCtr ? fromContainer(env, srcCtr, srcPath, dstPath, o) : toContainer(env, dstCtr, srcPath, dstPath, o);
  },
});
