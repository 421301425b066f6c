/** What `docker version` and `docker info` share (kit: version.ts and info.ts are the commands): their typed documents. */
import { ENGINE_ID } from '../../../docker/engine-id.ts';
import { BUILDX_PATH, COMPOSE_PATH } from './buildx-path.ts';
import type { ExecResult } from '../../../api.ts';
import type { CmdEnv } from '../../types.ts';
import { stateString } from '../../../docker/container.ts';
import { DOCKER_FUNCS, GoStruct } from '../../kit/template/index.ts';

export const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

// docker/cli@v27.3.1:cli/command/system/version.go defaultVersionTemplate, run through the
// same engine and tabwriter(20, 1, 1) as the CLI does.
export const DEFAULT_VERSION_TEMPLATE = `{{with .Client -}}
Client:{{if ne .Platform nil}}{{if ne .Platform.Name ""}} {{.Platform.Name}}{{end}}{{end}}
 Version:\t{{.Version}}
 API version:\t{{.APIVersion}}{{if ne .APIVersion .DefaultAPIVersion}} (downgraded from {{.DefaultAPIVersion}}){{end}}
 Go version:\t{{.GoVersion}}
 Git commit:\t{{.GitCommit}}
 Built:\t{{.BuildTime}}
 OS/Arch:\t{{.Os}}/{{.Arch}}
 Context:\t{{.Context}}
{{- end}}

{{- if ne .Server nil}}{{with .Server}}

Server:{{if ne .Platform.Name ""}} {{.Platform.Name}}{{end}}
 {{- range $component := .Components}}
 {{$component.Name}}:
  {{- if eq $component.Name "Engine" }}
  Version:\t{{.Version}}
  API version:\t{{index .Details "ApiVersion"}} (minimum version {{index .Details "MinAPIVersion"}})
  Go version:\t{{index .Details "GoVersion"}}
  Git commit:\t{{index .Details "GitCommit"}}
  Built:\t{{index .Details "BuildTime"}}
  OS/Arch:\t{{index .Details "Os"}}/{{index .Details "Arch"}}
  Experimental:\t{{index .Details "Experimental"}}
  {{- else }}
  Version:\t{{$component.Version}}
  {{- $detailsOrder := getDetailsOrder $component}}
  {{- range $key := $detailsOrder}}
  {{$key}}:\t{{index $component.Details $key}}
   {{- end}}
  {{- end}}
 {{- end}}
 {{- end}}{{- end}}`;

const PLATFORM = 'Docker Engine - Community';
const BUILD_TIME = '2024-09-20T11:41:00.000000000+00:00';

/** The CLI's clientVersion (json tags: ApiVersion, omitempty). */
export function clientVersion(withApi: boolean): GoStruct {
  const f = {
    Platform: new GoStruct('*system.platformInfo', { Name: PLATFORM }),
    Version: '27.3.1',
    APIVersion: withApi ? '1.47' : '',
    DefaultAPIVersion: withApi ? '1.47' : '',
    GitCommit: 'ce12230',
    GoVersion: 'go1.22.7',
    Os: 'linux',
    Arch: 'amd64',
    BuildTime: 'Fri Sep 20 11:41:00 2024',
    Context: 'default',
  };
  return new GoStruct('system.clientVersion', f, undefined, () => clientVersionJSON(f));
}
function clientVersionJSON(f: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { Platform: { Name: PLATFORM } };
  for (const [k, json] of [
    ['Version', 'Version'],
    ['APIVersion', 'ApiVersion'],
    ['DefaultAPIVersion', 'DefaultAPIVersion'],
    ['GitCommit', 'GitCommit'],
    ['GoVersion', 'GoVersion'],
    ['Os', 'Os'],
    ['Arch', 'Arch'],
    ['BuildTime', 'BuildTime'],
  ] as const)
    if (f[k]) out[json] = f[k];
  out.Context = f.Context;
  return out;
}

/** moby@v27.3.1:api/types/types.go Version and ComponentVersion, as the daemon answers /version. */
export function serverVersion(env: CmdEnv): GoStruct {
  const kernel = env.host.fixture.kernel.release;
  const comp = (Name: string, Version: string, Details: Record<string, string>) =>
    new GoStruct('types.ComponentVersion', { Name, Version, Details }, undefined, () => ({ Name, Version, Details }));
  const Components = [
    // runVersion reformats the Engine's BuildTime (reformatDate: time.ANSIC); .Server.BuildTime stays RFC 3339.
    comp('Engine', '27.3.1', {
      ApiVersion: '1.47',
      Arch: 'amd64',
      BuildTime: 'Fri Sep 20 11:41:00 2024',
      Experimental: 'false',
      GitCommit: '41ca978',
      GoVersion: 'go1.22.7',
      KernelVersion: kernel,
      MinAPIVersion: '1.24',
      Os: 'linux',
    }),
    comp('containerd', '1.7.22', { GitCommit: '7f7fdf5fed64eb6a7caf99b3e12efcf9d60e311c' }),
    comp('runc', '1.1.14', { GitCommit: 'v1.1.14-0-g2c9f560' }),
    comp('docker-init', '0.19.0', { GitCommit: 'de40ad0' }),
  ];
  const f = {
    Platform: new GoStruct('struct { Name string }', { Name: PLATFORM }),
    Components,
    Version: '27.3.1',
    APIVersion: '1.47',
    MinAPIVersion: '1.24',
    GitCommit: '41ca978',
    GoVersion: 'go1.22.7',
    Os: 'linux',
    Arch: 'amd64',
    KernelVersion: kernel,
    Experimental: false,
    BuildTime: BUILD_TIME,
  };
  return new GoStruct('*types.Version', f, undefined, () => ({
    Platform: { Name: PLATFORM },
    Components,
    Version: f.Version,
    ApiVersion: f.APIVersion,
    MinAPIVersion: f.MinAPIVersion,
    GitCommit: f.GitCommit,
    GoVersion: f.GoVersion,
    Os: f.Os,
    Arch: f.Arch,
    KernelVersion: f.KernelVersion,
    BuildTime: f.BuildTime,
  }));
}

export const VERSION_FUNCS = {
  ...DOCKER_FUNCS,
  // getDetailsOrder: the component's Details keys, sorted.
  getDetailsOrder: { params: ['any' as const], fn: (v: unknown) => Object.keys(((v as GoStruct).fields.Details ?? {}) as object).sort() },
};

/** node1's engine ID (a UUID since moby 23, kept in /var/lib/docker/engine-id). */

/**
 * The CLI plugins `docker info` lists (docker/cli@v27.3.1:cli-plugins/manager/plugin.go Plugin: Metadata, Name, Path; JSON
 * without the empty ones), sorted by name (manager.go ListPlugins): node1's buildx, whose metadata is docker/buildx@v0.17.1:cmd/buildx/main.go's (SchemaVersion,
 * Vendor, Version; no URL) with ShortDescription from its root command's Short (plugin.go newMetadataSubcommand).
 */
export const CLI_PLUGINS: { SchemaVersion: string; Vendor: string; Version: string; ShortDescription: string; Name: string; Path: string }[] = [
  { SchemaVersion: '0.1.0', Vendor: 'Docker Inc.', Version: 'v0.17.1', ShortDescription: 'Docker Buildx', Name: 'buildx', Path: BUILDX_PATH },
  // docker/compose@v2.29.7:cmd/main.go (SchemaVersion, Vendor, Version internal.Version), Short of cmd/compose/compose.go.
  { SchemaVersion: '0.1.0', Vendor: 'Docker Inc.', Version: 'v2.29.7', ShortDescription: 'Docker Compose', Name: 'compose', Path: COMPOSE_PATH },
];

/** The CLI's dockerInfo: *system.Info embedded (its fields promoted), then ClientInfo. */
export function infoDoc(env: CmdEnv): GoStruct {
  const cs = [...env.daemon.containers.values()];
  // moby@v27.3.1:daemon/info.go: a paused container counts as paused, not running.
  const n = (s: string) => cs.filter((c) => stateString(c) === s).length;
  const fx = env.host.fixture;
  const info: Record<string, unknown> = {
    ID: ENGINE_ID,
    Containers: cs.length,
    ContainersRunning: n('running'),
    ContainersPaused: n('paused'),
    ContainersStopped: cs.length - n('running') - n('paused'),
    Images: env.daemon.lib?.store.all().length ?? 0,
    Driver: 'overlay2',
    DriverStatus: [
      ['Backing Filesystem', 'extfs'],
      ['Supports d_type', 'true'],
      ['Using metacopy', 'false'],
      ['Native Overlay Diff', 'true'],
      ['userxattr', 'false'],
    ],
    Plugins: {
      Volume: ['local'],
      Network: ['bridge', 'host', 'ipvlan', 'macvlan', 'null', 'overlay'],
      Authorization: null,
      Log: ['awslogs', 'fluentd', 'gcplogs', 'gelf', 'journald', 'json-file', 'local', 'splunk', 'syslog'],
    },
    MemoryLimit: true,
    SwapLimit: true,
    CpuCfsPeriod: true,
    CpuCfsQuota: true,
    CPUShares: true,
    CPUSet: true,
    PidsLimit: true,
    IPv4Forwarding: true,
    // br_netfilter is loaded and both sysctls are 1 on node1 (kubeadm's preflight needs them; sysctl shows them).
    BridgeNfIptables: true,
    BridgeNfIp6tables: true,
    Debug: false,
    NFd: 24 + cs.length * 4,
    OomKillDisable: false,
    NGoroutines: 41 + n('running') * 8,
    SystemTime: new Date(env.host.clock.nowMs).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z'),
    LoggingDriver: 'json-file',
    CgroupDriver: 'systemd',
    CgroupVersion: '2',
    NEventsListener: 0,
    KernelVersion: fx.kernel.release,
    OperatingSystem: fx.os,
    OSVersion: '24.04',
    OSType: 'linux',
    Architecture: fx.kernel.machine,
    IndexServerAddress: 'https://index.docker.io/v1/',
    RegistryConfig: {
      AllowNondistributableArtifactsCIDRs: null,
      AllowNondistributableArtifactsHostnames: null,
      InsecureRegistryCIDRs: ['127.0.0.0/8'],
      IndexConfigs: { 'docker.io': { Name: 'docker.io', Mirrors: [], Secure: true, Official: true } },
      Mirrors: null,
    },
    NCPU: fx.cpus,
    MemTotal: fx.memTotalBytes,
    GenericResources: null,
    DockerRootDir: '/var/lib/docker',
    HttpProxy: '',
    HttpsProxy: '',
    NoProxy: '',
    Name: fx.hostname,
    Labels: [],
    ExperimentalBuild: false,
    ServerVersion: '27.3.1',
    Runtimes: {
      'io.containerd.runc.v2': { path: 'runc', status: { 'org.opencontainers.runtime-spec.features': '{}' } },
      runc: { path: 'runc', status: { 'org.opencontainers.runtime-spec.features': '{}' } },
    },
    DefaultRuntime: 'runc',
    Swarm: { NodeID: '', NodeAddr: '', LocalNodeState: 'inactive', ControlAvailable: false, Error: '', RemoteManagers: null },
    LiveRestoreEnabled: false,
    Isolation: '',
    InitBinary: 'docker-init',
    ContainerdCommit: { ID: '7f7fdf5fed64eb6a7caf99b3e12efcf9d60e311c' },
    RuncCommit: { ID: 'v1.1.14-0-g2c9f560' },
    InitCommit: { ID: 'de40ad0' },
    SecurityOptions: ['name=apparmor', 'name=seccomp,profile=builtin', 'name=cgroupns'],
    // docker/docker-ce-packaging builds dockerd with DEFAULT_PRODUCT_LICENSE="Community Engine" (moby daemon/info.go fillLicense).
    ProductLicense: 'Community Engine',
    // moby@v27.3.1:cmd/dockerd/daemon.go: without the "cdi" feature (off by default in 27) the directories are cleared;
    // daemon/info.go promoteNil reports them as [].
    CDISpecDirs: [],
    Containerd: { Address: '/run/containerd/containerd.sock', Namespaces: { Containers: 'moby', Plugins: 'plugins.moby' } },
    Warnings: null,
  };
  // Go field names where the json tag differs (moby@v27.3.1:api/types/system/info.go).
  const goNames: Record<string, string> = {
    CpuCfsPeriod: 'CPUCfsPeriod',
    CpuCfsQuota: 'CPUCfsQuota',
    BridgeNfIp6tables: 'BridgeNfIP6tables',
    HttpProxy: 'HTTPProxy',
    HttpsProxy: 'HTTPSProxy',
  };
  const fields: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(info)) fields[goNames[k] ?? k] = v;
  const cv = clientVersion(false);
  const clientInfo = new GoStruct('*system.clientInfo', { Debug: false, ...cv.fields, Plugins: CLI_PLUGINS, Warnings: null }, undefined, () => ({
    Debug: false,
    ...clientVersionJSON(cv.fields),
    Plugins: CLI_PLUGINS,
    Warnings: null,
  }));
  fields.ClientInfo = clientInfo;
  return new GoStruct('system.dockerInfo', fields, undefined, () => ({ ...info, ClientInfo: clientInfo }));
}
