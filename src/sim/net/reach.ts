/**
 * Who answers where: name resolution (Docker's embedded DNS on user-defined networks,
 * nothing by name on the default bridge) and reachability between network namespaces
 * (containers on the same network, the host to every bridge, no traffic between
 * different bridge networks), plus which container serves a TCP port.
 */
import type { Container } from '../docker/container.ts';
import type { Host } from '../host.ts';
import { inCidr, isIpv4 } from './addr.ts';
import { dnsNames, parseLink } from './endpoint-config.ts';
import type { NetworkManager } from './manager.ts';
import { type Learned, wiredReach } from './wired.ts';

export type Target =
  | { kind: 'self' }
  | { kind: 'host' }
  | { kind: 'container'; c: Container }
  | { kind: 'external' }
  | { kind: 'dropped' }
  | { kind: 'unreachable' }
  /** Answered across links made by hand (net/wired.ts), with the TTL the reply arrives with. */
  | { kind: 'wired'; ttl: number; learned: Learned[] }
  /** A route, but no neighbour answers ARP on it: ICMP host unreachable from the sender's own address `src`. */
  | { kind: 'arp'; src: string };

/** The container that owns a network namespace (the one holding its endpoints). */
export function ownerOf(containers: Iterable<Container>, netns: number): Container | undefined {
  const list = [...containers].filter((c) => c.status === 'running' && c.netns === netns);
  return list.find((c) => !c.hostConfig.NetworkMode.startsWith('container:')) ?? list[0];
}

/** A name as the resolver of `netns` sees it: an IPv4 literal, localhost, or a container on a shared user-defined network. */
export function resolveName(host: Host, mgr: NetworkManager, containerList: Iterable<Container>, netns: number, name: string): string | undefined {
  const containers = [...containerList];
  if (isIpv4(name)) return name;
  if (name === 'localhost') return '127.0.0.1';
  // On node1, nss files comes first (`hosts: files dns`): /etc/hosts maps the hostname to 127.0.1.1 (fs/hostfiles.ts).
  if (netns === host.fixture.namespaces.net) return name === host.fixture.hostname ? '127.0.1.1' : undefined;
  const me = ownerOf(containers, netns);
  if (!me) return undefined;
  if (name === me.config.Hostname)
    return (
      mgr
        .networksOf(me)
        .map((n) => n.endpoints.get(me.id)?.ip)
        .find(Boolean) ?? '127.0.0.1'
    );
  const all = containers;
  for (const net of mgr.networksOf(me)) {
    if (net.builtin || !net.endpoints.has(me.id)) continue;
    // A link's alias (libnetwork CreateOptionAlias) answers, on this network, for the container the link names.
    const want = (mgr.configOf(me, net)?.links ?? []).map(parseLink).find(([, alias]) => alias === name)?.[0] ?? name;
    for (const [cid, ep] of net.endpoints) {
      const c = all.find((x) => x.id === cid);
      // The embedded DNS answers the endpoint's DNSNames (name, aliases, short id, hostname) and the full id.
      if (c && (c.id === want || dnsNames(c, mgr.configOf(c, net)?.aliases ?? []).includes(want))) return ep.ip;
    }
  }
  return undefined;
}

/** Where a packet from `netns` to `ip` ends up. */
export function reach(host: Host, mgr: NetworkManager, containerList: Iterable<Container>, netns: number, ip: string): Target {
  const containers = [...containerList];
  const k = host.kernel;
  const ns = k.ns(netns);
  const own = (ns.interfaces ?? []).some((i) => i.addrs.some((a) => a.split('/')[0] === ip));
  // 127.0.0.0/8 is lo's: in a new network namespace lo is down until `ip link set lo up`, and there is no route.
  if (ip.startsWith('127.')) return (ns.interfaces ?? []).some((i) => i.kind === 'loopback' && i.up) ? { kind: 'self' } : { kind: 'unreachable' };
  if (own) return { kind: 'self' };
  const hostNs = host.fixture.namespaces.net;
  const wired = wiredReach(k, netns, ip, netns !== hostNs && !ownerOf(containers, netns));
  if (wired) return wired;
  const hostAddrs = (k.ns(hostNs).interfaces ?? []).flatMap((i) => i.addrs.map((a) => a.split('/')[0]));
  const list = [...containers];
  const byIp = (nets: ReturnType<NetworkManager['list']>) => {
    for (const n of nets) for (const [cid, ep] of n.endpoints) if (ep.ip === ip) return list.find((c) => c.id === cid);
    return undefined;
  };
  if (netns === hostNs) {
    const c = byIp(mgr.list());
    if (c) return { kind: 'container', c };
    if (mgr.list().some((n) => n.subnet && inCidr(ip, n.subnet))) return { kind: 'dropped' };
    return { kind: 'external' };
  }
  if (!(ns.interfaces ?? []).some((i) => i.kind !== 'loopback' && i.up && i.addrs.length)) return { kind: 'unreachable' };
  const me = ownerOf(list, netns);
  const mine = me ? mgr.networksOf(me).filter((n) => n.endpoints.has(me.id)) : [];
  const peer = byIp(mine);
  if (peer) return { kind: 'container', c: peer };
  if (mine.some((n) => n.gateway === ip) || hostAddrs.includes(ip)) return mine.some((n) => n.internal) ? { kind: 'dropped' } : { kind: 'host' };
  if (mgr.list().some((n) => n.subnet && inCidr(ip, n.subnet))) return { kind: 'dropped' };
  if (!ns.gateway) return { kind: 'unreachable' };
  return { kind: 'external' };
}

/** The TCP port a container's main program listens on. */
export function listeningPort(c: Container): number | undefined {
  const repo = c.image.repo.split('/').pop();
  if (repo === 'nginx' || repo === 'httpd') return 80;
  if (repo === 'kubia') return 8080;
  if (repo === 'registry') return 5000;
  return undefined;
}

/** The container that accepts a TCP connection from `netns` to ip:port, and the client address it logs. */
export function serverFor(
  host: Host,
  mgr: NetworkManager,
  containers: Iterable<Container>,
  netns: number,
  ip: string,
  port: number,
): { c: Container; client: string } | undefined {
  const list = [...containers].filter((c) => c.status === 'running');
  const hostNs = host.fixture.namespaces.net;
  const t = reach(host, mgr, list, netns, ip);
  // The port the container's main program bound (runtime/programs.ts `listens`), else the image's usual port.
  const listensOn = (c: Container, p: number | undefined) => {
    const prog = c.pid ? host.runc.programOf(c.pid) : undefined;
    return p !== undefined && (prog?.listens ? prog.listens.includes(p) : listeningPort(c) === p);
  };
  const listenerIn = (ns: number) => list.find((c) => c.netns === ns && listensOn(c, port));
  const published = (loopback: boolean) =>
    list.find(
      (c) =>
        c.ports.some(
          (p) => p.hostPort === port && (p.hostIp === '0.0.0.0' || p.hostIp === '::' || p.hostIp === ip || (loopback && p.hostIp.startsWith('127.'))),
        ) && listensOn(c, c.ports.find((p) => p.hostPort === port)?.containerPort),
    );
  const gatewayOf = (c: Container) => mgr.networksOf(c).find((n) => n.endpoints.has(c.id))?.gateway ?? '172.17.0.1';
  if (t.kind === 'self') {
    const local = listenerIn(netns);
    if (local) return { c: local, client: ip.startsWith('127.') ? '127.0.0.1' : ip };
    if (netns === hostNs) {
      const c = published(ip.startsWith('127.'));
      if (c) return { c, client: gatewayOf(c) };
    }
    return undefined;
  }
  if (t.kind === 'host') {
    const c = published(false) ?? listenerIn(hostNs);
    const me = ownerOf(list, netns);
    return c
      ? {
          c,
          client: me
            ? (mgr
                .networksOf(me)
                .map((n) => n.endpoints.get(me.id)?.ip)
                .find(Boolean) ?? ip)
            : ip,
        }
      : undefined;
  }
  if (t.kind === 'container') {
    const c = t.c.netns !== undefined ? listenerIn(t.c.netns) : undefined;
    if (!c) return undefined;
    const me = netns === hostNs ? undefined : ownerOf(list, netns);
    const client = me
      ? (mgr
          .networksOf(me)
          .map((n) => n.endpoints.get(me.id)?.ip)
          .find(Boolean) ?? '')
      : gatewayOf(c);
    return { c, client };
  }
  return undefined;
}
