import { parseCidr } from '../../../net/addr.ts';
import { arity } from './errors.ts';
import { R } from './network.ts';
import { defineCommand } from './define.ts';

/**
 * docker/cli@v27.3.1:cli/command/network/create.go consolidateIpam, for the one IPv4 pool node1's networks have:
 * every --ip-range and --gateway must fall in a --subnet, one of each per subnet. These errors are the CLI's own
 * (no "Error response from daemon"); subnetMatches wraps a bad subnet as "invalid subnet: …".
 */
function consolidateIpam(subnets: string[], ranges: string[], gateways: string[]): string | undefined {
  if (subnets.length < ranges.length || subnets.length < gateways.length) return 'every ip-range or gateway must have a corresponding subnet';
  for (const s of subnets) if (!parseCidr(s)) return `invalid subnet: invalid CIDR address: ${s}`;
  const contains = (s: string, data: string) => {
    const c = parseCidr(s)!;
    const ip = parseCidr(data.includes('/') ? data : `${data}/32`);
    return ip !== undefined && ((ip.base ^ c.base) >>> (32 - c.len) === 0 || c.len === 0);
  };
  for (const [i, s] of subnets.entries())
    for (const t of subnets.slice(0, i)) if (contains(s, t) || contains(t, s)) return 'multiple overlapping subnet configuration is not supported';
  const place = (values: string[], word: string, what: string) => {
    const taken = new Map<string, string>();
    for (const v of values) {
      const s = subnets.find((x) => contains(x, v));
      if (!s) return `no matching subnet for ${word} ${v}`;
      const before = taken.get(s);
      if (before) return `cannot configure multiple ${what} (${v}, ${before}) ${word === 'range' ? 'on' : 'for'} the same subnet (${s})`;
      taken.set(s, v);
    }
    return undefined;
  };
  return place(ranges, 'range', 'ranges') ?? place(gateways, 'gateway', 'gateways');
}

// docker/cli@v27.3.1:cli/command/network/create.go
export default defineCommand({
  use: 'create [OPTIONS] NETWORK',
  short: 'Create a network',
  flags: [
    { long: 'attachable', type: 'bool', usage: 'Enable manual container attachment' },
    { long: 'aux-address', type: 'map', default: 'map[]', usage: 'Auxiliary IPv4 or IPv6 addresses used by Network driver', sim: false },
    { long: 'config-from', type: 'string', usage: 'The network from which to copy the configuration', sim: false },
    { long: 'config-only', type: 'bool', usage: 'Create a configuration only network', sim: false },
    { long: 'driver', short: 'd', type: 'string', default: 'bridge', usage: 'Driver to manage the Network' },
    { long: 'gateway', type: 'stringSlice', usage: 'IPv4 or IPv6 Gateway for the master subnet' },
    { long: 'ingress', type: 'bool', usage: 'Create swarm routing-mesh network', sim: false },
    { long: 'internal', type: 'bool', usage: 'Restrict external access to the network' },
    { long: 'ip-range', type: 'stringSlice', usage: 'Allocate container ip from a sub-range' },
    { long: 'ipam-driver', type: 'string', default: 'default', usage: 'IP Address Management Driver', sim: false },
    { long: 'ipam-opt', type: 'map', default: 'map[]', usage: 'Set IPAM driver specific options', sim: false },
    { long: 'ipv6', type: 'bool', usage: 'Enable or disable IPv6 networking' },
    { long: 'label', type: 'list', usage: 'Set metadata on a network' },
    { long: 'opt', short: 'o', type: 'map', default: 'map[]', usage: 'Set driver specific options' },
    { long: 'scope', type: 'string', usage: "Control the network's scope", sim: false },
    { long: 'subnet', type: 'stringSlice', usage: 'Subnet in CIDR format that represents a network segment' },
  ],
  async run(flags, rest, env, cmd) {
    const argErr = arity(cmd, rest.length, 1);
    if (argErr) return argErr;
    const subnets = flags.subnet ?? [];
    const ranges = flags['ip-range'] ?? [];
    const gateways = flags.gateway ?? [];
    const ipamErr = consolidateIpam(subnets, ranges, gateways);
    if (ipamErr) return R('', `${ipamErr}\n`, 1);
    // opts.ConvertKVStringsToMap (--label) and opts.MapOpts (--opt): KEY=VALUE, a bare KEY maps to "".
    const kv = (items: string[] | undefined) =>
      Object.fromEntries((items ?? []).map((l) => [l.split('=')[0], l.includes('=') ? l.slice(l.indexOf('=') + 1) : '']));
    const net = env.daemon.net.create(rest[0] as string, {
      driver: flags.driver,
      subnet: subnets[0],
      ipRange: ranges[0],
      gateway: gateways[0],
      internal: Boolean(flags.internal),
      attachable: Boolean(flags.attachable),
      ipv6: Boolean(flags.ipv6),
      options: kv(flags.opt),
      labels: kv(flags.label),
    });
    if (typeof net === 'string') return R('', `Error response from daemon: ${net}\n`, 1);
    return R(`${net.id}\n`);
  },
});
