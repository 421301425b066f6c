import { containerLabels, stateString, type Container } from '../../../docker/container.ts';
import type { Daemon } from '../../../docker/daemon.ts';
import type { Host } from '../../../host.ts';
import { inspectConfig, inspectHostConfig } from './inspect-order.ts';
import { inspectMounts } from './run-storage.ts';
import { networkManagerOf } from '../../../net/manager.ts';
import { networkSettings } from '../../../net/inspect.ts';

const iso = (ms: number) =>
  ms
    ? new Date(ms)
        .toISOString()
        .replace('Z', '000000Z')
        .replace(/\.(\d{3})0+Z$/, '.$1000000Z')
    : '0001-01-01T00:00:00Z';

/**
 * The container's layer sizes as the daemon counts them for `docker ps -s` and `docker inspect -s`:
 * moby@v27.3.1:daemon/images/image_unix.go GetContainerLayerSize: SizeRw is the upperdir's size
 * (pkg/directory Size: every entry but directories, a symlink by its target's length), SizeRootFs the
 * image's size plus SizeRw.
 */
export function layerSizes(daemon: Daemon, c: Container): { rw: number; rootfs: number } {
  let rw = 0;
  for (const e of daemon.lib?.rootfs.get(c.id)?.root.upper.values() ?? []) {
    if (e.type === 'file') rw += e.size;
    else if (e.type === 'symlink') rw += e.target.length;
  }
  return { rw, rootfs: (daemon.lib?.imageOf(c)?.image.size ?? 0) + rw };
}

/**
 * The `docker inspect` document of a container, its keys in moby@v27.3.1:api/types/types.go
 * ContainerJSONBase's order (then Mounts, Config, NetworkSettings). The files the daemon keeps per
 * container sit in /var/lib/docker/containers/<id>/ (moby@v27.3.1:container/container_unix.go
 * ResolvConfPath/HostnamePath/HostsPath via GetRootResourcePath; daemon/logger/jsonfilelog: LogPath
 * <id>-json.log); --network container:X shares X's (daemon/container_operations.go initializeNetworking).
 * `size` (docker inspect -s) adds SizeRw and SizeRootFs (daemon/inspect.go, omitted otherwise).
 */
export function inspectDoc(host: Host, c: Container, daemon?: Daemon, size = false): Record<string, unknown> {
  const running = c.status === 'running';
  const rootfs = daemon?.lib?.rootfs.get(c.id);
  const mounts = daemon ? inspectMounts(daemon, c) : [];
  const net = networkManagerOf(host);
  const ports: Record<string, { HostIp: string; HostPort: string }[] | null> = {};
  for (const p of Object.keys(c.image.config.ExposedPorts ?? {})) ports[p] = null;
  for (const p of c.ports) (ports[`${p.containerPort}/${p.proto}`] ??= []).push({ HostIp: p.hostIp, HostPort: String(p.hostPort) });
  const mode = c.hostConfig.NetworkMode;
  const owner = mode.startsWith('container:') ? (daemon?.find(mode.slice('container:'.length)) ?? c) : c;
  const dir = `/var/lib/docker/containers/${owner.id}`;
  return {
    Id: c.id,
    Created: iso(c.createdMs),
    Path: (c.config.Entrypoint ?? c.config.Cmd ?? [''])[0],
    Args: [...(c.config.Entrypoint ?? []), ...(c.config.Cmd ?? [])].slice(1),
    State: {
      Status: stateString(c),
      Running: running,
      Paused: Boolean(c.paused),
      Restarting: false,
      OOMKilled: c.oomKilled,
      Dead: false,
      Pid: running ? c.pid : 0,
      ExitCode: c.exitCode,
      Error: '',
      StartedAt: iso(c.startedMs),
      FinishedAt: iso(c.finishedMs),
      ...(c.health ? { Health: { Status: c.health.Status, FailingStreak: c.health.FailingStreak, Log: c.health.Log } } : {}),
    },
    Image: c.image.id,
    ResolvConfPath: `${dir}/resolv.conf`,
    HostnamePath: `${dir}/hostname`,
    HostsPath: `${dir}/hosts`,
    LogPath: `/var/lib/docker/containers/${c.id}/${c.id}-json.log`,
    Name: `/${c.name}`,
    RestartCount: c.restartCount,
    Driver: 'overlay2',
    Platform: 'linux',
    MountLabel: '',
    ProcessLabel: '',
    AppArmorProfile: c.hostConfig.Privileged ? 'unconfined' : 'docker-default',
    // The daemon drops an exec from the container's list when it exits (moby@v27.3.1:daemon/monitor.go ProcessEvent).
    ExecIDs: null,
    HostConfig: inspectHostConfig(c),
    GraphDriver: {
      Data: rootfs?.graphDriver ?? null,
      Name: 'overlay2',
    },
    ...(size && daemon ? { SizeRw: layerSizes(daemon, c).rw, SizeRootFs: layerSizes(daemon, c).rootfs } : {}),
    Mounts: mounts,
    // Config.Labels: the image's labels merged with the container's --label (moby@v27.3.1:daemon/commit.go merge).
    // ExposedPorts: the image's and --expose's (moby@v27.3.1:daemon/commit.go merge), keys sorted as encoding/json writes a map.
    Config: inspectConfig(c, { ...c.config, ExposedPorts: exposed(c), Labels: { ...containerLabels(c) } }),
    NetworkSettings: net ? networkSettings(net, c) : { Ports: ports },
  };
}

function exposed(c: Container): Record<string, object> | null {
  const all: Record<string, object> = { ...(c.image.config.ExposedPorts ?? {}), ...(c.config.ExposedPorts ?? {}) };
  const keys = Object.keys(all).sort();
  return keys.length ? Object.fromEntries(keys.map((k) => [k, {}])) : (c.image.config.ExposedPorts ?? null);
}
