/**
 * The public contract of the simulated host. The terminal island, the CLI, the
 * tests and the exercise goals all talk to the simulator through these types only.
 * Pure TypeScript: no DOM, no Node built-ins.
 */

export interface ExecResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** 'bytes': stdout is a latin1-shaped byte string (a tar stream), passed through pipes and redirects unchanged. */
  stdoutKind?: 'text' | 'bytes';
  /** stdout and stderr in the order they were written (what a terminal shows). */
  output?: { stream: 'stdout' | 'stderr'; text: string }[];
  /**
   * Course lines for the learner, not part of the output (a limit stopped the line; a command
   * this host lacks and what to use instead). The terminal shows them dim, in the page's language.
   */
  notes?: string[];
  /**
   * The simulator's limit that stopped this line, if one did (the same words as its note, in
   * both languages): graders report it for the line it stopped.
   */
  stopped?: { limit: 'commands' | 'depth' | 'output' | 'processes' | 'containers' | 'cpu' | 'work' | 'time'; note: { en: string; 'zh-cn': string } };
}

export interface ExecOptions {
  /**
   * Aborting it is Ctrl-C: the foreground command gets SIGINT. One that dies of it (exit 130) ends the line; one that
   * catches it and exits (watch, top) lets the line go on, and World.interrupt is the next Ctrl-C.
   */
  signal?: AbortSignal;
  /** Streamed output, in order, as the command produces it (the terminal writes these). */
  onOutput?: (chunk: { stream: 'stdout' | 'stderr'; text: string }) => void;
  /** Terminal size, for commands that format to the width. */
  columns?: number;
  /** Terminal height in rows (default 24, xterm's), for what asks the terminal its size (docker run's ConsoleSize). */
  rows?: number;
  /** The page's language, for course notes (default en). */
  locale?: 'en' | 'zh-cn';
  /** Milliseconds of computing this line may take (default LIMITS.cpuMs); a restored session replays with less. */
  cpuBudgetMs?: number;
  /** The terminal's keys while the line runs, for a program that reads them as they are pressed (top's `q`). */
  keyboard?: Keyboard;
}

/**
 * The terminal's keyboard while a line runs. A full-screen program that puts the terminal in raw mode
 * (tcsetattr without ICANON and ECHO, as top does) `claim`s it: each key pressed then goes to `onKey`
 * (Ctrl-C stays SIGINT: ISIG is kept) instead of being typed ahead for the next prompt, until the
 * returned function is called.
 */
export interface Keyboard {
  claim(onKey: (data: string) => void): () => void;
}

/**
 * How simulated waits pass. `virtual`: instantly (tests, CLI -c, replay).
 * `realtime`: a wait of N simulated ms takes N real ms and can be interrupted
 * (the browser terminal, so `docker stop` is felt to take 10 s).
 */
export type ClockMode = 'virtual' | 'realtime';

export interface WorldOptions {
  /** The start state (content/world/<name>.json) when no fixture is given: a lesson's or an exercise's `scenario:`. Default node1. */
  world?: string;
  seed?: number;
  clock?: ClockMode;
  /**
   * dockerd's --userland-proxy (default true): one docker-proxy process per published host address
   * (src/sim/docker/proxy.ts). False for rule sets frozen before the simulator had them, whose PIDs
   * were written for a host without them.
   */
  userlandProxy?: boolean;
  /**
   * kube-system's processes in node1's process table (the kubelet, each pod's shim, pause and container: runtime/kube-procs.ts).
   * Off by default: with them, the lesson transcripts' lsns and ps would list them (see the h/k8s report).
   */
  kubeProcesses?: boolean;
}

export interface World {
  /** Runs one line as the learner typed it, in the current session (host shell, or a container shell after `docker run -it`). */
  exec(line: string, options?: ExecOptions): Promise<ExecResult>;
  /** The prompt for the current session: `root@node1:~# `, `/ # `, `root@2cecb6b0fd74:/# `. */
  prompt(): string;
  /**
   * The keys that detach from the current session (Ctrl-P Ctrl-Q as "\x10\x11", or --detach-keys), when it is a container
   * shell the docker client attached to (`run -it`, `exec -it`, `attach`); typed as a line of their own, they detach.
   */
  detachKeys(): string | undefined;
  /**
   * Whether bash would ask for more input (PS2, `> `) before running `text`, the lines typed
   * so far joined by newlines: an open here-document, quote, `$(` or compound command, or a
   * trailing backslash.
   */
  needsMore(text: string): Promise<boolean>;
  /**
   * Readies the shell for the next line without running one: its code loaded and, at the host's prompt, the host's
   * shell built. Nothing a line could see changes (history, time, PIDs); a line sent meanwhile waits for the same work.
   */
  prepare(): Promise<void>;
  /** Tab completion candidates for the word at `cursor` in `line`. */
  complete(line: string, cursor: number): Promise<string[]>;
  /** Lets simulated time pass (hogs tick, containers exit, back-offs elapse). */
  advance(ms: number): void;
  /** A read-only view of the state, for goal predicates and pictures. */
  snapshot(): WorldSnapshot;
  /** Every line executed so far, in order (a session replays from these). */
  history(): readonly string[];
  /** The host's last PID (its /proc/sys/kernel/ns_last_pid): a saved session keeps it with its lines. */
  lastPid(): number;
  /**
   * After a replay, moves the host's PID counter on to a saved session's last PID when the
   * replay handed out fewer (a line stopped sooner on the replay's budget), so new processes
   * never take numbers the restored screen already shows. It never moves the counter back.
   */
  resumePids(lastPid: number): void;
  /** Ctrl-C again while a line runs (its ExecOptions.signal was the first): SIGINT to its foreground command of the moment. */
  interrupt(): void;
  /**
   * Switches how waits pass from now on. The browser terminal replays a saved
   * session in 'virtual' mode (instantly), then switches to 'realtime'.
   */
  setClockMode(mode: ClockMode): void;
}

/** Plain data, safe to structured-clone across a worker boundary. */
export interface WorldSnapshot {
  hostname: string;
  nowMs: number;
  processes: ProcessView[];
  namespaces: NamespaceView[];
  containers: ContainerView[];
  volumes: { name: string; anonymous: boolean; mountpoint: string; files: Record<string, string> }[];
  images: ImageView[];
  /** Every cgroup of the v2 tree with its files as `cat` prints them (pictures: the cgroup view). */
  cgroups?: { path: string; files: Record<string, string> }[];
  /** registry host/repo → tag → manifest digest */
  registry: Record<string, Record<string, string>>;
  /** Pods of node1's cluster (once kubectl has run), for goals on phase, readiness, restarts and events. */
  pods?: PodView[];
  /** Every output line printed in this session, for goals like "some output contains 23817". */
  transcript: { line: string; stdout: string; stderr: string; exitCode: number }[];
}

/** A pod as `kubectl get pods` and `describe` see it. */
export interface PodView {
  namespace: string;
  name: string;
  uid: string;
  /** status.phase: Pending, Running, Succeeded, Failed, Unknown. */
  phase: string;
  /** All containers ready (the Ready condition). */
  ready: boolean;
  /** The STATUS column of `kubectl get pods` (Running, ContainerCreating, CrashLoopBackOff, Terminating …). */
  status: string;
  /** Sum of the containers' restartCount. */
  restarts: number;
  labels: Record<string, string>;
  podIP?: string;
  /** spec.shareProcessNamespace: the containers join the sandbox's PID namespace. */
  shareProcessNamespace?: boolean;
  /** containerID is status.containerStatuses[].containerID (`containerd://<64 hex>`), set once the container was created. */
  containers: {
    name: string;
    image: string;
    imageID?: string;
    containerID?: string;
    ready: boolean;
    restartCount: number;
    state: 'waiting' | 'running' | 'terminated' | 'unknown';
    reason?: string;
    exitCode?: number;
    lastTerminationReason?: string;
  }[];
  /** The pod's events as `describe` lists them: type, reason, source, message (count when > 1). */
  events: { type: string; reason: string; from: string; message: string; count: number }[];
}

export type NamespaceType = 'cgroup' | 'ipc' | 'mnt' | 'net' | 'pid' | 'time' | 'user' | 'uts';

export interface ProcessView {
  pid: number;
  ppid: number;
  nspid: number[];
  argv: string[];
  state: 'R' | 'S' | 'Z' | 'T';
  uid: number;
  ns: Record<NamespaceType, number>;
  cgroup: string;
  capEff: string;
  /** All five capability sets in the 16-hex-digit form of /proc/PID/status (CapInh … CapAmb). */
  caps?: { inh: string; prm: string; eff: string; bnd: string; amb: string };
  containerId?: string;
  /** TCP ports the process's program has bound and listens on (only when it listens on any). */
  listens?: number[];
}

export interface NamespaceView {
  inode: number;
  type: NamespaceType;
  /** uts: hostname; net: interface names */
  hostname?: string;
  interfaces?: string[];
  /** net: each interface as `ip -d link` knows it (index, peer ifindex, bridge master, addresses). */
  links?: LinkView[];
}

export interface LinkView {
  index: number;
  name: string;
  kind: 'loopback' | 'ether' | 'bridge' | 'veth' | 'vxlan';
  up: boolean;
  /** The peer's ifindex (`eth0@if7`). */
  peer?: number;
  master?: string;
  addrs: string[];
}

export interface ImageView {
  id: string;
  repoTags: string[];
  repoDigests: string[];
  /** The platform manifest's digest (what `docker manifest inspect` lists per platform). */
  manifestDigest?: string;
  platform?: string;
  /** Bottom layer first: diffID (config rootfs), compressed digest (manifest), content size, the history line that made it. */
  layers?: { diffId: string; digest: string; size: number; compressedSize: number; createdBy: string }[];
  /** The multi-arch index a repo digest names, when the registry holds one. */
  index?: { digest: string; manifests: { digest: string; platform: string }[] };
}

export interface ContainerView {
  id: string;
  name: string;
  image: string;
  state: 'created' | 'running' | 'paused' | 'exited' | 'dead';
  exitCode: number;
  oomKilled: boolean;
  pid: number;
  ports: string[];
  networkMode: string;
  init: boolean;
  /** The inspect document, as `docker inspect` would print it. */
  inspect: Record<string, unknown>;
  /** Files of the container's cgroup, e.g. `memory.max`. */
  cgroupFiles: Record<string, string>;
  /** The container's upperdir (overlay2 `diff/`): `docker diff` changes, whiteouts as kind D, opaque dirs flagged. */
  overlay?: { changes: { kind: 'A' | 'C' | 'D'; path: string }[]; opaque: string[] };
}
