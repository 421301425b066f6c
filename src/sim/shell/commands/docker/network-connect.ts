import { endpointSettingsError } from '../../../net/endpoint-config.ts';
import { networkEvent } from '../../../docker/events.ts';
import { isContainerMode } from '../../../net/manager.ts';
import { takenError } from '../../../net/networks.ts';
import { R, netAndContainer } from './network.ts';
import { validateLink } from './run-checks.ts';
import { defineCommand } from './define.ts';

// docker/cli@v27.3.1:cli/command/network/connect.go
export default defineCommand({
  use: 'connect [OPTIONS] NETWORK CONTAINER',
  short: 'Connect a container to a network',
  flags: [
    { long: 'alias', type: 'stringSlice', usage: 'Add network-scoped alias for the container' },
    { long: 'driver-opt', type: 'stringSlice', usage: 'driver options for the network', sim: false },
    { long: 'ip', type: 'string', usage: 'IPv4 address (e.g., "172.30.100.104")' },
    { long: 'ip6', type: 'string', usage: 'IPv6 address (e.g., "2001:db8::33")', sim: false },
    { long: 'link', type: 'list', usage: 'Add link to another container', check: validateLink },
    { long: 'link-local-ip', type: 'stringSlice', usage: 'Add a link-local address for the container', sim: false },
  ],
  async run(flags, rest, env, cmd) {
    const r = netAndContainer(env, rest, cmd);
    if ('exitCode' in r) return r;
    const { n, c } = r;
    const mgr = env.daemon.net;
    const mode = c.hostConfig.NetworkMode;
    if (mode === 'host' || isContainerMode(mode) || n.driver !== 'bridge' || mgr.networksOf(c).some((x) => x.driver !== 'bridge'))
      return R(
        '',
        'Error response from daemon: container sharing network namespace with another container or host cannot be connected to any other network\n',
        1,
      );
    // moby@v27.3.1:daemon/container_operations.go updateNetworkConfig: validateEndpointSettings, as errdefs.InvalidParameter.
    // connect.go: EndpointSettings.Links is --link's values as given (opts.ValidateLink only checks them).
    const cfg = { ipv4: flags.ip || undefined, aliases: flags.alias ?? [], ...(flags.link?.length ? { links: flags.link } : {}) };
    const bad = endpointSettingsError(n, n.name, cfg);
    if (bad) return R('', `Error response from daemon: ${bad}\n`, 1);
    if (mgr.networksOf(c).includes(n)) return R('', `Error response from daemon: endpoint with name ${c.name} already exists in network ${n.name}\n`, 1);
    const taken = cfg.ipv4 && c.status === 'running' ? takenError(n, cfg.ipv4, c.id) : undefined;
    if (taken) return R('', `Error response from daemon: ${taken}\n`, 1);
    mgr.configure(c, n, cfg);
    mgr.connect(c, n, c.status === 'running' && c.netns !== undefined ? env.host.kernel.namespaces.get(c.netns) : undefined);
    // moby@v27.3.1:daemon/container_operations.go ConnectToNetwork: only a running container joins now (connectToNetwork
    // logs `connect`); a stopped one only has its settings updated.
    if (c.status === 'running') networkEvent(env.daemon, n, 'connect', { container: c.id });
    return R('');
  },
});
