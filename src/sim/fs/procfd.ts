/**
 * /proc/PID/fd: a process's open descriptors, as links to what each names (linux@v6.8:fs/proc/fd.c proc_readfd,
 * proc_fd_link, proc_fd_instantiate). Nothing is kept per command: the table is worked out when it is read, from what
 * the simulator knows of the process.
 * - A command started from a shell line (Proc.stdio, shell/linefds.ts): its parent's 0, 1 and 2, then its pipeline's
 *   pipes (bash-5.2:execute_cmd.c execute_pipeline), then its redirections in order (bash-5.2:redir.c).
 * - A container's first process and a `docker exec`'s: with a terminal its devpts slave on 0, 1 and 2, opened O_RDWR
 *   (runc@v1.1.14:libcontainer/init_linux.go setupConsole, dupStdio); without, containerd-shim's pipes on 1 and 2
 *   (containerd@v1.7.22:pkg/process/io.go createIO: go-runc's NewPipeIO, one os.Pipe per stream it is given) and /dev/null on 0, which Go's os/exec
 *   opens read-only for a command given no stdin (go os/exec Cmd.childStdin); given stdin (`run -i`, `exec -i`: the
 *   task's Stdin fifo is set, docker/cli@v27.3.1 cli/command/container/run.go config.AttachStdin/OpenStdin), a pipe
 *   of the shim's on 0 too. Its other processes inherit them.
 * - An interactive shell: its terminal on 0, 1 and 2; bash keeps a copy of 2 as 255 for job control
 *   (bash-5.2:jobs.c initialize_job_control: `shell_tty = dup (fileno (stderr))`, move_to_high_fd), ash and dash open
 *   /dev/tty and move it to 10 (busybox@1_36_1:shell/ash.c setjobctl: `open(_PATH_TTY, O_RDWR)`, F_DUPFD_CLOEXEC 10).
 * - A host service: /dev/null on 0 (systemd@v255.4:src/core/exec-invoke.c setup_input) and its journal stream, a
 *   socket, on 1 and 2 (connect_logger_as); systemd itself /dev/null on all three (src/core/main.c make_null_stdio).
 *   What else a program holds open (dockerd's sockets, nginx's listeners and logs) is not simulated.
 */
import type { Host } from '../host.ts';
import type { Proc } from '../kernel/types.ts';

/** An open descriptor: what its link names and how it was opened. */
export interface OpenFd {
  fd: number;
  target: string;
  mode: 'r' | 'w' | 'rw';
}

const SHELLS = new Set(['bash', 'sh', 'ash', 'dash']);

/** The link's permission bits (linux@v6.8:fs/proc/fd.c tid_fd_update_inode). */
export function fdLinkMode(mode: OpenFd['mode']): number {
  return mode === 'rw' ? 0o700 : mode === 'r' ? 0o500 : 0o300;
}

/** A pipe's name, `pipe:[INO]` (linux@v6.8:fs/pipe.c pipefs_dname), its inode numbered once by key. */
function pipe(host: Host, key: string): string {
  let n = host.files.inodes.get(key);
  if (n === undefined) {
    n = host.files.nextIno++;
    host.files.inodes.set(key, n);
  }
  return `pipe:[${n}]`;
}

/** A socket's name, `socket:[INO]` (net/socket.c sockfs_dname), numbered like a pipe. */
function socket(host: Host, key: string): string {
  return pipe(host, key).replace('pipe', 'socket');
}

const tty = (p: Proc) => (p.tty === '?' ? undefined : `/dev/${p.tty}`);
const three = (target: string, mode: OpenFd['mode']): OpenFd[] => [0, 1, 2].map((fd) => ({ fd, target, mode }));

/** An interactive shell's own descriptor for its terminal, if it is one. */
function shellTty(p: Proc, fds: OpenFd[]): OpenFd | undefined {
  if (!SHELLS.has(p.comm) || p.tty === '?' || p.argv.slice(1).some((a) => !a.startsWith('-') || a === '-c')) return undefined;
  if (p.comm === 'bash') {
    const err = fds.find((f) => f.fd === 2);
    return err && { ...err, fd: 255 };
  }
  return { fd: 10, target: '/dev/tty', mode: 'rw' };
}

/**
 * The descriptors a process has: a command of a shell line its parent's streams (or, run as a container's or an
 * exec's own process, that process's) with the line's pipes and redirections; any other its own streams.
 */
function stdioOf(host: Host, p: Proc, depth: number): OpenFd[] {
  const parent = host.kernel.procs.get(p.ppid);
  if (!p.stdio || depth >= 64) return ownStdio(host, p, parent, depth);
  const base = p.transient ? (parent ? stdioOf(host, parent, depth + 1) : three(`/dev/${p.stdio.tty}`, 'rw')) : ownStdio(host, p, parent, depth);
  return lineFds(host, p, base);
}

/** The standard streams a process has of its own, or from its parent. */
function ownStdio(host: Host, p: Proc, parent: Proc | undefined, depth: number): OpenFd[] {
  if (p.containerId) {
    const own = p.execId !== undefined || !parent || parent.containerId !== p.containerId;
    if (!own) return stdioOf(host, parent, depth + 1).filter((f) => f.fd < 3);
    const t = tty(p);
    if (t) return three(t, 'rw');
    const key = `${p.containerId}:${p.execId ?? 'init'}`;
    return [
      { fd: 0, target: p.stdinPipe ? pipe(host, `${key}:0`) : '/dev/null', mode: 'r' },
      { fd: 1, target: pipe(host, `${key}:1`), mode: 'w' },
      { fd: 2, target: pipe(host, `${key}:2`), mode: 'w' },
    ];
  }
  const t = tty(p);
  if (t && (SHELLS.has(p.comm) || !parent || parent.tty !== p.tty)) return three(t, 'rw');
  if (p.pid === 1) return three('/dev/null', 'rw');
  if (p.ppid === 1 || !parent || depth >= 64) {
    const journal = socket(host, `journal:${p.pid}`);
    return [
      { fd: 0, target: '/dev/null', mode: 'r' },
      { fd: 1, target: journal, mode: 'rw' },
      { fd: 2, target: journal, mode: 'rw' },
    ];
  }
  return stdioOf(host, parent, depth + 1).filter((f) => f.fd < 3);
}

/** A command of a shell line: its parent's streams, then its pipes, then its redirections (bash's order). */
function lineFds(host: Host, p: Proc, base: readonly OpenFd[]): OpenFd[] {
  const line = p.stdio!;
  const fds = new Map<number, OpenFd>();
  for (const f of base) if (f.fd < 3) fds.set(f.fd, f);
  const argv = line.argv ?? p.argv;
  const key = argv.join('\0');
  line.pipelines().forEach((pl, i) => {
    const j = pl.findIndex((s) => s.argv.join('\0') === key);
    if (j < 0) return;
    if (j > 0) fds.set(0, { fd: 0, target: pipe(host, `${line.serial}:${i}:${j - 1}`), mode: 'r' });
    if (j < pl.length - 1) {
      const out = pipe(host, `${line.serial}:${i}:${j}`);
      fds.set(1, { fd: 1, target: out, mode: 'w' });
      if (pl[j]?.stderr) fds.set(2, { fd: 2, target: out, mode: 'w' });
    }
  });
  let heredocs = 0;
  for (const r of line.redirections(argv)) {
    if (r.target === '-' && (r.op === '>&' || r.op === '<&')) fds.delete(r.fd);
    else if (r.op === '>&' || r.op === '<&') {
      const from = fds.get(Number(r.target));
      if (from) fds.set(r.fd, { ...from, fd: r.fd });
    } else if (r.op === '&>' || r.op === '&>>') {
      fds.set(1, { fd: 1, target: r.target, mode: 'w' });
      fds.set(2, { fd: 2, target: r.target, mode: 'w' });
    } else if (r.op === '<<' || r.op === '<<<' || r.op === '<<-') {
      // bash 5.1 and later hand a here-document that fits the pipe's buffer over a pipe (bash-5.2:redir.c here_document_to_fd).
      fds.set(r.fd, { fd: r.fd, target: pipe(host, `${line.serial}:${key}:heredoc${heredocs++}`), mode: 'r' });
    } else fds.set(r.fd, { fd: r.fd, target: r.target, mode: r.op === '<' ? 'r' : r.op === '<>' ? 'rw' : 'w' });
  }
  return [...fds.values()];
}

/** The open descriptors of `p`, lowest first. */
export function fdTable(host: Host, p: Proc): OpenFd[] {
  if (p.kthread || p.state === 'Z') return [];
  const fds = stdioOf(host, p, 0);
  const own = shellTty(p, fds);
  if (own) fds.push(own);
  return fds.sort((a, b) => a.fd - b.fd);
}

/** The lowest descriptor `fds` leaves free, which open(2) gives next (linux@v6.8:fs/file.c alloc_fd). */
export function lowestFree(fds: readonly OpenFd[]): number {
  let n = 0;
  while (fds.some((f) => f.fd === n)) n++;
  return n;
}
