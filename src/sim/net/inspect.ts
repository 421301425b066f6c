/** The network parts of `docker inspect` (NetworkSettings) and `docker network inspect`. */
import type { Container } from '../docker/container.ts';
import type { NetworkManager } from './manager.ts';
import type { Network } from './networks.ts';
import { intToIp, type Cidr } from './addr.ts';
import { dnsNames } from './endpoint-config.ts';
import { portsMap } from './ports.ts';

const cidrText = (c: Cidr) => `${intToIp(c.base)}/${c.len}`;

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1456789Z');

function endpointSettings(mgr: NetworkManager, c: Container, net: Network): Record<string, unknown> {
  const ep = net.endpoints.get(c.id);
  const running = c.status === 'running';
  const userDefined = !net.builtin;
  const cfg = mgr.configOf(c, net);
  return {
    IPAMConfig: cfg?.ipv4 ? { IPv4Address: cfg.ipv4 } : null,
    Links: cfg?.links?.length ? cfg.links : null,
    Aliases: cfg?.aliases.length ? cfg.aliases : null,
    MacAddress: ep?.mac ?? '',
    DriverOpts: null,
    NetworkID: net.id,
    EndpointID: ep?.id ?? (running && net.driver !== 'bridge' ? mgr.idFor(`endpoint/${net.id}/${c.id}/${c.startedMs}`) : ''),
    Gateway: ep && net.gateway ? net.gateway : '',
    IPAddress: ep?.ip ?? '',
    IPPrefixLen: ep && net.subnet ? net.subnet.len : 0,
    IPv6Gateway: '',
    GlobalIPv6Address: '',
    GlobalIPv6PrefixLen: 0,
    DNSNames: userDefined ? dnsNames(c, cfg?.aliases ?? []) : null,
  };
}

/** NetworkSettings of a container; the top-level address fields describe the default bridge only. */
export function networkSettings(mgr: NetworkManager, c: Container): Record<string, unknown> {
  const nets = mgr.networksOf(c);
  const bridge = nets.find((n) => n.name === 'bridge');
  const ep = bridge?.endpoints.get(c.id);
  const running = c.status === 'running';
  return {
    Bridge: '',
    SandboxID: running ? mgr.idFor(`sandbox/${c.id}/${c.startedMs}`) : '',
    SandboxKey: running
      ? c.hostConfig.NetworkMode === 'host'
        ? '/var/run/docker/netns/default'
        : `/var/run/docker/netns/${mgr.idFor(`sandbox/${c.id}/${c.startedMs}`).slice(0, 12)}`
      : '',
    Ports: portsMap(c),
    HairpinMode: false,
    LinkLocalIPv6Address: '',
    LinkLocalIPv6PrefixLen: 0,
    SecondaryIPAddresses: null,
    SecondaryIPv6Addresses: null,
    EndpointID: ep?.id ?? '',
    Gateway: ep && bridge?.gateway ? bridge.gateway : '',
    GlobalIPv6Address: '',
    GlobalIPv6PrefixLen: 0,
    IPAddress: ep?.ip ?? '',
    IPPrefixLen: ep && bridge?.subnet ? bridge.subnet.len : 0,
    IPv6Gateway: '',
    MacAddress: ep?.mac ?? '',
    Networks: Object.fromEntries(nets.map((n) => [n.name, endpointSettings(mgr, c, n)])),
  };
}

/** One network as `docker network inspect` prints it. */
export function networkDoc(mgr: NetworkManager, net: Network, containers: Iterable<Container>): Record<string, unknown> {
  const byId = new Map([...containers].map((c) => [c.id, c]));
  const attached: Record<string, unknown> = {};
  for (const [cid, ep] of net.endpoints) {
    const c = byId.get(cid);
    if (!c) continue;
    attached[cid] = { Name: c.name, EndpointID: ep.id, MacAddress: ep.mac, IPv4Address: `${ep.ip}/${net.subnet?.len ?? 16}`, IPv6Address: '' };
  }
  if (net.driver !== 'bridge') {
    for (const c of byId.values()) {
      if (c.status === 'running' && mgr.primary(c) === net)
        attached[c.id] = { Name: c.name, EndpointID: mgr.idFor(`endpoint/${net.id}/${c.id}/${c.startedMs}`), MacAddress: '', IPv4Address: '', IPv6Address: '' };
    }
  }
  return {
    Name: net.name,
    Id: net.id,
    Created: iso(net.createdMs),
    Scope: 'local',
    Driver: net.driver,
    EnableIPv6: false,
    IPAM: {
      Driver: 'default',
      Options: net.builtin ? null : {},
      // api/types/network IPAMConfig: Subnet, IPRange (omitempty), Gateway, AuxAddress as AuxiliaryAddresses (omitempty).
      Config: net.subnet
        ? [
            {
              Subnet: cidrText(net.subnet),
              ...(net.ipRange ? { IPRange: cidrText(net.ipRange) } : {}),
              Gateway: net.gateway,
              ...(net.auxAddresses ? { AuxiliaryAddresses: net.auxAddresses } : {}),
            },
          ]
        : null,
    },
    Internal: net.internal,
    Attachable: net.attachable,
    Ingress: false,
    ConfigFrom: { Network: '' },
    ConfigOnly: false,
    Containers: attached,
    Options: net.options,
    Labels: net.labels,
  };
}
