/**
 * /dev, served from the trees of fs/devnodes.ts: a container's (runc's and moby's defaults) or node1's (Ubuntu 24.04's
 * devtmpfs on a QEMU cloud VM). Device nodes stat as character or block devices (S_IFCHR, S_IFBLK) with their numbers
 * (`rdev`) and group; the terminals in use are devpts slaves, pts/N (136:N).
 *
 * Reading an endless device (zero, full, random, urandom) returns what the reader asks for
 * (`head -c N`: `wants`), or else one pipe buffer (64 KiB) and tells `onEndless`, so the shell can
 * treat a reader that never stops (cat) as it treats `sleep infinity` (shell/runtime.ts endlessReader). urandom's bytes come from the world's seeded
 * generator, so a replay prints the same bytes.
 */
import type { FsStat } from 'just-bash';
import type { Host } from '../host.ts';
import { containerDev, type DevDir, type DevEntry, type DevNode, hostDev, PTS_SLAVE } from './devnodes.ts';
import { GeneratedFs, type GenNode } from './generated.ts';

/** The name the shell gives /dev/full as a redirection target (shell/devfull.ts): the same device, not listed. */
export const FULL_ALIAS = '.cc-full';

/** Whose /dev: node1's, or a container's (`tty`: it was given a terminal, so /dev/console is its slave). */
export interface DevRoot {
  host: boolean;
  tty: boolean;
  /** The container whose processes' terminals (an exec's -t) are its pts slaves. */
  containerId?: string;
  /** Nodes runc made besides its defaults (--device, --privileged: devnodes.ts containerDevices), by path below /dev. */
  extra?: Record<string, DevNode>;
}

const S_IFCHR = 0o020000;
const S_IFBLK = 0o060000;

/** Linux's default pipe buffer: what a reader like head gets before the writer would block. */
const PIPE_BUFFER = 65536;

const ENDLESS = new Set(['zero', 'full', 'random', 'urandom']);

/** The endless devices. */
export function isEndless(name: string): boolean {
  return ENDLESS.has(name);
}

/**
 * `n` bytes of an endless device: NULs from zero and full; from random and urandom, bytes of a fast
 * xorshift seeded by one draw of the world's generator, so a replay reads the same bytes.
 */
export function endlessBytes(host: Host, name: string, n: number): Uint8Array {
  const out = new Uint8Array(n);
  if (name === 'random' || name === 'urandom') {
    let x = (host.rng.int(0x7fffffff) | 1) >>> 0;
    for (let i = 0; i < n; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      out[i] = x & 255;
    }
  }
  return out;
}

/** The stat of a device node: `rdev` (major, minor) and a tmpfs directory's size ride along for ls. */
export type DevStat = FsStat & {
  rdev?: { major: number; minor: number };
  dirSize?: number;
  /** devpts keeps no birth time. */
  noBirth?: boolean;
  /** The inode number, where the filesystem fixes it: devpts numbers ptmx 2 and pty N N+3 (linux@v6.8:fs/devpts/inode.c mknod_ptmx, devpts_pty_new). */
  devIno?: number;
};

/** A process substitution's descriptor as the shell names it: /dev/fd/63, 62, … (bash-5.2:subst.c process_substitute). */
const SUBST_FD = /^\/fd\/(\d+)$/;

/** Bytes of a string written as a binary string (one char a byte) or as text (UTF-8). */
function bytesOf(content: string | Uint8Array, binary: boolean): Uint8Array {
  if (typeof content !== 'string') return content;
  return binary ? Uint8Array.from(content, (c) => c.charCodeAt(0) & 255) : new TextEncoder().encode(content);
}

export class DevFs extends GeneratedFs {
  /**
   * The pipes of live process substitutions `<(cmd)` / `>(cmd)`, by descriptor: bash hands the
   * command /dev/fd/N, which on Linux is /proc/self/fd/N, the pipe. just-bash runs the body first
   * and keeps its output in the file it writes there, removed when the command is done.
   */
  private readonly pipes = new Map<string, Uint8Array>();
  /** Called when a read of an endless device was cut at the bound. */
  onEndless: (path: string) => void = () => {};
  /**
   * How many bytes the reading command asks of an endless device (`head -c N`), within the line's
   * bounds (shell/readsize.ts); undefined for a reader that reads to the end.
   */
  wants: () => number | undefined = () => undefined;

  /** The tree this /dev serves. */
  private readonly tree: DevDir;

  constructor(
    private readonly host: Host,
    private readonly createdMs: () => number,
    private readonly root: DevRoot,
  ) {
    super('/dev');
    this.tree = root.host ? hostDev() : containerDev();
  }

  protected override mtime(): Date {
    return new Date(this.createdMs());
  }

  /**
   * The terminals open on this /dev's devpts: on node1 the learner's, pts/0 (shell/commands/tty.ts); in a container
   * its own with -t and an exec's with -t (each given pts/0 by this simulator: docker/exec.ts, runtime/runc.ts).
   */
  private slaves(): number[] {
    if (this.root.host) return [0];
    const n = new Set<number>(this.root.tty ? [0] : []);
    if (this.root.containerId)
      for (const p of this.host.kernel.procs.values()) if (p.containerId === this.root.containerId && p.tty.startsWith('pts/')) n.add(Number(p.tty.slice(4)));
    return [...n];
  }

  /** A directory's entries, with the terminals in use in pts/ and, in a container given one, console (its slave). */
  private entries(d: DevDir, at: string): Record<string, DevEntry> {
    if (at === 'pts') return { ...d.entries, ...Object.fromEntries(this.slaves().map((n) => [String(n), PTS_SLAVE(n)])) };
    const own = at === '' && !this.root.host && this.root.tty ? { ...d.entries, console: PTS_SLAVE(0) } : d.entries;
    return this.root.extra ? { ...this.extraIn(at), ...own } : own;
  }

  /**
   * The extra nodes in the directory `at`, and the directories runc made on their way (0755); runc's own entries win
   * (setupPtmx replaces a host's ptmx node with its link).
   */
  private extraIn(at: string): Record<string, DevEntry> {
    const out: Record<string, DevEntry> = {};
    const prefix = at ? `${at}/` : '';
    for (const [path, node] of Object.entries(this.root.extra ?? {})) {
      if (!path.startsWith(prefix)) continue;
      const rest = path.slice(prefix.length).split('/');
      out[rest[0] as string] = rest.length === 1 ? node : { t: 'd', mode: 0o755, entries: {} };
    }
    return out;
  }

  /** The entry at `parts` below /dev, links not followed. */
  private find(parts: readonly string[]): DevEntry | undefined {
    let e: DevEntry = this.tree;
    for (let i = 0; i < parts.length; i++) {
      if (e.t !== 'd') return undefined;
      const all = this.entries(e, parts.slice(0, i).join('/'));
      const name = parts[i] as string;
      if (!Object.hasOwn(all, name)) return undefined;
      e = all[name] as DevEntry;
    }
    return e;
  }

  protected lookup(path: string): GenNode | undefined {
    const parts = path.split('/').filter(Boolean);
    // The shell's stand-in for /dev/full as a redirection target (shell/devfull.ts): not listed, same device.
    const full = parts.length === 1 && (parts[0] === 'full' || parts[0] === FULL_ALIAS);
    const e = this.find(full ? ['full'] : parts);
    if (!e) return undefined;
    if (e.t === 'l') return { type: 'link', target: e.target };
    if (e.t === 'd') {
      const all = () => this.entries(e, parts.join('/'));
      return {
        type: 'dir',
        entries: () => Object.keys(all()).sort(),
        mode: e.mode,
        // tmpfs counts 20 bytes an entry over an empty directory's 40 (mm/shmem.c BOGO_DIRENT_SIZE); devpts and hugetlbfs 0.
        size: () => e.size ?? 40 + 20 * Object.keys(all()).length,
        nlink: () => 2 + Object.values(all()).filter((x) => x.t === 'd').length,
      };
    }
    return {
      type: 'file',
      content: () => '',
      // /dev/full: every write fails with ENOSPC (drivers/char/mem.c write_full); a command that writes nothing makes no write.
      write: full
        ? (t) => {
            if (t !== '') this.onWriteError('/dev/full', 'write error: No space left on device');
          }
        : () => {},
      mode: e.mode,
    };
  }

  /** The bytes a read returns: nothing from null and tty; from an endless device what the reader asks for, else the bound's worth. */
  private bytes(path: string): Uint8Array | undefined {
    const { node, path: p } = this.resolve(path, true);
    const name = p.split('/').filter(Boolean).join('/');
    if (node?.type !== 'file' || !ENDLESS.has(name)) return undefined;
    const want = this.wants();
    if (want === undefined) this.onEndless(`/dev/${name}`);
    return endlessBytes(this.host, name, want ?? PIPE_BUFFER);
  }

  /** The bytes of a live process substitution at `path`, if it is one. */
  private pipe(path: string): Uint8Array | undefined {
    const m = SUBST_FD.exec(path);
    return m ? this.pipes.get(m[1] as string) : undefined;
  }

  protected override resolve(path: string, followLast: boolean): { path: string; node: GenNode | undefined } {
    const b = this.pipe(path);
    if (b) return { path, node: { type: 'file', content: () => new TextDecoder().decode(b), mode: 0o600 } };
    return super.resolve(path, followLast);
  }

  override async readFile(path: string): Promise<string> {
    const p = this.pipe(path);
    if (p) return new TextDecoder().decode(p);
    const b = this.bytes(path);
    if (!b) return super.readFile(path);
    let s = '';
    for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode(...b.subarray(i, i + 8192));
    return s;
  }

  override async readFileBuffer(path: string): Promise<Uint8Array> {
    return this.pipe(path) ?? this.bytes(path) ?? super.readFileBuffer(path);
  }

  override async readFileBytes(path: string): Promise<never> {
    const p = this.pipe(path);
    if (p) return String.fromCharCode(...p) as never;
    return (await this.readFile(path)) as never;
  }

  override async rm(path: string): Promise<void> {
    const m = SUBST_FD.exec(path);
    if (m && this.pipes.delete(m[1] as string)) return;
    return super.rm(path);
  }

  override async appendFile(path: string, content: string | Uint8Array, options?: unknown): Promise<void> {
    return this.writeFile(path, content, options, true);
  }

  override async writeFile(path: string, content: string | Uint8Array, options?: unknown, append = false): Promise<void> {
    // The shell opens a process substitution's descriptor (fd 63 down to 10) by writing the body's output there.
    const m = SUBST_FD.exec(path);
    if (m && Number(m[1]) >= 10 && Number(m[1]) <= 63) {
      const binary = options === 'binary' || (options as { encoding?: string } | undefined)?.encoding === 'binary';
      const prev = append ? this.pipes.get(m[1] as string) : undefined;
      const next = bytesOf(content, binary);
      this.pipes.set(m[1] as string, prev ? new Uint8Array([...prev, ...next]) : next);
      return;
    }
    const { node } = this.resolve(path, true);
    if (node?.type === 'file' && node.write) {
      try {
        node.write(typeof content === 'string' ? content : content.length ? '\0' : '');
      } catch {
        this.onWriteError(`/dev${path}`, 'write error: No space left on device');
      }
      return;
    }
    return super.writeFile(path, content);
  }

  override async stat(path: string): Promise<DevStat> {
    return this.withDevice(path, await super.stat(path), true);
  }

  override async lstat(path: string): Promise<DevStat> {
    return this.withDevice(path, await super.lstat(path), false);
  }

  private withDevice(path: string, st: FsStat, follow: boolean): DevStat {
    const r = this.resolve(path, follow);
    const parts = r.path.split('/').filter(Boolean);
    const e = r.node?.type === 'file' ? this.find(parts.length === 1 && parts[0] === FULL_ALIAS ? ['full'] : parts) : undefined;
    if (e?.t !== 'c' && e?.t !== 'b') return st;
    const node: DevNode = e;
    // A terminal's inode takes the time of its last read or write, in steps of 8 s (drivers/tty/tty_io.c tty_update_time).
    const slave = node.major === 136;
    // A slave is made when its terminal is opened: node1's by the learner's login (sshd chowns it then), a
    // container's when it starts.
    const opened = this.root.host ? this.host.loginShell.startMs : this.createdMs();
    const mtime = slave ? new Date(Math.max(opened, Math.floor(this.host.clock.nowMs / 8000) * 8000)) : st.mtime;
    return {
      ...st,
      isFile: false,
      mode: (node.t === 'b' ? S_IFBLK : S_IFCHR) | node.mode,
      size: 0,
      uid: 0,
      gid: node.gid ?? 0,
      mtime,
      ...(slave ? { atime: mtime, ctime: new Date(opened), noBirth: true, devIno: node.minor + 3 } : {}),
      ...(parts.join('/') === 'pts/ptmx' ? { devIno: 2 } : {}),
      rdev: { major: node.major, minor: node.minor },
    } as DevStat;
  }
}
