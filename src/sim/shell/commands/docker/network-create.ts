import { arity } from './errors.ts';
import { R } from './network.ts';
import { defineCommand } from './define.ts';

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
    { long: 'ip-range', type: 'stringSlice', usage: 'Allocate container ip from a sub-range', sim: false },
    { long: 'ipam-driver', type: 'string', default: 'default', usage: 'IP Address Management Driver', sim: false },
    { long: 'ipam-opt', type: 'map', default: 'map[]', usage: 'Set IPAM driver specific options', sim: false },
    { long: 'ipv6', type: 'bool', usage: 'Enable or disable IPv6 networking', sim: false },
    { long: 'label', type: 'list', usage: 'Set metadata on a network' },
    { long: 'opt', short: 'o', type: 'map', default: 'map[]', usage: 'Set driver specific options' },
    { long: 'scope', type: 'string', usage: "Control the network's scope", sim: false },
    { long: 'subnet', type: 'stringSlice', usage: 'Subnet in CIDR format that represents a network segment' },
  ],
  async run(flags, rest, env, cmd) {
    const argErr = arity(cmd, rest.length, 1);
    if (argErr) return argErr;
    const subnets = (flags.subnet as string[] | undefined) ?? [];
    const gateways = (flags.gateway as string[] | undefined) ?? [];
    if (gateways.length > subnets.length) return R('', 'Error response from daemon: every ip-range or gateway must have a corresponding subnet\n', 1);
    const labels = Object.fromEntries(
      ((flags.label as string[] | undefined) ?? []).map((l) => [l.split('=')[0], l.includes('=') ? l.slice(l.indexOf('=') + 1) : '']),
    );
    const net = env.daemon.net.create(rest[0] as string, {
      driver: flags.driver as string | undefined,
      subnet: subnets[0],
      gateway: gateways[0],
      internal: Boolean(flags.internal),
      labels,
    });
    if (typeof net === 'string') return R('', `Error response from daemon: ${net}\n`, 1);
    return R(`${net.id}\n`);
  },
});
