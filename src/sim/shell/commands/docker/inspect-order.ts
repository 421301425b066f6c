/**
 * `docker inspect`'s HostConfig and Config as dockerd's encoding/json writes them: every field of
 * the Go struct in declaration order (an embedded struct's fields in its place: HostConfig embeds
 * Resources), a field the simulator did not record at the value Docker gives it, and the fields
 * tagged `json:",omitempty"` left out when empty (go1.22 src/encoding/json/encode.go isEmptyValue:
 * false, 0, "", nil, and an empty map or slice).
 */
import type { Container } from '../../../docker/container.ts';

type Json = Record<string, unknown>;

/**
 * Each struct's fields in declaration order (moby@v27.3.1:api/types/container/hostconfig.go HostConfig and Resources,
 * config.go Config), by JSON name: `:s` a string, `:i` a number, `:b` a bool, `:Name` a struct, none a slice, map, array
 * or pointer (zero: null); `...Resources` is the embedded struct. The same as inspect-types.ts INSPECT_STRUCTS (a test
 * holds them equal), written small: this file loads with every World, that table only with `docker inspect -f`.
 */
export const FIELDS: Record<string, string> = {
  HostConfig:
    'Binds ContainerIDFile:s LogConfig:LogConfig NetworkMode:s PortBindings RestartPolicy:RestartPolicy AutoRemove:b VolumeDriver:s VolumesFrom ConsoleSize Annotations CapAdd CapDrop CgroupnsMode:s Dns DnsOptions DnsSearch ExtraHosts GroupAdd IpcMode:s Cgroup:s Links OomScoreAdj:i PidMode:s Privileged:b PublishAllPorts:b ReadonlyRootfs:b SecurityOpt StorageOpt Tmpfs UTSMode:s UsernsMode:s ShmSize:i Sysctls Runtime:s Isolation:s ...Resources Mounts MaskedPaths ReadonlyPaths Init',
  Resources:
    'CpuShares:i Memory:i NanoCpus:i CgroupParent:s BlkioWeight:i BlkioWeightDevice BlkioDeviceReadBps BlkioDeviceWriteBps BlkioDeviceReadIOps BlkioDeviceWriteIOps CpuPeriod:i CpuQuota:i CpuRealtimePeriod:i CpuRealtimeRuntime:i CpusetCpus:s CpusetMems:s Devices DeviceCgroupRules DeviceRequests KernelMemory:i KernelMemoryTCP:i MemoryReservation:i MemorySwap:i MemorySwappiness OomKillDisable PidsLimit Ulimits CpuCount:i CpuPercent:i IOMaximumIOps:i IOMaximumBandwidth:i',
  Config:
    'Hostname:s Domainname:s User:s AttachStdin:b AttachStdout:b AttachStderr:b ExposedPorts Tty:b OpenStdin:b StdinOnce:b Env Cmd Healthcheck ArgsEscaped:b Image:s Volumes WorkingDir:s Entrypoint NetworkDisabled:b MacAddress:s OnBuild Labels StopSignal:s StopTimeout Shell',
  LogConfig: 'Type:s Config',
  RestartPolicy: 'Name:s MaximumRetryCount:i',
};

/** The fields tagged `json:",omitempty"`, per struct (moby@v27.3.1:api/types/container/hostconfig.go, config.go). */
const OMITEMPTY: Record<string, readonly string[]> = {
  HostConfig: ['Annotations', 'StorageOpt', 'Tmpfs', 'Sysctls', 'Runtime', 'Mounts', 'Init'],
  Resources: ['KernelMemory', 'KernelMemoryTCP'],
  Config: ['ExposedPorts', 'Healthcheck', 'ArgsEscaped', 'NetworkDisabled', 'MacAddress', 'StopSignal', 'StopTimeout', 'Shell'],
};

/** moby@v27.3.1:oci/defaults.go DefaultLinuxSpec: Linux.MaskedPaths and Linux.ReadonlyPaths. */
const MASKED_PATHS = [
  '/proc/asound',
  '/proc/acpi',
  '/proc/kcore',
  '/proc/keys',
  '/proc/latency_stats',
  '/proc/timer_list',
  '/proc/timer_stats',
  '/proc/sched_debug',
  '/proc/scsi',
  '/sys/firmware',
  '/sys/devices/virtual/powercap',
];
const READONLY_PATHS = ['/proc/bus', '/proc/fs', '/proc/irq', '/proc/sys', '/proc/sysrq-trigger'];

/**
 * What a container's HostConfig holds where the simulator records nothing: what `docker run`
 * sends (docker/cli@v27.3.1:cli/command/container/opts.go parse: GetAllOrEmpty for the DNS
 * lists, the empty blkio and ulimit lists of their opts types, `deviceMappings := []…{}`, an
 * empty LogConfig.Config map; create.go: ConsoleSize is the client's terminal size, 0×0 here)
 * and what dockerd fills in (daemon_unix.go adaptContainerSettings: ShmSize 64 MiB, IpcMode
 * "private", CgroupnsMode "private" on cgroup v2; verifyPlatformContainerSettings: the default
 * runtime; create_unix.go: the default masked and read-only paths unless privileged).
 */
function hostDefaults(c: Container): Json {
  const hc = c.hostConfig;
  // docker/cli@v27.3.1:cli/command/container/opts.go parseSystemPaths: systempaths=unconfined sends empty lists.
  const unconfined = (hc.SecurityOpt ?? []).includes('systempaths=unconfined');
  return {
    LogConfig: { Type: 'json-file', Config: {} },
    NetworkMode: 'bridge',
    PortBindings: {},
    RestartPolicy: { Name: 'no', MaximumRetryCount: 0 },
    ConsoleSize: [0, 0],
    CgroupnsMode: 'private',
    Dns: [],
    DnsOptions: [],
    DnsSearch: [],
    IpcMode: 'private',
    ShmSize: 64 * 1024 * 1024,
    Runtime: 'runc',
    BlkioWeightDevice: [],
    BlkioDeviceReadBps: [],
    BlkioDeviceWriteBps: [],
    BlkioDeviceReadIOps: [],
    BlkioDeviceWriteIOps: [],
    Devices: [],
    Ulimits: [],
    MaskedPaths: unconfined ? [] : hc.Privileged ? null : MASKED_PATHS,
    ReadonlyPaths: unconfined ? [] : hc.Privileged ? null : READONLY_PATHS,
  };
}

/** The zero value of a field's kind, as encoding/json writes it. */
function zero(kind: string | undefined): unknown {
  if (kind === 's') return '';
  if (kind === 'i') return 0;
  if (kind === 'b') return false;
  return kind ? ordered(kind, {}) : null;
}

const isEmpty = (v: unknown): boolean =>
  v === false ||
  v === 0 ||
  v === '' ||
  v === null ||
  v === undefined ||
  (Array.isArray(v) ? v.length === 0 : typeof v === 'object' && Object.keys(v as object).length === 0);

/** A struct's fields as FIELDS lists them, split once: [JSON name, kind, embedded struct]. */
const parsed = new Map<string, readonly (readonly [string, string | undefined, boolean])[]>();
function fieldsOf(name: string) {
  let f = parsed.get(name);
  if (!f) {
    f = (FIELDS[name] ?? '').split(' ').map((field) => {
      if (field.startsWith('...')) return [field.slice(3), undefined, true] as const;
      const [json, kind] = field.split(':') as [string, string | undefined];
      return [json, kind, false] as const;
    });
    parsed.set(name, f);
  }
  return f;
}

/** A struct's JSON object, fields in declaration order: `raw`'s value, else `defaults`'s, else the zero value. */
function ordered(name: string, raw: Json, defaults: Json = {}): Json {
  const out: Json = {};
  for (const [json, kind, embedded] of fieldsOf(name)) {
    if (embedded) {
      Object.assign(out, ordered(json, raw, defaults));
      continue;
    }
    let v = raw[json] !== undefined ? raw[json] : defaults[json] !== undefined ? defaults[json] : zero(kind);
    if (kind && FIELDS[kind] && v && typeof v === 'object') v = ordered(kind, v as Json);
    if (OMITEMPTY[name]?.includes(json) && isEmpty(v)) continue;
    out[json] = v;
  }
  return out;
}

/**
 * A container's HostConfig. OomKillDisable: `docker run` sends false; on cgroup v2 the daemon's
 * checks discard it (daemon_unix.go verifyPlatformContainerResources: nil) and
 * adaptContainerSettings sets false again at create, but the checks run once more at start
 * (daemon/start.go ContainerStart → verifyContainerSettings), so a container that has started holds null.
 */
export function inspectHostConfig(c: Container): Json {
  const hc = c.hostConfig;
  // api/server/router/container/container_routes.go postContainersCreate: a PidsLimit of 0 or less is no limit (nil).
  const pids = hc.PidsLimit !== null && hc.PidsLimit <= 0 ? null : hc.PidsLimit;
  // The tmpfs of --mount are kept in Tmpfs for the runtime (run.ts); moby has them in Mounts only.
  const fromMount = new Set((hc.Mounts ?? []).filter((m) => m.Type === 'tmpfs').map((m) => m.Target as string));
  const tmpfs = hc.Tmpfs ? Object.entries(hc.Tmpfs).filter(([k]) => !fromMount.has(k)) : [];
  const Tmpfs = tmpfs.length ? Object.fromEntries(tmpfs) : null;
  // moby@v27.3.1:daemon/inspect.go getInspectData: Links rebuilt from the link graph, "child.Name:linkAlias" (opts.ParseLink:
  // an alias-less link's alias is the name), e.g. /db:/web/db.
  const Links = hc.Links?.length
    ? hc.Links.map((l) => {
        const [name, alias = name] = l.split(':') as [string, string?];
        return `/${name.replace(/^\//, '')}:/${c.name}/${(alias as string).replace(/^\//, '')}`;
      })
    : null;
  return ordered('HostConfig', { ...hc, Links, Tmpfs, PidsLimit: pids, OomKillDisable: c.startedMs ? null : false }, hostDefaults(c));
}

/** A container's Config: the recorded fields, the image's Volumes (moby@v27.3.1:daemon/commit.go merge), and zero values. */
export function inspectConfig(c: Container, config: Json): Json {
  const volumes = (c.image.config as { Volumes?: Record<string, object> | null }).Volumes ?? null;
  return ordered('Config', config, { Volumes: volumes });
}
