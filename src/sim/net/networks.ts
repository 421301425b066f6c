/**
 * Docker networks as the daemon keeps them: the three built-in ones (bridge on docker0,
 * host, none with the null driver) and user-defined bridges. Each bridge network has an
 * IPAM pool; addresses are handed out lowest-free first (libnetwork's default, non-serial)
 * and given back when the endpoint goes away (container stop).
 */
import { intToIp, ipToInt, maskOf, overlaps, parseCidr, type Cidr } from './addr.ts';

export type Driver = 'bridge' | 'host' | 'null';

export interface Endpoint {
  containerId: string;
  /** 64-hex endpoint id (also in the "port is already allocated" error). */
  id: string;
  ip: string;
  mac: string;
  /** Interface name inside the container (eth0, eth1 …) and the ifindex pair. */
  ifname: string;
  nsIndex: number;
  hostIndex: number;
  hostIfname: string;
}

export interface Network {
  id: string;
  name: string;
  driver: Driver;
  createdMs: number;
  builtin: boolean;
  /** Bridge networks: pool, gateway and the Linux bridge (docker0, br-<12hex>). */
  subnet?: Cidr;
  gateway?: string;
  /** The subnet came from --subnet (libnetwork IpamConf.IsStatic): only then may a container ask for an address. */
  userSubnet?: boolean;
  /** --ip-range: the sub-pool addresses are handed out from (libnetwork's ChildSubnet). */
  ipRange?: Cidr;
  /** --aux-address: names and addresses the IPAM reserves, never handed to a container (libnetwork IPAMData.AuxAddresses). */
  auxAddresses?: Record<string, string>;
  bridge?: string;
  internal: boolean;
  /** --attachable (kept and shown; on node1, which is no swarm manager, every local network is attachable anyway). */
  attachable: boolean;
  options: Record<string, string>;
  labels: Record<string, string>;
  endpoints: Map<string, Endpoint>;
}

/** Docker's default address pools: 172.17–31.0.0/16, then 192.168.0.0/20 blocks. */
export function* defaultPools(): Generator<Cidr> {
  for (let b = 17; b <= 31; b++) yield { base: ipToInt(`172.${b}.0.0`), len: 16 };
  for (let c = 0; c < 256; c += 16) yield { base: ipToInt(`192.168.${c}.0`), len: 20 };
}

export const DEFAULT_BRIDGE_OPTIONS: Record<string, string> = {
  'com.docker.network.bridge.default_bridge': 'true',
  'com.docker.network.bridge.enable_icc': 'true',
  'com.docker.network.bridge.enable_ip_masquerade': 'true',
  'com.docker.network.bridge.host_binding_ipv4': '0.0.0.0',
  'com.docker.network.bridge.name': 'docker0',
  'com.docker.network.driver.mtu': '1500',
};

/**
 * The lowest free address, as libnetwork's default IPAM hands them out (moby@v27.3.1:libnetwork/ipams/defaultipam
 * allocator.go getAddress): from the --ip-range sub-pool when there is one, else from the whole pool; the pool's
 * network and broadcast addresses are never handed out, an address of the sub-pool ending in .0 can be.
 */
export function allocateIp(net: Network): string | undefined {
  const s = net.subnet;
  if (!s) return undefined;
  const used = new Set([...net.endpoints.values()].map((e) => e.ip));
  if (net.gateway) used.add(net.gateway);
  for (const a of Object.values(net.auxAddresses ?? {})) used.add(a);
  const size = 2 ** (32 - s.len);
  const r = net.ipRange ?? s;
  const start = Math.max(1, ((r.base & maskOf(r.len)) >>> 0) - s.base);
  const end = Math.min(size - 2, start + 2 ** (32 - r.len) - 1);
  for (let n = start; n <= end; n++) {
    const ip = intToIp((s.base + n) >>> 0);
    if (!used.has(ip)) return ip;
  }
  return undefined;
}

/** A requested address (--ip, --gateway): libnetwork's ErrIPAlreadyAllocated when it is taken, undefined when free. */
export function takenError(net: Network, ip: string, self?: string): string | undefined {
  const taken =
    ip === net.gateway || Object.values(net.auxAddresses ?? {}).includes(ip) || [...net.endpoints.values()].some((e) => e.ip === ip && e.containerId !== self);
  // moby@v27.3.1:libnetwork/ipamapi/contract.go ErrIPAlreadyAllocated.
  return taken ? 'Address already in use' : undefined;
}

/** The bridge's MTU: the driver option com.docker.network.driver.mtu, else 1500. */
export const mtuOf = (n: Network): number => Number(n.options['com.docker.network.driver.mtu'] ?? 1500);

/** The next default pool that overlaps no existing network. */
export function nextPool(nets: Iterable<Network>): Cidr | undefined {
  const taken = [...nets].flatMap((n) => (n.subnet ? [n.subnet] : []));
  for (const p of defaultPools()) if (!taken.some((t) => overlaps(t, p))) return p;
  return undefined;
}

/**
 * The daemon's checks of --subnet before any pool is taken: moby@v27.3.1:api/types/network/ipam.go ValidateIPAM (every
 * bad subnet, joined as internal/multierror prints them), then libnetwork's RequestPool for each, in order (a pool
 * overlapping an existing network's is ipamapi.ErrPoolOverlap). Undefined when all are good.
 */
export function subnetsError(subnets: string[], nets: Iterable<Network>): string | undefined {
  const bad = subnets.filter((s) => !parseCidr(s)).map((s) => `invalid subnet ${s}: invalid CIDR block notation`);
  if (bad.length) return `invalid network config:\n${bad.length === 1 ? bad[0] : `* ${bad.join('\n* ')}`}`;
  const taken = [...nets].flatMap((n) => (n.subnet ? [n.subnet] : []));
  if (subnets.some((s) => taken.some((t) => overlaps(t, parseCidr(s) as Cidr))))
    return 'invalid pool request: Pool overlaps with other one on this address space';
  return undefined;
}
