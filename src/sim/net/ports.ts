/**
 * Port publishing: the `-p` grammar (moby/go-connections nat.ParsePortSpec), the port
 * allocator (explicit ports, or the next free one from the ephemeral range 32768–60999),
 * the clash error, and the texts `docker ps` and `docker port` print.
 */
import type { Container, PortBinding } from '../docker/container.ts';
import { isIpv4 } from './addr.ts';
import type { NetworkManager } from './manager.ts';

export const EPHEMERAL_FIRST = 32768;
export const EPHEMERAL_LAST = 60999;

export interface PublishSpec {
  /** `80/tcp` */
  key: string;
  HostIp: string;
  HostPort: string;
}

function portRange(text: string): [number, number] | undefined {
  const m = /^(\d+)(?:-(\d+))?$/.exec(text);
  if (!m) return undefined;
  const a = Number(m[1]);
  const b = Number(m[2] ?? m[1]);
  if (a < 1 || b > 65535 || b < a) return undefined;
  return [a, b];
}

/** One `-p` value → bindings, or the CLI's error text (`invalid containerPort: x`). */
export function parsePublish(spec: string): PublishSpec[] | string {
  let rest = spec;
  let proto = 'tcp';
  const slash = rest.lastIndexOf('/');
  if (slash >= 0) {
    proto = rest.slice(slash + 1).toLowerCase();
    rest = rest.slice(0, slash);
    if (!['tcp', 'udp', 'sctp'].includes(proto)) return `invalid proto: ${proto}`;
  }
  let ip = '';
  let hostPart = '';
  let containerPart: string;
  const v6 = /^\[([0-9a-fA-F:]+)\]:(.*)$/.exec(rest);
  if (v6) {
    ip = v6[1] as string;
    rest = v6[2] as string;
    const parts = rest.split(':');
    if (parts.length !== 2) return `invalid port format for --publish: ${spec}`;
    [hostPart, containerPart] = parts as [string, string];
  } else {
    const parts = rest.split(':');
    if (parts.length === 1) containerPart = parts[0] as string;
    else if (parts.length === 2) [hostPart, containerPart] = parts as [string, string];
    else if (parts.length === 3) [ip, hostPart, containerPart] = parts as [string, string, string];
    else return `invalid port format for --publish: ${spec}`;
    if (ip && !isIpv4(ip)) return `invalid IP address: ${ip}`;
  }
  if (!containerPart) return `no port specified: ${spec}<empty>`;
  const cr = portRange(containerPart);
  if (!cr) return `invalid containerPort: ${containerPart}`;
  const hr = hostPart ? portRange(hostPart) : undefined;
  if (hostPart && !hr) return `invalid hostPort: ${hostPart}`;
  const n = cr[1] - cr[0] + 1;
  if (hr && hr[1] - hr[0] + 1 !== n && hr[0] !== hr[1]) return `invalid ranges specified for container and host Ports: ${containerPart} and ${hostPart}`;
  return Array.from({ length: n }, (_, i) => ({
    key: `${cr[0] + i}/${proto}`,
    HostIp: ip,
    HostPort: hr ? String(hr[1] - hr[0] + 1 === n ? hr[0] + i : hr[0]) : '',
  }));
}

export type PortPlan = { bindings: PortBinding[]; error?: undefined } | { bindings: PortBinding[]; error: { hostIp: string; hostPort: number } };

const overlapsIp = (a: string, b: string) => a === b || a === '0.0.0.0' || b === '0.0.0.0' || a === '::' || b === '::';
const sameFamily = (a: string, b: string) => a.includes(':') === b.includes(':');

/**
 * The host ports of a container's bindings (HostConfig.PortBindings plus -P), IPv4 and IPv6
 * for an unspecified host IP. Stops at the first port already held by a running container.
 */
export function allocatePorts(mgr: NetworkManager, c: Container, others: Container[]): PortPlan {
  const wanted: { key: string; HostIp: string; HostPort: string }[] = [];
  for (const [key, list] of Object.entries(c.hostConfig.PortBindings ?? {})) for (const b of list) wanted.push({ key, HostIp: b.HostIp, HostPort: b.HostPort });
  if (c.hostConfig.PublishAllPorts)
    for (const key of Object.keys(c.image.config.ExposedPorts ?? {})) if (!wanted.some((w) => w.key === key)) wanted.push({ key, HostIp: '', HostPort: '' });
  const held = others.filter((o) => o !== c && o.status === 'running').flatMap((o) => o.ports);
  const out: PortBinding[] = [];
  const taken = (ip: string, port: number, proto: string) =>
    [...held, ...out].some((h) => h.hostPort === port && h.proto === proto && sameFamily(h.hostIp, ip) && overlapsIp(h.hostIp, ip));
  for (const w of wanted) {
    const [cport, proto] = w.key.split('/') as [string, string];
    const ips = w.HostIp ? [w.HostIp] : ['0.0.0.0', '::'];
    let port = Number(w.HostPort);
    if (!w.HostPort) {
      port = Math.max(EPHEMERAL_FIRST, mgr.lastEphemeral + 1);
      while (ips.some((ip) => taken(ip, port, proto)) && port < EPHEMERAL_LAST) port++;
      mgr.lastEphemeral = port;
    }
    for (const ip of ips) {
      if (taken(ip, port, proto)) return { bindings: [], error: { hostIp: ip, hostPort: port } };
      out.push({ hostIp: ip, hostPort: port, containerPort: Number(cport), proto });
    }
  }
  return { bindings: out };
}

/** `0.0.0.0:8080->80/tcp` or `[::]:8080->80/tcp`. */
export function bindingText(p: PortBinding): string {
  return `${hostAddr(p)}->${p.containerPort}/${p.proto}`;
}

export function hostAddr(p: PortBinding): string {
  return p.hostIp.includes(':') ? `[${p.hostIp}]:${p.hostPort}` : `${p.hostIp}:${p.hostPort}`;
}

/** The PORTS column: published bindings in order, then exposed ports nothing publishes. */
export function portsColumn(c: Container): string {
  const map = portsMap(c);
  const unbound = Object.keys(map).filter((k) => map[k] === null);
  return [...c.ports.map(bindingText), ...unbound].join(', ');
}

/** NetworkSettings.Ports: exposed ports map to null, published ones to their host bindings. */
export function portsMap(c: Container): Record<string, { HostIp: string; HostPort: string }[] | null> {
  const out: Record<string, { HostIp: string; HostPort: string }[] | null> = {};
  if (c.status !== 'running' || c.hostConfig.NetworkMode === 'host' || c.hostConfig.NetworkMode === 'none' || c.hostConfig.NetworkMode.startsWith('container:'))
    return out;
  for (const p of Object.keys(c.image.config.ExposedPorts ?? {})) out[p] = null;
  for (const key of Object.keys(c.hostConfig.PortBindings ?? {})) out[key] ??= null;
  for (const p of c.ports) {
    const key = `${p.containerPort}/${p.proto}`;
    (out[key] ??= []).push({ HostIp: p.hostIp, HostPort: String(p.hostPort) });
  }
  return out;
}
