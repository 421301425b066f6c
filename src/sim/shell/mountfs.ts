/**
 * A root's mounts (rootfs.ts): just-bash's MountableFs with the kernel's path walk in front (fs/namei.ts), so a link
 * is followed into another mount and through links in its own target. Calls that follow a last link (open, stat,
 * opendir, chmod, utimes) walk the whole path; the others (lstat, readlink, unlink, rename, mkdir, symlink, link) all
 * but its last component. An error names the path as the caller spelled it.
 *
 * A trailing slash makes a lookup follow the last link and ask for a directory (linux v6.8 fs/namei.c lookup_last:
 * `LOOKUP_FOLLOW | LOOKUP_DIRECTORY` when the name goes on with '/'), so `test -L link/` is false and `lstat`, `stat`,
 * `readlink` of `file/` are ENOTDIR. just-bash's resolvePath drops the slash (its test builtin and `[[ -L ]]` look up
 * `fs.resolvePath(cwd, word)`): here it is kept where it changes the answer (namei.ts slashMatters: a link or no
 * directory), and lstat, stat, exists and readlink honour it; the other calls take the path without it, as before.
 */
import type * as JB from 'just-bash';
import { type Mounted, slashMatters, walk } from '../fs/namei.ts';
import { normalizePath } from '../path.ts';

/**
 * Told of each path refused: its walk met ELOOP, it was spelled with a trailing slash and is no directory (ENOTDIR),
 * or it is a directory read as a file (EISDIR): the wrapper words just-bash's "No such file or directory" for it with
 * the errno's text (denied.ts). Or a write was to open it spelled with a trailing slash (EISDIR, `write`: the shell
 * reports it after the line, as it does a read-only root's).
 */
type OnRefused = (path: string, code: Refusal, write?: boolean) => void;
/** ELOOP and ENOTDIR refuse a lookup; EISDIR, a read of a directory or a write's open of a name spelled with a trailing slash. */
export type Refusal = 'ELOOP' | 'ENOTDIR' | 'EISDIR';
type Ctor = new (options: JB.MountableFsOptions, onRefused: OnRefused) => JB.MountableFs;

let madeFor: typeof JB.MountableFs | undefined;
let made: Ctor | undefined;

/** The class is made once per just-bash MountableFs class (as simfs.ts does for InMemoryFs) and reused by every root. */
export function mountFs(jb: typeof JB, options: JB.MountableFsOptions, onRefused: OnRefused): JB.MountableFs {
  if (madeFor !== jb.MountableFs || !made) {
    madeFor = jb.MountableFs;
    made = walkingClass(jb.MountableFs);
  }
  return new made(options, onRefused);
}

function walkingClass(Base: typeof JB.MountableFs): Ctor {
  return class Walking extends Base {
    private readonly root: JB.IFileSystem;
    private readonly onRefused: OnRefused;
    constructor(options: JB.MountableFsOptions, onRefused: OnRefused) {
      super(options);
      this.root = options.base ?? (this as unknown as { baseFs: JB.IFileSystem }).baseFs;
      this.onRefused = onRefused;
    }
    /** `path` with its links followed, or as spelled when the walk gives it back. */
    private at(path: string, followLast: boolean, op: string): string {
      const abs = normalizePath(path);
      const mounts: readonly Mounted[] = this.getMounts();
      try {
        return walk(this.root, mounts, abs, followLast, op) ?? abs;
      } catch (e) {
        this.onRefused(abs, 'ELOOP');
        throw e;
      }
    }
    override resolvePath(base: string, path: string): string {
      const abs = super.resolvePath(base, path);
      return path.length > 1 && path.endsWith('/') && abs !== '/' && slashMatters(this.root, this.getMounts(), abs) ? `${abs}/` : abs;
    }
    /** A lookup of `path`; one spelled with a trailing slash follows its last link and must be a directory. */
    private look<T>(path: string, followLast: boolean, op: string, f: (p: string) => Promise<T>): Promise<T> {
      if (path.length < 2 || !path.endsWith('/')) return this.on(path, followLast, op, f);
      return this.on(path, true, op, async (p) => {
        if (!(await super.stat(p)).isDirectory) {
          this.onRefused(path, 'ENOTDIR');
          throw new Error(`ENOTDIR: not a directory, ${op} '${path}'`);
        }
        return f(p);
      });
    }
    /** Runs `f` on the walked path; an error names `path` as spelled. */
    private async on<T>(path: string, followLast: boolean, op: string, f: (p: string) => Promise<T>): Promise<T> {
      const p = this.at(path, followLast, op);
      if (p === path) return f(p);
      try {
        return await f(p);
      } catch (e) {
        if (e instanceof Error && e.message.includes(`'${p}'`)) e.message = e.message.split(`'${p}'`).join(`'${path}'`);
        throw e;
      }
    }
    /** A read of `path`: open(2) and read(2); reading a directory is EISDIR, which the wrapper words (denied.ts). */
    private async read<T>(path: string, f: (p: string) => Promise<T>): Promise<T> {
      try {
        return await this.look(path, true, 'open', f);
      } catch (e) {
        if (e instanceof Error && e.message.startsWith('EISDIR')) this.onRefused(path, 'EISDIR');
        throw e;
      }
    }
    override readFile(path: string, options?: Parameters<JB.MountableFs['readFile']>[1]) {
      return this.read(path, (p) => super.readFile(p, options));
    }
    override readFileBytes(path: string) {
      return this.read(path, (p) => super.readFileBytes(p));
    }
    override readFileBuffer(path: string) {
      return this.read(path, (p) => super.readFileBuffer(p));
    }
    override writeFile(path: string, content: JB.FileContent, options?: Parameters<JB.MountableFs['writeFile']>[2]) {
      return this.create(path, (p) => super.writeFile(p, content, options));
    }
    override appendFile(path: string, content: JB.FileContent, options?: Parameters<JB.MountableFs['appendFile']>[2]) {
      return this.create(path, (p) => super.appendFile(p, content, options));
    }
    /**
     * A write opens with O_CREAT: a name spelled with a trailing slash is EISDIR whatever it names (linux v6.8
     * fs/namei.c open_last_lookups, under "trailing slashes?": `if (unlikely(nd->last.name[nd->last.len])) return
     * ERR_PTR(-EISDIR);`). Only a link or a non-directory keeps its slash here (resolvePath), so the walk to its
     * directory has succeeded. Nothing is written; the refusal goes to the shell's write errors, as a read-only
     * root's do (a redirection's exception would escape the whole line: fs/generated.ts onWriteError).
     */
    private create(path: string, f: (p: string) => Promise<void>): Promise<void> {
      if (path.length < 2 || !path.endsWith('/')) return this.on(path, true, 'open', f);
      this.onRefused(path, 'EISDIR', true);
      return Promise.resolve();
    }
    override async exists(path: string) {
      try {
        return await this.look(path, true, 'stat', (p) => super.exists(p));
      } catch (e) {
        // A loop, or a trailing slash on no directory or on a dangling link, is an answer (no such file to test);
        // anything else is just-bash's to throw, as its own exists does.
        const slashed = path.length > 1 && path.endsWith('/');
        if (e instanceof Error && (e.message.startsWith('ELOOP') || (slashed && /^ENO(?:TDIR|ENT)/.test(e.message)))) return false;
        throw e;
      }
    }
    override stat(path: string) {
      return this.look(path, true, 'stat', (p) => super.stat(p));
    }
    override lstat(path: string) {
      return this.look(path, false, 'lstat', (p) => super.lstat(p));
    }
    override mkdir(path: string, options?: JB.MkdirOptions) {
      return this.on(path, false, 'mkdir', (p) => super.mkdir(p, options));
    }
    override readdir(path: string) {
      return this.on(path, true, 'scandir', (p) => super.readdir(p));
    }
    /**
     * unlink(2) and rmdir(2) of a name spelled with a trailing slash do not follow its last link: a link or a file there
     * is ENOTDIR (linux v6.8 fs/namei.c do_unlinkat, `slashes:`; do_rmdir → may_delete: `if (!d_is_dir(victim)) return
     * -ENOTDIR`). rm -r of `link/` (coreutils@v9.4:src/remove.c, fts opening the directory the slash leads to) empties
     * the link's target first, then fails on the link itself.
     */
    override async rm(path: string, options?: JB.RmOptions) {
      if (path.length < 2 || !path.endsWith('/')) return this.on(path, false, 'rm', (p) => super.rm(p, options));
      const bare = path.slice(0, -1);
      const st = await this.lstat(bare);
      if (st.isDirectory) return this.on(bare, false, 'rm', (p) => super.rm(p, options));
      if (st.isSymbolicLink && options?.recursive && (await this.stat(path)).isDirectory)
        for (const name of await this.readdir(path)) await this.rm(`${path}${name}`, { recursive: true, force: options.force });
      this.onRefused(path, 'ENOTDIR');
      throw new Error(`ENOTDIR: not a directory, rm '${path}'`);
    }
    override cp(src: string, dest: string, options?: JB.CpOptions) {
      return this.on(src, true, 'cp', (s) => this.on(dest, true, 'cp', (d) => super.cp(s, d, options)));
    }
    /** rename(2) of a source spelled `name/` that is no directory itself (a link to one too) is ENOTDIR (linux v6.8 fs/namei.c do_renameat2). */
    override async mv(src: string, dest: string) {
      if (src.length > 1 && src.endsWith('/') && !(await this.lstat(src.slice(0, -1))).isDirectory) {
        this.onRefused(src, 'ENOTDIR');
        throw new Error(`ENOTDIR: not a directory, rename '${src}'`);
      }
      return this.on(src, false, 'mv', (s) => this.on(dest, false, 'mv', (d) => super.mv(s, d)));
    }
    override chmod(path: string, mode: number) {
      return this.on(path, true, 'chmod', (p) => super.chmod(p, mode));
    }
    override symlink(target: string, linkPath: string) {
      return this.on(linkPath, false, 'symlink', (p) => super.symlink(target, p));
    }
    override link(existing: string, newPath: string) {
      return this.on(existing, false, 'link', (s) => this.on(newPath, false, 'link', (d) => super.link(s, d)));
    }
    override readlink(path: string) {
      return this.look(path, false, 'readlink', (p) => super.readlink(p));
    }
    override realpath(path: string) {
      return this.on(path, true, 'realpath', (p) => super.realpath(p));
    }
    override utimes(path: string, atime: Date, mtime: Date) {
      return this.on(path, true, 'utimes', (p) => super.utimes(p, atime, mtime));
    }
  };
}
