/**
 * dockerd's userland proxy (on by default): one docker-proxy process per published host address,
 * started by dockerd when the container joins its bridge network, before containerd starts the
 * shim (moby@v27.3.1:daemon/start.go initializeNetworking comes before the task is created).
 *
 * - Which bindings: moby@v27.3.1:libnetwork/drivers/bridge/port_mapping_linux.go addPortMappings.
 *   A binding with no host address gets 0.0.0.0 and, because node1 can listen on IPv6
 *   (IsV6Listenable) and the proxy is on, also `::`: the container has no IPv6 address on the
 *   default bridge, so the `::` proxy forwards to its IPv4 address. They start in the order of
 *   cmpPortBinding (exact host ports before ranges, then container port, protocol tcp < udp < sctp,
 *   host port, host address with IPv4 before IPv6), IPv4 and IPv6 of one mapping side by side.
 * - Its argv: moby@v27.3.1:libnetwork/portmapper/proxy_linux.go newProxyCommand (`-proto P -host-ip IP
 *   -host-port N -container-ip IP -container-port N`); the path is `docker-proxy` looked up in PATH
 *   (daemon/config/config_linux.go userlandProxyBinary), /usr/bin/docker-proxy from the docker-ce package.
 * - Its socket: cmd/docker-proxy/main.go gets the pipe to dockerd as fd 3 (ExtraFiles) and listens
 *   next, so the listening socket is fd 4.
 * - It ends when the endpoint is released (releasePortBindings → proxyCommand.stop sends os.Interrupt;
 *   handleStopSignals exits 0), and dockerd's cmd.Wait reaps it. A proxy killed by hand is reaped the
 *   same way, and its port has no listener until the container starts again.
 */
import type { Host } from '../host.ts';
import type { Proc } from '../kernel/types.ts';
import type { Container, PortBinding } from './container.ts';

export const PROXY_PATH = '/usr/bin/docker-proxy';
/** The listening socket's descriptor in the proxy (fd 3 is the pipe back to dockerd). */
export const PROXY_SOCKET_FD = 4;

export interface UserlandProxy {
  pid: number;
  binding: PortBinding;
}

/** The Go runtime's threads of an idle proxy (main, sysmon, and the ones the scheduler started for its goroutines). */
const PROXY_THREADS = 5;

const PROTO_ORDER: Record<string, number> = { tcp: 0, udp: 1, sctp: 2 };

/** Whether the learner asked for this exact host port (-p 8080:80), not a range or an ephemeral one (-p 80, -P). */
function exactHostPort(c: Container, b: PortBinding): boolean {
  const asked = c.hostConfig.PortBindings?.[`${b.containerPort}/${b.proto}`] ?? [];
  return asked.some((a) => /^\d+$/.test(a.HostPort) && Number(a.HostPort) === b.hostPort);
}

/** libnetwork cmpPortBinding, for bindings already given their host ports. */
export function proxyOrder(c: Container, bindings: PortBinding[]): PortBinding[] {
  const v6 = (ip: string) => (ip.includes(':') ? 1 : 0);
  return [...bindings].sort(
    (a, b) =>
      Number(exactHostPort(c, b)) - Number(exactHostPort(c, a)) ||
      a.containerPort - b.containerPort ||
      (PROTO_ORDER[a.proto] ?? 3) - (PROTO_ORDER[b.proto] ?? 3) ||
      a.hostPort - b.hostPort ||
      v6(a.hostIp) - v6(b.hostIp),
  );
}

/** The argv dockerd gives a proxy (newProxyCommand). */
export function proxyArgv(b: PortBinding, containerIp: string): string[] {
  return [
    PROXY_PATH,
    '-proto',
    b.proto,
    '-host-ip',
    b.hostIp,
    '-host-port',
    String(b.hostPort),
    '-container-ip',
    containerIp,
    '-container-port',
    String(b.containerPort),
  ];
}

/** The running dockerd (the proxies' parent). */
function dockerd(host: Host): Proc | undefined {
  for (const p of host.kernel.procs.values()) if (p.comm === 'dockerd' && p.ppid === 1 && p.state !== 'Z') return p;
  return undefined;
}

/** Starts one docker-proxy per binding of a container that has just joined its network (c.ip is set). */
export function startProxies(host: Host, c: Container): UserlandProxy[] {
  const parent = dockerd(host);
  if (!host.userlandProxy || !parent || !c.ip || !c.ports.length) return [];
  host.runc.reachFixturePids();
  const pidNs = host.kernel.ns(host.fixture.namespaces.pid);
  return proxyOrder(c, c.ports).map((binding) => {
    const p = host.kernel.spawn({
      parent,
      argv: proxyArgv(binding, c.ip),
      comm: 'docker-proxy',
      ns: host.fixture.namespaces,
      // A small Go program: its runtime threads, and no handler kill(1) could see (handleStopSignals exits on SIGINT
      // and SIGTERM, as the default action would end it), so any fatal signal ends it and dockerd reaps it.
      patch: { cgroup: '/system.slice/docker.service', reaps: false, handlers: new Set(), threads: PROXY_THREADS, rssBytes: 3_768_320, vszKb: 1_238_172 },
    });
    // Its threads take their IDs from the same counter before dockerd starts the next process.
    pidNs.nextPid = p.pid + PROXY_THREADS;
    return { pid: p.pid, binding };
  });
}

/** The endpoint is released: every proxy still running gets os.Interrupt and exits 0; dockerd reaps it. */
export function stopProxies(host: Host, c: Container): void {
  const k = host.kernel;
  const proxies = c.proxies ?? [];
  c.proxies = undefined;
  for (const { pid } of proxies) {
    const p = k.procs.get(pid);
    if (!p) continue;
    k.exit(p, 0);
    k.release(p);
  }
}

/** The proxies of running containers whose process is alive: the host's listening sockets for published ports. */
export function liveProxies(host: Host, containers: Iterable<Container>): (UserlandProxy & { container: Container })[] {
  const out: (UserlandProxy & { container: Container })[] = [];
  for (const c of containers) {
    if (c.status !== 'running') continue;
    for (const px of c.proxies ?? []) {
      const p = host.kernel.procs.get(px.pid);
      if (p && p.state !== 'Z') out.push({ ...px, container: c });
    }
  }
  return out;
}

/** dockerd waits for each proxy it started: one that ends on its own (killed by hand) is reaped at once and its port has no listener. */
export function reapProxies(host: Host, containers: () => Iterable<Container>): void {
  host.kernel.onExit.push((p) => {
    for (const c of containers()) if (c.proxies?.some((px) => px.pid === p.pid)) host.kernel.release(p);
  });
}
