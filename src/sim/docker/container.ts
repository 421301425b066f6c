import type { UserlandProxy } from './proxy.ts';
import type { ResolvedImage } from './images.ts';

export interface PortBinding {
  hostIp: string;
  hostPort: number;
  containerPort: number;
  proto: string;
}

/** HostConfig fields the lessons read (inspect -f '{{.HostConfig.X}}'). */
export interface HostConfig {
  Memory: number;
  MemorySwap: number;
  NanoCpus: number;
  /** --cpu-shares: relative weight (cgroup v1 shares; runc converts it to cpu.weight on v2). */
  CpuShares: number;
  CpuPeriod: number;
  CpuQuota: number;
  CpusetCpus: string;
  PidsLimit: number | null;
  CapAdd: string[] | null;
  CapDrop: string[] | null;
  Privileged: boolean;
  SecurityOpt: string[] | null;
  ReadonlyRootfs: boolean;
  Tmpfs: Record<string, string> | null;
  /** --mount as given (docker/cli opts/mount.go); its tmpfs targets are also in Tmpfs here, which inspect leaves out. */
  Mounts?: Record<string, unknown>[];
  Init: boolean | null;
  AutoRemove: boolean;
  PidMode: string;
  IpcMode: string;
  UTSMode: string;
  NetworkMode: string;
  PortBindings: Record<string, { HostIp: string; HostPort: string }[]>;
  /** -P: every exposed port gets a host port from the ephemeral range. */
  PublishAllPorts?: boolean;
  RestartPolicy: { Name: string; MaximumRetryCount: number };
  LogConfig: { Type: string; Config: Record<string, string> };
  Sysctls: Record<string, string> | null;
  // Set only when their flag is given (docker run/create, docker update): moby@v27.3.1:api/types/container/hostconfig.go.
  ContainerIDFile?: string;
  /** [height, width] of the client's terminal (docker/cli@v27.3.1:cli/command/container/create.go: Out().GetTtySize(), 0×0 when stdout is no terminal). */
  ConsoleSize?: [number, number];
  VolumeDriver?: string;
  Annotations?: Record<string, string>;
  CgroupnsMode?: string;
  Dns?: string[];
  DnsOptions?: string[];
  DnsSearch?: string[];
  ExtraHosts?: string[];
  GroupAdd?: string[];
  Links?: string[];
  OomScoreAdj?: number;
  StorageOpt?: Record<string, string>;
  UsernsMode?: string;
  ShmSize?: number;
  Runtime?: string;
  Isolation?: string;
  CgroupParent?: string;
  BlkioWeight?: number;
  BlkioWeightDevice?: { Path: string; Weight: number }[];
  BlkioDeviceReadBps?: { Path: string; Rate: number }[];
  BlkioDeviceWriteBps?: { Path: string; Rate: number }[];
  BlkioDeviceReadIOps?: { Path: string; Rate: number }[];
  BlkioDeviceWriteIOps?: { Path: string; Rate: number }[];
  CpuRealtimePeriod?: number;
  CpuRealtimeRuntime?: number;
  CpusetMems?: string;
  Devices?: { PathOnHost: string; PathInContainer: string; CgroupPermissions: string }[];
  DeviceCgroupRules?: string[];
  DeviceRequests?: { Driver: string; Count: number; DeviceIDs: string[] | null; Capabilities: string[][]; Options: Record<string, string> }[];
  KernelMemory?: number;
  MemoryReservation?: number;
  MemorySwappiness?: number | null;
  OomKillDisable?: boolean | null;
  Ulimits?: { Name: string; Hard: number; Soft: number }[];
}

export interface ContainerConfig {
  Hostname: string;
  User: string;
  Env: string[];
  Cmd: string[] | null;
  Entrypoint: string[] | null;
  WorkingDir: string;
  Tty: boolean;
  OpenStdin: boolean;
  /** The streams the client attached (docker/cli@v27.3.1:cli/command/container/opts.go parse, run.go: none with -d); StdinOnce with -i and stdin attached. */
  AttachStdin?: boolean;
  AttachStdout?: boolean;
  AttachStderr?: boolean;
  StdinOnce?: boolean;
  Image: string;
  StopSignal?: string;
  StopTimeout?: number;
  /** The image's labels merged with --label (moby's Config.Labels). */
  Labels?: Record<string, string>;
  // Set only when their flag is given (moby@v27.3.1:api/types/container/config.go).
  Domainname?: string;
  MacAddress?: string;
  /** --expose, beside the image's EXPOSE (nat.PortSet). */
  ExposedPorts?: Record<string, Record<string, never>>;
  Healthcheck?: { Test: string[] | null; Interval?: number; Timeout?: number; StartPeriod?: number; StartInterval?: number; Retries?: number };
}

export interface Container {
  id: string;
  name: string;
  image: ResolvedImage;
  /** The image as the learner typed it (docker ps IMAGE column). */
  imageArg: string;
  config: ContainerConfig;
  hostConfig: HostConfig;
  status: 'created' | 'running' | 'paused' | 'exited' | 'dead';
  exitCode: number;
  oomKilled: boolean;
  pid: number;
  shimPid: number;
  createdMs: number;
  startedMs: number;
  finishedMs: number;
  ip: string;
  ports: PortBinding[];
  logs: LogEntry[];
  /** Host PIDs of everything started with PID 1 (workers, the command under --init). */
  restartCount: number;
  /** Whether `docker stop`/`kill` asked for it to end (for restart policies and logs). */
  stopping: boolean;
  netns?: number;
  /** Frozen by `docker pause` (moby keeps State.Running true and sets State.Paused). */
  paused?: boolean;
  /** State.Health, once a health check has started (health.ts). */
  health?: import('./health.ts').HealthState;
  /** dockerd's docker-proxy processes for the published ports while it runs (proxy.ts). */
  proxies?: UserlandProxy[];
}

/** moby@v27.3.1:container/state.go StateString: "paused" for a running container that is paused. */
export function stateString(c: Container): string {
  return c.status === 'running' && c.paused ? 'paused' : c.status;
}

export interface LogEntry {
  stream: 'stdout' | 'stderr';
  text: string;
  /** When the daemon's log driver received it (set by LogBuffer.push). */
  timeMs?: number;
}

/** A container's log: every entry pushed is stamped with the clock, as json-file records "time". */
export class LogBuffer extends Array<LogEntry> {
  static get [Symbol.species]() {
    return Array;
  }
  constructor(private readonly now: () => number) {
    super();
  }
  override push(...items: LogEntry[]): number {
    for (const i of items) super.push({ ...i, timeMs: i.timeMs ?? this.now() });
    return this.length;
  }
}

/** The container's labels (Config.Labels): the image's merged with --label at create time. */
export function containerLabels(c: Container): Record<string, string> {
  return c.config.Labels ?? (c.image.config as { Labels?: Record<string, string> | null }).Labels ?? {};
}

/** moby@v27.3.1:daemon/oci_linux.go withRlimits: the spec's "RLIMIT_"+name with Soft and Hard (a negative one, RLIM_INFINITY). */
export function specRlimits(ulimits: readonly { Name: string; Hard: number; Soft: number }[]): Record<string, readonly [number, number]> {
  return Object.fromEntries(ulimits.map((u) => [u.Name, [u.Soft < 0 ? Infinity : u.Soft, u.Hard < 0 ? Infinity : u.Hard] as const]));
}
