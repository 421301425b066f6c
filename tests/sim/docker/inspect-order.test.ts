/**
 * `docker inspect`'s HostConfig and Config print every field of moby@v27.3.1's Go structs in
 * declaration order (api/types/container/hostconfig.go HostConfig with Resources embedded,
 * config.go Config), zero values as encoding/json writes them, `omitempty` fields only when set.
 * The expected documents below are written from those structs, for `docker run -d --name web nginx`
 * on a cgroup v2 host with dockerd 27.3.1's defaults (inspect-order.ts cites each one).
 */
import { describe, expect, it } from 'vitest';
import { FIELDS } from '../../../src/sim/shell/commands/docker/inspect-order.ts';
import { INSPECT_STRUCTS } from '../../../src/sim/shell/commands/docker/inspect-types.ts';
import { sh, world } from '../helpers.ts';

const HOST_CONFIG = {
  Binds: null,
  ContainerIDFile: '',
  LogConfig: { Type: 'json-file', Config: {} },
  NetworkMode: 'bridge',
  PortBindings: {},
  RestartPolicy: { Name: 'no', MaximumRetryCount: 0 },
  AutoRemove: false,
  VolumeDriver: '',
  VolumesFrom: null,
  // cli/command/container/create.go: the terminal's [height, width] (the world's default 24×80), docker's stdout being the terminal.
  ConsoleSize: [24, 80],
  // Annotations: omitempty.
  CapAdd: null,
  CapDrop: null,
  CgroupnsMode: 'private',
  Dns: [],
  DnsOptions: [],
  DnsSearch: [],
  ExtraHosts: null,
  GroupAdd: null,
  IpcMode: 'private',
  Cgroup: '',
  Links: null,
  OomScoreAdj: 0,
  PidMode: '',
  Privileged: false,
  PublishAllPorts: false,
  ReadonlyRootfs: false,
  SecurityOpt: null,
  // StorageOpt, Tmpfs: omitempty.
  UTSMode: '',
  UsernsMode: '',
  ShmSize: 67108864,
  // Sysctls: omitempty.
  Runtime: 'runc',
  Isolation: '',
  // Resources, embedded (KernelMemory, KernelMemoryTCP: omitempty).
  CpuShares: 0,
  Memory: 0,
  NanoCpus: 0,
  CgroupParent: '',
  BlkioWeight: 0,
  BlkioWeightDevice: [],
  BlkioDeviceReadBps: [],
  BlkioDeviceWriteBps: [],
  BlkioDeviceReadIOps: [],
  BlkioDeviceWriteIOps: [],
  CpuPeriod: 0,
  CpuQuota: 0,
  CpuRealtimePeriod: 0,
  CpuRealtimeRuntime: 0,
  CpusetCpus: '',
  CpusetMems: '',
  Devices: [],
  DeviceCgroupRules: null,
  DeviceRequests: null,
  MemoryReservation: 0,
  MemorySwap: 0,
  MemorySwappiness: null,
  OomKillDisable: null,
  PidsLimit: null,
  Ulimits: [],
  CpuCount: 0,
  CpuPercent: 0,
  IOMaximumIOps: 0,
  IOMaximumBandwidth: 0,
  // Mounts: omitempty.
  MaskedPaths: [
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
  ],
  ReadonlyPaths: ['/proc/bus', '/proc/fs', '/proc/irq', '/proc/sys', '/proc/sysrq-trigger'],
  // Init: omitempty.
};

const config = (hostname: string) => ({
  Hostname: hostname,
  Domainname: '',
  User: '',
  AttachStdin: false,
  AttachStdout: false,
  AttachStderr: false,
  ExposedPorts: { '80/tcp': {} },
  Tty: false,
  OpenStdin: false,
  StdinOnce: false,
  Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'NGINX_VERSION=1.25.5', 'NJS_VERSION=0.8.4', 'PKG_RELEASE=1~bookworm'],
  Cmd: ['nginx', '-g', 'daemon off;'],
  // Healthcheck, ArgsEscaped: omitempty.
  Image: 'nginx',
  Volumes: null,
  WorkingDir: '',
  Entrypoint: ['/docker-entrypoint.sh'],
  // NetworkDisabled, MacAddress: omitempty.
  OnBuild: null,
  // The image's LABEL, which the container's config starts from (moby@v27.3.1:daemon/commit.go merge).
  Labels: { maintainer: 'NGINX Docker Maintainers <docker-maint@nginx.com>' },
  StopSignal: 'SIGQUIT',
  // StopTimeout, Shell: omitempty.
});

/** A top-level member of `docker inspect`'s indented output, as MarshalIndent(v, "", "    ") prints it inside the array. */
const member = (name: string, v: unknown) => `        "${name}": ${JSON.stringify(v, null, 4).replace(/\n/g, '\n        ')}`;

describe('docker inspect: HostConfig and Config in Go declaration order (issue #9)', () => {
  it("prints a plain `docker run -d nginx` container's HostConfig and Config byte for byte", async () => {
    const w = await world(['nginx']);
    await w.exec('docker run -d --name web nginx');
    const hostname = (await sh(w, "docker inspect -f '{{.Config.Hostname}}' web")).out.trim();
    expect(hostname).toMatch(/^[0-9a-f]{12}$/);
    const out = (await sh(w, 'docker inspect web')).out;
    // ContainerJSONBase ends HostConfig, GraphDriver (SizeRw, SizeRootFs); then ContainerJSON's Mounts, Config, NetworkSettings.
    expect(out).toContain(`${member('HostConfig', HOST_CONFIG)},\n        "GraphDriver": {`);
    expect(out).toContain(`        "Mounts": [],\n${member('Config', config(hostname))},\n        "NetworkSettings": {`);
    expect((await sh(w, "docker inspect -f '{{json .HostConfig}}' web")).out).toBe(`${JSON.stringify(HOST_CONFIG)}\n`);
    expect((await sh(w, "docker inspect -f '{{json .Config}}' web")).out).toBe(`${JSON.stringify(config(hostname))}\n`);
  });

  it('puts fields set by flags in their own place, and omitempty fields only when set', async () => {
    const w = await world(['nginx']);
    await w.exec('docker run -d --name opts --init --tmpfs /run --sysctl net.ipv4.ip_forward=1 --pids-limit -1 --stop-timeout 5 nginx');
    const hc = JSON.parse((await sh(w, "docker inspect -f '{{json .HostConfig}}' opts")).out) as Record<string, unknown>;
    const keys = Object.keys(hc);
    expect(keys.slice(keys.indexOf('SecurityOpt'), keys.indexOf('UTSMode') + 1)).toEqual(['SecurityOpt', 'Tmpfs', 'UTSMode']);
    expect(keys.slice(keys.indexOf('ShmSize'), keys.indexOf('Runtime') + 1)).toEqual(['ShmSize', 'Sysctls', 'Runtime']);
    expect(keys.slice(-3)).toEqual(['MaskedPaths', 'ReadonlyPaths', 'Init']);
    expect([hc.Tmpfs, hc.Sysctls, hc.Init, hc.PidsLimit]).toEqual([{ '/run': '' }, { 'net.ipv4.ip_forward': '1' }, true, null]);
    const cfg = Object.keys(JSON.parse((await sh(w, "docker inspect -f '{{json .Config}}' opts")).out) as object);
    expect(cfg.slice(-3)).toEqual(['Labels', 'StopSignal', 'StopTimeout']);
  });

  it('records the attached streams, and the values of a container not started or privileged', async () => {
    const w = await world(['nginx']);
    await w.exec('docker create --name tty -it nginx');
    expect(
      (
        await sh(
          w,
          "docker inspect -f '{{.Config.AttachStdin}} {{.Config.AttachStdout}} {{.Config.AttachStderr}} {{.Config.StdinOnce}} {{.HostConfig.OomKillDisable}}' tty",
        )
      ).out,
    ).toBe('true true true true false\n');
    await w.exec('docker create --name errs -a stderr nginx');
    expect((await sh(w, "docker inspect -f '{{.Config.AttachStdin}} {{.Config.AttachStdout}} {{.Config.AttachStderr}} {{.Config.StdinOnce}}' errs")).out).toBe(
      'false false true false\n',
    );
    await w.exec('docker run -d --name priv --privileged nginx');
    expect(
      (await sh(w, "docker inspect -f '{{json .HostConfig.MaskedPaths}} {{json .HostConfig.ReadonlyPaths}} {{.HostConfig.OomKillDisable}}' priv")).out,
    ).toBe('null null <nil>\n');
    await w.exec('docker run -d --name open --security-opt systempaths=unconfined nginx');
    expect((await sh(w, "docker inspect -f '{{json .HostConfig.MaskedPaths}} {{json .HostConfig.ReadonlyPaths}}' open")).out).toBe('[] []\n');
  });

  it("lists each struct's fields as inspect-types.ts does (the typed view's table of the same structs)", () => {
    const code = (k: string) => (k === 'string' ? ':s' : k === 'int' ? ':i' : k === 'bool' ? ':b' : k.startsWith('struct:') ? `:${k.slice(7)}` : '');
    for (const [name, fields] of Object.entries(FIELDS)) {
      const want = INSPECT_STRUCTS[name]!.fields.map(([, json, kind]) => (kind.startsWith('embed') ? `...${kind.split(':')[1]}` : `${json}${code(kind)}`));
      expect(fields.split(' '), name).toEqual(want);
    }
  });
});
