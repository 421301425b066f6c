/**
 * /dev: the character devices every root has, as a container gets them from runc's default
 * devices and moby's default mounts (moby@v27.3.1:oci/defaults.go DefaultLinuxSpec: /dev tmpfs
 * mode=755, /dev/pts devpts, /dev/shm, /dev/mqueue; runc@v1.1.14:libcontainer/specconv/spec_linux.go
 * AllowedDevices: null 1:3, zero 1:5, full 1:7, tty 5:0, urandom 1:9, random 1:8, and the links
 * fd, stdin, stdout, stderr, ptmx, core from libcontainer/rootfs_linux.go setupDevSymlinks;
 * console 136:0 with -t). The host has the same core set (Ubuntu's devtmpfs has many more
 * nodes: disks, ttyN, input…, which are not served).
 *
 * Reading an endless device (zero, full, random, urandom) returns what the reader asks for
 * (`head -c N`: `wants`), or else one pipe buffer (64 KiB) and tells `onEndless`, so the shell can
 * treat a reader that never stops (cat) as it treats `sleep infinity` (shell/runtime.ts endlessReader). urandom's bytes come from the world's seeded
 * generator, so a replay prints the same bytes.
 */
import type { FsStat } from 'just-bash';
import type { Host } from '../host.ts';
import { GeneratedFs, type GenNode } from './generated.ts';

interface Dev {
  major: number;
  minor: number;
  mode: number;
}

/** The name the shell gives /dev/full as a redirection target (shell/devfull.ts): the same device, not listed. */
export const FULL_ALIAS = '.cc-full';

const DEVICES: Record<string, Dev> = {
  full: { major: 1, minor: 7, mode: 0o666 },
  null: { major: 1, minor: 3, mode: 0o666 },
  random: { major: 1, minor: 8, mode: 0o666 },
  tty: { major: 5, minor: 0, mode: 0o666 },
  urandom: { major: 1, minor: 9, mode: 0o666 },
  zero: { major: 1, minor: 5, mode: 0o666 },
};
const CONSOLE: Dev = { major: 136, minor: 0, mode: 0o620 };
const PTMX: Dev = { major: 5, minor: 2, mode: 0o666 };

const LINKS: Record<string, string> = {
  core: '/proc/kcore',
  fd: '/proc/self/fd',
  ptmx: 'pts/ptmx',
  stderr: '/proc/self/fd/2',
  stdin: '/proc/self/fd/0',
  stdout: '/proc/self/fd/1',
};

/** tmpfs directories (mode 1777, size 40: an empty tmpfs) and devpts (mode 755, size 0). */
const DIRS: Record<string, { mode: number; size: number }> = {
  mqueue: { mode: 0o1777, size: 40 },
  shm: { mode: 0o1777, size: 40 },
  pts: { mode: 0o755, size: 0 },
};

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
export type DevStat = FsStat & { rdev?: { major: number; minor: number }; dirSize?: number };

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

  constructor(
    private readonly host: Host,
    private readonly createdMs: () => number,
    private readonly console: boolean,
  ) {
    super('/dev');
  }

  protected override mtime(): Date {
    return new Date(this.createdMs());
  }

  private device(name: string): Dev | undefined {
    if (name === 'console' && this.console) return CONSOLE;
    return Object.hasOwn(DEVICES, name) ? DEVICES[name] : undefined;
  }

  protected lookup(path: string): GenNode | undefined {
    const parts = path.split('/').filter(Boolean);
    if (parts.length === 0) {
      const names = [...Object.keys(DEVICES), ...Object.keys(LINKS), ...Object.keys(DIRS), ...(this.console ? ['console'] : [])];
      return { type: 'dir', entries: () => names.sort(), mode: 0o755 };
    }
    const [name = '', sub] = parts;
    if (parts.length === 2 && name === 'pts' && sub === 'ptmx') return { type: 'file', content: () => '', write: () => {}, mode: PTMX.mode };
    if (parts.length > 1) return undefined;
    if (Object.hasOwn(LINKS, name)) return { type: 'link', target: LINKS[name] as string };
    if (Object.hasOwn(DIRS, name)) return { type: 'dir', entries: () => (name === 'pts' ? ['ptmx'] : []), mode: (DIRS[name] as { mode: number }).mode };
    // The shell's stand-in for /dev/full as a redirection target (shell/devfull.ts): not listed, same device.
    const full = name === 'full' || name === FULL_ALIAS;
    const dev = this.device(full ? 'full' : name);
    if (!dev) return undefined;
    return {
      type: 'file',
      content: () => '',
      // /dev/full: every write fails with ENOSPC (drivers/char/mem.c write_full); a command that writes nothing makes no write.
      write: full
        ? (t) => {
            if (t !== '') this.onWriteError('/dev/full', 'write error: No space left on device');
          }
        : () => {},
      mode: dev.mode,
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
    const name = parts.join('/');
    const dev = name === 'pts/ptmx' ? PTMX : parts.length === 1 ? this.device(name) : undefined;
    if (dev && r.node?.type === 'file') return { ...st, isFile: false, mode: 0o020000 | dev.mode, size: 0, rdev: { major: dev.major, minor: dev.minor } };
    if (r.node?.type === 'dir' && parts.length === 1 && Object.hasOwn(DIRS, name)) return { ...st, dirSize: (DIRS[name] as { size: number }).size };
    if (r.node?.type === 'dir' && parts.length === 0) return { ...st, dirSize: 340 };
    return st;
  }
}
