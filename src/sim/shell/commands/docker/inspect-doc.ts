import type { Container } from '../../../docker/container.ts';
import type { Host } from '../../../host.ts';

const iso = (ms: number) => (ms ? new Date(ms).toISOString().replace('Z', '000000Z').replace(/\.(\d{3})0+Z$/, '.$1000000Z') : '0001-01-01T00:00:00Z');

/** The `docker inspect` document of a container (the fields the lessons read). */
export function inspectDoc(host: Host, c: Container): Record<string, unknown> {
  const running = c.status === 'running';
  const ports: Record<string, { HostIp: string; HostPort: string }[] | null> = {};
  for (const p of Object.keys(c.image.config.ExposedPorts ?? {})) ports[p] = null;
  for (const p of c.ports) (ports[`${p.containerPort}/${p.proto}`] ??= []).push({ HostIp: p.hostIp, HostPort: String(p.hostPort) });
  return {
    Id: c.id,
    Created: iso(c.createdMs),
    Path: (c.config.Entrypoint ?? c.config.Cmd ?? [''])[0],
    Args: [...(c.config.Entrypoint ?? []), ...(c.config.Cmd ?? [])].slice(1),
    State: {
      Status: c.status, Running: running, Paused: false, Restarting: false, OOMKilled: c.oomKilled, Dead: false,
      Pid: running ? c.pid : 0, ExitCode: c.exitCode, Error: '', StartedAt: iso(c.startedMs), FinishedAt: iso(c.finishedMs),
    },
    Image: c.image.id,
    Name: `/${c.name}`,
    RestartCount: c.restartCount,
    Driver: 'overlay2',
    GraphDriver: {
      Data: {
        LowerDir: `/var/lib/docker/overlay2/${c.id}-init/diff:/var/lib/docker/overlay2/${c.image.id.slice(7, 71)}/diff`,
        MergedDir: `/var/lib/docker/overlay2/${c.id}/merged`,
        UpperDir: `/var/lib/docker/overlay2/${c.id}/diff`,
        WorkDir: `/var/lib/docker/overlay2/${c.id}/work`,
      },
      Name: 'overlay2',
    },
    Mounts: [],
    AppArmorProfile: c.hostConfig.Privileged ? 'unconfined' : 'docker-default',
    HostConfig: c.hostConfig,
    Config: { ...c.config, ExposedPorts: c.image.config.ExposedPorts ?? null },
    NetworkSettings: {
      Ports: ports,
      IPAddress: running ? c.ip : '',
      Gateway: running && c.ip ? host.fixture.docker.bridgeGateway : '',
      IPPrefixLen: running && c.ip ? 16 : 0,
      MacAddress: running && c.ip ? `02:42:ac:11:00:${Number(c.ip.split('.')[3]).toString(16).padStart(2, '0')}` : '',
    },
  };
}
