/**
 * docker-proxy, the userland proxy dockerd starts for each published host address and port (userland-proxy is on by
 * default). moby@v27.3.1:
 * - libnetwork/drivers/bridge/port_mapping_linux.go addPortMappings: an unspecified host address binds 0.0.0.0 and,
 *   when the host can listen on IPv6 (configurePortBindingIPv6), `::` too; a container without an IPv6 address is
 *   reached on its IPv4 one from both. bindHostPorts starts a proxy per binding, in that order, while the endpoint
 *   joins, so before the container's task starts.
 * - libnetwork/portmapper/proxy_linux.go newProxyCommand: argv `docker-proxy -proto P -host-ip IP -host-port N
 *   -container-ip IP -container-port N`, a child of dockerd (Pdeathsig SIGTERM), stopped when the mapping goes
 *   (the container stops).
 * The proxy (cmd/docker-proxy) opens its listener after fds 0–2 and the parent's pipe (fd 3): the socket is fd 4.
 */
import type { Host } from '../host.ts';
import type { Proc } from '../kernel/types.ts';
import type { Container } from './container.ts';

export const PROXY_PATH = '/usr/bin/docker-proxy';
/** The Go runtime's threads of an idle docker-proxy (each takes a PID, as a thread does). */
const PROXY_THREADS = 5;

/** The running proxies of each container. */
const proxies = new WeakMap<Container, Proc[]>();

/** Starts one docker-proxy per TCP/UDP/SCTP binding of `c`, under dockerd, towards the container's address. */
export function startProxies(host: Host, c: Container): void {
  const k = host.kernel;
  const dockerd = [...k.procs.values()].find((p) => p.comm === 'dockerd' && p.ppid === 1);
  if (!dockerd || !c.ip) return;
  const list: Proc[] = [];
  for (const b of c.ports) {
    const p = k.spawn({
      parent: dockerd,
      argv: [PROXY_PATH, '-proto', b.proto, '-host-ip', b.hostIp, '-host-port', String(b.hostPort), '-container-ip', c.ip, '-container-port', String(b.containerPort)],
      patch: { cgroup: '/system.slice/docker.service', reaps: false, handlers: new Set([15]), threads: PROXY_THREADS, program: { kind: 'idle' }, rssBytes: 3_932_160, vszKb: 1_745_092, tty: '?', state: 'S', env: {} },
    });
    // Its threads' ids follow its PID.
    const ns = k.ns(p.ns.pid);
    ns.nextPid = Math.max(ns.nextPid ?? 0, p.pid + PROXY_THREADS);
    list.push(p);
  }
  proxies.set(c, list);
}

/** Stops the container's proxies when its port mappings are released: SIGTERM, on which docker-proxy closes and exits 0. */
export function stopProxies(host: Host, c: Container): void {
  for (const p of proxies.get(c) ?? []) {
    if (p.state === 'Z' || !host.kernel.procs.has(p.pid)) continue;
    host.kernel.exit(p, 0);
    host.kernel.release(p);
  }
  proxies.delete(c);
}

/** The docker-proxy listening on a host address and port, for ss's users:(…). */
export function proxyFor(host: Host, c: Container, hostIp: string, hostPort: number, proto: string): Proc | undefined {
  return (proxies.get(c) ?? []).find((p) => p.argv[2] === proto && p.argv[4] === hostIp && p.argv[6] === String(hostPort) && host.kernel.procs.has(p.pid));
}
