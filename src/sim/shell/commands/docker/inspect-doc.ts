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

/** The `docker inspect` document of a container (the fields the lessons read). */
export function inspectDoc(host: Host, c: Container, daemon?: Daemon): Record<string, unknown> {
  const running = c.status === 'running';
  const rootfs = daemon?.lib?.rootfs.get(c.id);
  const mounts = daemon ? inspectMounts(daemon, c) : [];
  const net = networkManagerOf(host);
  const ports: Record<string, { HostIp: string; HostPort: string }[] | null> = {};
  for (const p of Object.keys(c.image.config.ExposedPorts ?? {})) ports[p] = null;
  for (const p of c.ports) (ports[`${p.containerPort}/${p.proto}`] ??= []).push({ HostIp: p.hostIp, HostPort: String(p.hostPort) });
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
    },
    Image: c.image.id,
    Name: `/${c.name}`,
    RestartCount: c.restartCount,
    Driver: 'overlay2',
    GraphDriver: {
      Data: rootfs?.graphDriver ?? null,
      Name: 'overlay2',
    },
    Mounts: mounts,
    AppArmorProfile: c.hostConfig.Privileged ? 'unconfined' : 'docker-default',
    HostConfig: inspectHostConfig(c),
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
