import { isIpv4, parseCidr } from '../../../net/addr.ts';
import { networkEvent } from '../../../docker/events.ts';
import { arity } from './errors.ts';
import { R } from './network.ts';
import { defineCommand } from './define.ts';

/**
 * docker/cli@v27.3.1:cli/command/network/create.go consolidateIpam, for the IPv4 pools node1's networks have: every
 * --ip-range, --gateway and --aux-address must fall in a --subnet, one range and one gateway per subnet. These errors
 * are the CLI's own (no "Error response from daemon"). subnetMatches(subnet, data) parses the subnet first (an error
 * wrapped as "invalid subnet: …"), then data: with a slash net.ParseCIDR (its error as is), else net.ParseIP (a bad
 * address contains nothing, so it finds no subnet). Go walks the subnets already seen (a map) and the aux-address
 * map in an unspecified order; here they go in the order given.
 */
function consolidateIpam(subnets: string[], ranges: string[], gateways: string[], aux: [string, string][]): string | undefined {
  if (subnets.length < ranges.length || subnets.length < gateways.length) return 'every ip-range or gateway must have a corresponding subnet';
  const matches = (subnet: string, data: string): boolean | string => {
    const c = parseCidr(subnet);
    if (!c) return `invalid subnet: invalid CIDR address: ${subnet}`;
    const ip = data.includes('/') ? parseCidr(data) : isIpv4(data) ? parseCidr(`${data}/32`) : undefined;
    if (data.includes('/') && !ip) return `invalid CIDR address: ${data}`;
    return ip !== undefined && ((((ip.base ^ c.base) >>> 0) >>> (32 - c.len) === 0 && c.len > 0) || c.len === 0);
  };
  for (const [i, s] of subnets.entries())
    for (const k of subnets.slice(0, i)) {
      const ok1 = matches(s, k);
      if (typeof ok1 === 'string') return ok1;
      const ok2 = matches(k, s);
      if (typeof ok2 === 'string') return ok2;
      if (ok1 || ok2) return 'multiple overlapping subnet configuration is not supported';
    }
  const place = (values: string[], word: string, what: string, on: string) => {
    const taken = new Map<string, string>();
    for (const v of values) {
      let match = false;
      for (const s of subnets) {
        const ok = matches(s, v);
        if (typeof ok === 'string') return ok;
        if (!ok) continue;
        const before = taken.get(s);
        if (before !== undefined && what) return `cannot configure multiple ${what} (${v}, ${before}) ${on} the same subnet (${s})`;
        taken.set(s, v);
        match = true;
      }
      if (!match) return `no matching subnet for ${word} ${v}`;
    }
    return undefined;
  };
  return (
    place(ranges, 'range', 'ranges', 'on') ??
    place(gateways, 'gateway', 'gateways', 'for') ??
    place(
      aux.map(([, v]) => v),
      'aux-address',
      '',
      '',
    )
  );
}

// docker/cli@v27.3.1:cli/command/network/create.go
export default defineCommand({
  use: 'create [OPTIONS] NETWORK',
  short: 'Create a network',
  flags: [
    { long: 'attachable', type: 'bool', usage: 'Enable manual container attachment' },
    { long: 'aux-address', type: 'map', default: 'map[]', usage: 'Auxiliary IPv4 or IPv6 addresses used by Network driver' },
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
    // opts.MapOpts (--aux-address, --opt) and opts.ConvertKVStringsToMap (--label): KEY=VALUE, a bare KEY maps to "".
    const pairs = (items: string[] | undefined) =>
      (items ?? []).map((l) => [l.split('=')[0] as string, l.includes('=') ? l.slice(l.indexOf('=') + 1) : ''] as [string, string]);
    const kv = (items: string[] | undefined) => Object.fromEntries(pairs(items));
    const ipamErr = consolidateIpam(subnets, ranges, gateways, pairs(flags['aux-address']));
    if (ipamErr) return R('', `${ipamErr}\n`, 1);
    const net = env.daemon.net.create(rest[0] as string, {
      driver: flags.driver,
      subnet: subnets[0],
      subnets,
      ipRange: ranges[0],
      gateway: gateways[0],
      // A map: encoding/json writes its keys sorted (inspect's AuxiliaryAddresses).
      ...(flags['aux-address']?.length
        ? { auxAddresses: Object.fromEntries(pairs(flags['aux-address']).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) }
        : {}),
      internal: Boolean(flags.internal),
      attachable: Boolean(flags.attachable),
      ipv6: Boolean(flags.ipv6),
      options: kv(flags.opt),
      labels: kv(flags.label),
    });
    if (typeof net === 'string') return R('', `Error response from daemon: ${net}\n`, 1);
    networkEvent(env.daemon, net, 'create'); // moby@v27.3.1:daemon/network.go createNetwork
    return R(`${net.id}\n`);
  },
});
