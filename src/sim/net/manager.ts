/**
 * The daemon's network controller: networks, endpoints (one veth pair per container and
 * network), port bindings and the host's view of peer namespaces (link-netnsid).
 *
 * ifindex: the kernel numbers interfaces per namespace and never reuses a number. The veth
 * pair is created in the host namespace, the container end (the "peer", registered first,
 * so it has the lower number) is then moved into the container and keeps its number:
 * container `6: eth0@if7`, host `7: veth…@if6`.
 */
import { logBridgeJoin } from './bridge-log.ts';
import type { Container, PortBinding } from '../docker/container.ts';
import type { Host } from '../host.ts';
import type { Namespace, NetIface } from '../kernel/types.ts';
import type { Rng } from '../rng.ts';
import { intToIp, linkLocal6, macFromIp, parseCidr, randomMac } from './addr.ts';
import type { EndpointConfig } from './endpoint-config.ts';
import { allocateIp, DEFAULT_BRIDGE_OPTIONS, mtuOf, nextPool, subnetsError, takenError, type Endpoint, type Network } from './networks.ts';
import { allocatePorts, type PortPlan } from './ports.ts';
import { enslaved } from './linkdetails.ts';
import { dropNsid, nsidOf } from './wire.ts';
import { attached } from '../attached.ts';

/** Modes that do not name a network. */
export function isContainerMode(mode: string): boolean {
  return mode.startsWith('container:');
}

const managers = attached<Host, NetworkManager>('managers');

/** The network controller of a host's daemon (for documents built from the host alone, like `docker inspect`). */
export function networkManagerOf(host: Host): NetworkManager | undefined {
  return managers.get(host);
}

/** What `docker network create` asks the daemon for (network.CreateOptions, one IPv4 IPAM config). */
export interface CreateOptions {
  driver?: string;
  subnet?: string;
  subnets?: string[]; // every --subnet given
  ipRange?: string;
  gateway?: string;
  auxAddresses?: Record<string, string>;
  internal?: boolean;
  attachable?: boolean;
  ipv6?: boolean;
  options?: Record<string, string>;
  labels?: Record<string, string>;
}

export class NetworkManager {
  readonly networks = new Map<string, Network>();
  /** Networks of a container once `docker network connect/disconnect` changed them (container id → network ids); else the one of --network. */
  readonly joined = new Map<string, string[]>();
  /** What --ip and the aliases asked for (endpoint-config.ts), per container id, then network id. */
  private readonly configs = new Map<string, Map<string, EndpointConfig>>();
  /** Ephemeral host ports handed out so far (docker's port allocator continues after the last one). */
  lastEphemeral = 0;

  constructor(
    private readonly host: Host,
    readonly rng: Rng,
  ) {
    managers.set(host, this);
    const boot = Date.parse(host.fixture.bootTime) + 9_000;
    const fx = host.fixture;
    this.add({
      name: 'bridge',
      driver: 'bridge',
      createdMs: boot,
      builtin: true,
      subnet: parseCidr(fx.docker.bridgeSubnet),
      gateway: fx.docker.bridgeGateway,
      bridge: 'docker0',
      // moby@v27.3.1:daemon/daemon_unix.go initBridgeDriver sets docker0's pool as the PreferredPool.
      userSubnet: true,
      options: { ...DEFAULT_BRIDGE_OPTIONS },
    });
    this.add({ name: 'host', driver: 'host', createdMs: boot, builtin: true, options: {} });
    this.add({ name: 'none', driver: 'null', createdMs: boot, builtin: true, options: {} });
  }

  private add(n: Omit<Network, 'id' | 'endpoints' | 'internal' | 'attachable' | 'labels'> & Partial<Network>): Network {
    const net: Network = { id: this.rng.hex(64), endpoints: new Map(), internal: false, attachable: false, labels: {}, ...n };
    this.networks.set(net.id, net);
    return net;
  }

  get hostNet(): Namespace {
    return this.host.kernel.ns(this.host.fixture.namespaces.net);
  }

  /** By name, full id or unique id prefix (names win), as the daemon looks networks up. */
  find(ref: string): Network | undefined {
    const all = [...this.networks.values()];
    const byName = all.find((n) => n.name === ref);
    if (byName) return byName;
    const byId = all.find((n) => n.id === ref);
    if (byId) return byId;
    const prefix = all.filter((n) => ref.length > 0 && n.id.startsWith(ref));
    return prefix.length === 1 ? prefix[0] : undefined;
  }

  list(): Network[] {
    return [...this.networks.values()];
  }

  /**
   * `docker network create`, after the CLI consolidated its IPAM options (network-create.ts): a user-defined bridge
   * with the next free default pool, or --subnet (with its --ip-range and --gateway); --opt and --label as given.
   */
  create(name: string, opts: CreateOptions): Network | string {
    const driver = opts.driver ?? 'bridge';
    if (driver === 'host' || driver === 'null') return `only one instance of "${driver}" network is allowed`;
    if (driver === 'overlay')
      return 'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.';
    if (driver !== 'bridge') return `plugin "${driver}" not found`;
    if (this.list().some((n) => n.name === name)) return `network with name ${name} already exists`;
    let subnet = nextPool(this.networks.values());
    if (opts.subnet !== undefined) {
      const bad = subnetsError(opts.subnets ?? [opts.subnet], this.list());
      if (bad) return bad;
      subnet = parseCidr(opts.subnet);
    }
    // moby@v27.3.1:libnetwork/ipamapi/contract.go ErrNoMoreSubnets: the default pools are spent, and there are no IPv6 ones
    // (libnetwork/ipamutils/utils.go lists IPv4 pools only), so --ipv6 without an IPv6 --subnet finds none.
    if (!subnet || opts.ipv6) return 'all predefined address pools have been fully subnetted';
    const ipRange = opts.ipRange === undefined ? undefined : parseCidr(opts.ipRange);
    const draft = { subnet, ipRange, endpoints: new Map(), gateway: undefined } as unknown as Network;
    const gateway = opts.gateway ?? allocateIp(draft);
    // libnetwork/network.go ipamAllocateVersion: the gateway is requested from the pool, whose network and broadcast addresses are taken.
    const edge = (ip: string | undefined) => [subnet.base, subnet.base + 2 ** (32 - subnet.len) - 1].some((n) => intToIp(n >>> 0) === ip);
    if (gateway === undefined || edge(gateway)) return `failed to allocate gateway (${opts.gateway ?? ''}): Address already in use`;
    // moby@v27.3.1:libnetwork/network.go ipamAllocateVersion: then each auxiliary address is reserved in the pool.
    for (const [k, v] of Object.entries(opts.auxAddresses ?? {}))
      if (v === gateway || edge(v)) return `failed to allocate secondary ip address (${k}:${v}): Address already in use`;
    // moby@v27.3.1:libnetwork/drivers/bridge/bridge_linux.go fromLabels: the MTU option goes through strconv.Atoi (parseErr).
    const mtuText = opts.options?.['com.docker.network.driver.mtu'];
    if (mtuText !== undefined && !/^[+-]?\d+$/.test(mtuText))
      return `failed to parse com.docker.network.driver.mtu value: ${mtuText} (strconv.Atoi: parsing ${JSON.stringify(mtuText)}: invalid syntax)`;
    const mtu = Number(mtuText ?? 1500);
    // moby@v27.3.1:libnetwork/drivers/bridge/bridge_linux.go CreateNetwork, after the options: processIPAM takes one IPv4 pool.
    if ((opts.subnets ?? []).length > 1) return "bridge driver doesn't support multiple subnets";
    const net = this.add({
      name,
      driver: 'bridge',
      createdMs: this.host.clock.nowMs,
      builtin: false,
      subnet,
      gateway,
      ipRange,
      ...(opts.auxAddresses ? { auxAddresses: opts.auxAddresses } : {}),
      userSubnet: opts.subnet !== undefined,
      options: opts.options ?? {},
      internal: Boolean(opts.internal),
      attachable: Boolean(opts.attachable),
      labels: opts.labels ?? {},
    });
    net.bridge = opts.options?.['com.docker.network.bridge.name'] || `br-${net.id.slice(0, 12)}`;
    const hn = this.hostNet;
    const index = hn.nextIfindex ?? 6;
    hn.nextIfindex = index + 1;
    hn.interfaces!.push({
      index,
      name: net.bridge,
      kind: 'bridge',
      up: false,
      mtu,
      mac: `02:42:${[0, 1, 2, 3].map(() => this.rng.hex(2)).join(':')}`,
      addrs: [`${gateway}/${subnet.len}`],
      openedMs: this.host.clock.nowMs,
    });
    return net;
  }

  /** Active endpoints block removal; the built-in networks cannot be removed. */
  remove(net: Network): string | undefined {
    if (net.builtin) return `${net.name} is a pre-defined network and cannot be removed`;
    const users = this.containersOn(net);
    if (users.length)
      return `error while removing network: network ${net.name} has active endpoints (${users.map((c) => `name:"${c.name}" id:"${net.endpoints.get(c.id)?.id.slice(0, 12) ?? c.id.slice(0, 12)}"`).join(', ')})`;
    this.networks.delete(net.id);
    for (const [cid, ids] of this.joined)
      this.joined.set(
        cid,
        ids.filter((i) => i !== net.id),
      );
    const hn = this.hostNet;
    hn.interfaces = hn.interfaces!.filter((i) => i.name !== net.bridge);
    return undefined;
  }

  /** Containers that have an endpoint on the network (running) or are configured for it. */
  containersOn(net: Network): Container[] {
    return [...(this.containersRef?.() ?? [])].filter((c) => this.networksOf(c).includes(net) && (net.endpoints.has(c.id) || c.status === 'running'));
  }

  /** Set by the daemon: every container it knows. */
  containersRef?: () => Iterable<Container>;

  /** The network of --network: bridge, host, none or a user-defined one; none for container:<name>. */
  primary(c: Container): Network | undefined {
    const mode = c.hostConfig.NetworkMode;
    if (isContainerMode(mode)) return undefined;
    return this.find(mode === 'default' ? 'bridge' : mode);
  }

  networksOf(c: Container): Network[] {
    const ids = this.joined.get(c.id);
    if (ids) return ids.map((id) => this.networks.get(id)).filter((n): n is Network => Boolean(n));
    const p = this.primary(c);
    return p ? [p] : [];
  }

  /** The settings a container asked for on a network (docker run --ip/--network-alias, docker network connect --ip/--alias). */
  configure(c: Container, net: Network, cfg: EndpointConfig): void {
    if (!this.configs.has(c.id)) this.configs.set(c.id, new Map());
    this.configs.get(c.id)!.set(net.id, cfg);
  }

  configOf(c: Container, net: Network): EndpointConfig | undefined {
    return this.configs.get(c.id)?.get(net.id);
  }

  /** Before the endpoints are made: an address asked for that another endpoint (or the gateway) holds. */
  addressError(c: Container): string | undefined {
    for (const net of this.networksOf(c)) {
      const ip = this.configOf(c, net)?.ipv4;
      const taken = ip === undefined ? undefined : takenError(net, ip, c.id);
      if (taken) return taken;
    }
    return undefined;
  }

  /** `docker network connect`: joins now when running, else at the next start. */
  connect(c: Container, net: Network, netns: Namespace | undefined): void {
    this.joined.set(c.id, [...this.networksOf(c).map((n) => n.id), net.id]);
    if (netns) this.join(c, net, netns);
  }

  /** `docker network disconnect`: the endpoint goes now; NetworkMode stays as it was. */
  disconnect(c: Container, net: Network): void {
    this.leave(c, net);
    this.configs.get(c.id)?.delete(net.id);
    this.joined.set(
      c.id,
      this.networksOf(c)
        .filter((n) => n !== net)
        .map((n) => n.id),
    );
    if (!this.networksOf(c).some((n) => n.endpoints.get(c.id)?.ip === c.ip))
      c.ip =
        this.networksOf(c)
          .map((n) => n.endpoints.get(c.id)?.ip)
          .find(Boolean) ?? '';
  }

  /** The hostname a container gets when --hostname is not given: the host's with --network host, the peer's with container:<name>. */
  defaultHostname(mode: string, findContainer: (ref: string) => Container | undefined): string | undefined {
    if (mode === 'host') return this.host.kernel.ns(this.host.fixture.namespaces.uts).hostname;
    if (isContainerMode(mode)) return findContainer(mode.slice('container:'.length))?.config.Hostname;
    return undefined;
  }

  /** Checks a --network value before the container is created; returns Docker's error. */
  validateMode(mode: string, hasPorts: boolean, findContainer: (ref: string) => Container | undefined): string | undefined {
    if (isContainerMode(mode)) {
      const ref = mode.slice('container:'.length);
      if (!findContainer(ref)) return `No such container: ${ref}`;
      if (hasPorts) return 'conflicting options: port publishing and the container type network mode';
      return undefined;
    }
    if (!this.find(mode === 'default' ? 'bridge' : mode)) return `network ${mode} not found`;
    return undefined;
  }

  /** At start: a network the container was configured for has been removed since. */
  missingNetwork(c: Container): string | undefined {
    const mode = c.hostConfig.NetworkMode;
    if (isContainerMode(mode) || this.primary(c) || this.joined.has(c.id)) return undefined;
    return `network ${mode} not found`;
  }

  /** Before anything is created at start: the host ports this container's bindings get, or the clash error. */
  planPorts(c: Container, others: Container[]): PortPlan {
    const p = this.primary(c);
    if (p?.driver !== 'bridge') return { bindings: [] };
    return allocatePorts(this, c, others);
  }

  /** Gives a new container network namespace its loopback and one veth per bridge network. */
  attach(c: Container, netns: Namespace, bindings: PortBinding[]): void {
    const lo = netns.interfaces?.find((i) => i.kind === 'loopback');
    if (lo) Object.assign(lo, { up: true, addrs: ['127.0.0.1/8', '::1/128'] });
    netns.nextIfindex ??= 2;
    c.ip = '';
    for (const net of this.networksOf(c)) if (net.driver === 'bridge') this.join(c, net, netns);
    c.ports = bindings;
  }

  /** One endpoint: an address from the pool, a veth pair, the host end enslaved to the bridge. */
  join(c: Container, net: Network, netns: Namespace): Endpoint | undefined {
    const ip = this.configOf(c, net)?.ipv4 ?? allocateIp(net);
    if (!ip || !net.subnet) return undefined;
    const hn = this.hostNet;
    const nsIndex = hn.nextIfindex ?? 6;
    const hostIndex = nsIndex + 1;
    hn.nextIfindex = hostIndex + 1;
    const ifname = `eth${(netns.interfaces ?? []).filter((i) => i.kind === 'veth').length}`;
    const ep: Endpoint = { containerId: c.id, id: this.rng.hex(64), ip, mac: macFromIp(ip), ifname, nsIndex, hostIndex, hostIfname: `veth${this.rng.hex(7)}` };
    net.endpoints.set(c.id, ep);
    netns.interfaces!.push({
      index: nsIndex,
      name: ifname,
      kind: 'veth',
      peer: hostIndex,
      netnsid: 0,
      up: true,
      mtu: mtuOf(net),
      mac: ep.mac,
      addrs: [`${ip}/${net.subnet.len}`],
    });
    netns.nextIfindex = Math.max(netns.nextIfindex ?? 2, nsIndex + 1);
    if (!netns.gateway && net.gateway && !net.internal) netns.gateway = { via: net.gateway, dev: ifname };
    const mac = randomMac(this.rng);
    hn.interfaces!.push({
      index: hostIndex,
      name: ep.hostIfname,
      kind: 'veth',
      peer: nsIndex,
      netnsid: nsidOf(hn, netns.inode),
      up: true,
      mtu: mtuOf(net),
      mac,
      addrs: [linkLocal6(mac)],
      master: net.bridge,
    });
    enslaved(hn, hn.interfaces!.at(-1) as NetIface);
    this.refreshBridge(net);
    logBridgeJoin(this.host, net, net.bridge, ep.hostIfname, `veth${ep.id.slice(0, 7)}`, ifname, hn.interfaces ?? []);
    if (!c.ip) c.ip = ip;
    return ep;
  }

  /** Removes the container's endpoint from one network (its veth pair disappears with it). */
  leave(c: Container, net: Network): void {
    const ep = net.endpoints.get(c.id);
    if (!ep) return;
    net.endpoints.delete(c.id);
    const hn = this.hostNet;
    hn.interfaces = hn.interfaces!.filter((i) => i.index !== ep.hostIndex);
    if (c.netns !== undefined) {
      const ns = this.host.kernel.namespaces.get(c.netns);
      if (ns?.interfaces) ns.interfaces = ns.interfaces.filter((i) => i.index !== ep.nsIndex);
      if (ns?.gateway?.dev === ep.ifname) ns.gateway = undefined;
    }
    this.refreshBridge(net);
  }

  /** Container stopped: endpoints, addresses and port bindings are released. */
  detach(c: Container): void {
    for (const net of this.networks.values()) this.leave(c, net);
    if (c.netns !== undefined && c.netns !== this.host.fixture.namespaces.net) dropNsid(this.hostNet, c.netns);
    c.ports = [];
    c.ip = '';
  }

  /** A bridge has carrier while at least one port is attached; it keeps its link-local address once it had one. */
  private refreshBridge(net: Network): void {
    const br = this.hostNet.interfaces!.find((i) => i.name === net.bridge);
    if (!br) return;
    br.up = this.hostNet.interfaces!.some((i) => i.master === net.bridge);
    const ll = linkLocal6(br.mac);
    if (br.up && !br.addrs.includes(ll)) br.addrs.push(ll);
  }

  private readonly ids = new Map<string, string>();

  /** A stable 64-hex id for `key` (sandboxes, endpoints of host/none containers), drawn once from the network stream. */
  idFor(key: string): string {
    let id = this.ids.get(key);
    if (!id) {
      id = this.rng.hex(64);
      this.ids.set(key, id);
    }
    return id;
  }

  /** The endpoint of a container on the network, if attached. */
  endpoint(c: Container, net: Network): Endpoint | undefined {
    return net.endpoints.get(c.id);
  }
}
