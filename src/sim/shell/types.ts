import type { ExecResult } from '../api.ts';
import type { Flavor } from '../docker/images.ts';
import type { Host } from '../host.ts';
import type { Proc } from '../kernel/types.ts';
import type { Daemon } from '../docker/daemon.ts';

/** Where a shell runs: the host, a container, or a namespace made by unshare/nsenter. */
export interface Session {
  proc: Proc;
  /** 'host' or a container id: picks the root filesystem. */
  root: string;
  flavor: Flavor;
  /** The shell program: bash (prints `exit` on leaving), busybox ash ('sh') or dash 0.5.12 ('dash', Debian's /bin/sh). */
  shell: 'bash' | 'sh' | 'dash';
  /** An interactive dash's count of the lines read, which its errors name (dash@v0.5.12:src/input.c plinno). */
  lines?: number;
  hostname: string;
  env: Record<string, string>;
  /** Names marked for export (inherited ones and those the learner exported); others stay shell variables. */
  exported?: Set<string>;
  /** Its functions and `set`/`shopt` options, kept from line to line (shellstate.ts). */
  shellState?: import('./shellstate.ts').ShellState;
  cwd: string;
  status: number;
  /** Set by a line whose `exit` ended the shell mid-line (exitline.ts): the status it exits with; world.ts leaves the shell. */
  exiting?: number;
  /**
   * That exit came from a trap action, which bash runs not interactive (trap.c run_pending_traps → parse_and_execute
   * with SEVAL_NONINT): exit_or_logout then prints no "exit" (builtins/exit.def). traprun.ts trapExit.
   */
  exitQuiet?: true;
  /** A shell that runs one command and is not interactive (a container's command, sh -c): ash then says "line N:". */
  script?: boolean;
  /**
   * A container shell entered by `docker run -it`, `exec -it` or `attach`: the detach keys (bytes) that leave it running,
   * and what the docker client then prints and returns (docker/cli@v27.3.1:cli/command/container/hijack.go).
   */
  detach?: { keys: string; stderr: string; exitCode: number /** The daemon's event for it (`detach`, `exec_detach`). */; onDetach?: () => void };
  /** Called with the exit status when the learner leaves this shell. */
  onExit: (status: number) => string;
  /** The jobs this bash started with `&` (made by the first one; jobs.ts). */
  jobs?: import('./jobs.ts').JobTable;
}

/** What a simulated command sees. */
export interface CmdEnv {
  host: Host;
  daemon: Daemon;
  /** The process running this command (a transient child of the shell). */
  self: Proc;
  session: Session;
  flavor: Flavor;
  stdin: string;
  /** Standard input as raw bytes (a tar stream for `docker cp -`, `docker load`). */
  stdinBytes: () => Uint8Array;
  /** The root filesystem a container's shell sees (created on first use), for `docker cp`. */
  rootFs: (containerId: string) => import('just-bash').IFileSystem;
  cwd: string;
  env: Map<string, string>;
  /** What the shell passes this command as its environment: the exported variables and the line's NAME=VALUE words. */
  exported?: Record<string, string>;
  signal?: AbortSignal;
  columns: number;
  /** The terminal's height in rows. */
  rows: number;
  /** Whether stdout goes to the terminal (no pipe or redirection on the line). */
  tty: boolean;
  /** Whether stdin is the terminal: nothing piped or redirected into the command (`docker run -i`, `-t`). */
  stdinTty: boolean;
  /**
   * Writes output to the terminal now (only when stdout is the terminal and a caller listens).
   * A command that blocks (ping, docker logs -f, attached docker run) streams through it and
   * leaves that text out of its result.
   */
  stream?: (chunk: { stream: 'stdout' | 'stderr'; text: string }) => void;
  /** The terminal's keys, when stdin and stdout are the terminal and the page offers them (api.ts Keyboard). */
  keyboard?: import('../api.ts').Keyboard;
  /**
   * A pager at the end of a pipeline (`ps aux | less`): its stdout is the terminal though the line pipes, and it reads
   * its keys from /dev/tty (less@v590:ttyin.c open_getchr; util-linux more.c opens the tty the same way). Given only
   * to the last command of a foreground pipeline whose stdout is not redirected, when the page offers keys.
   */
  pagerTerminal?: { stream: NonNullable<CmdEnv['stream']>; keyboard: import('../api.ts').Keyboard };
  /** The commands after this one in its pipeline (alive at the same time, e.g. the grep of `ps aux | grep x`). */
  pipeline: string[][];
  /** Whether the line sends this command's stderr where its stdout goes (`2>&1`, `&>`, `|&`): one stream, in the order written. */
  stderrToStdout?: boolean;
  /** The shell's filesystem (root fs with /proc and /sys/fs/cgroup mounted). */
  fs: import('just-bash').IFileSystem;
  /** Whether a path lies on a read-only root filesystem (docker run --read-only). */
  readOnly: (path: string) => boolean;
  /**
   * Runs a command line in the current shell context (for sudo, nsenter, sh -c); `opts.env`
   * replaces the environment (env -i, env -u) and `opts.stdin` feeds it.
   */
  exec: (line: string, opts?: { env?: Record<string, string>; stdin?: string; capture?: boolean }) => Promise<ExecResult>;
  /** Reads a file through the shell's filesystem. */
  readFile: (path: string) => Promise<string>;
  /** Starts an interactive shell that becomes the current session after this line. */
  enterSession: (s: Session) => void;
  /** The just-bash command this one shadows (cat, tail …), when there is one. */
  orig?: (args: string[]) => Promise<ExecResult>;
  /** Between steps of a long-running command: checks the line's budget and yields to the page now and then. */
  tick: () => Promise<void>;
  /** Stops the line on one of the simulator's limits (limits.ts), as Ctrl-C would; returns this command's result. */
  stopLine: (kind: import('./limits.ts').LimitKind) => ExecResult;
  /** Adds one dim course line after this line's output (ExecResult.notes), in the page's language. */
  note?: (text: { en: string; zh: string }) => void;
  /** Every line typed in this terminal so far, the current one included (history). */
  history: () => readonly string[];
  /** Runs `fn` as process `p` (its namespaces, credentials, /proc/self). */
  runAs: <T>(p: Proc, fn: () => Promise<T>) => Promise<T>;
  /**
   * execve(2) in `p`: runs `line` (one command) with `p` as that command's own process, no child for it
   * (unshare's and nsenter's child, chroot, env). A shell (sh, bash) runs as `p`: its commands are `p`'s children.
   */
  execAs: (p: Proc, line: string, opts?: { env?: Record<string, string>; stdin?: string }) => Promise<ExecResult>;
  /** Runs `fn` with `signal` aborting the commands it runs too (as Ctrl-C does the line's): a command that kills its child (timeout). */
  withSignal: <T>(signal: AbortSignal, fn: () => Promise<T>) => Promise<T>;
}

export interface SimCommand {
  name: string;
  /** Flavours that ship this command (default: all). */
  flavors?: Flavor[];
  /** Runs in the shell's own process (the docker CLI is not part of any lesson's process tree). */
  noProcess?: boolean;
  run(args: string[], env: CmdEnv): Promise<ExecResult>;
}
