import { R, netAndContainer } from './network.ts';
import { networkEvent } from '../../../docker/events.ts';
import { defineCommand } from './define.ts';

// docker/cli@v27.3.1:cli/command/network/disconnect.go
export default defineCommand({
  use: 'disconnect [OPTIONS] NETWORK CONTAINER',
  short: 'Disconnect a container from a network',
  flags: [{ long: 'force', short: 'f', type: 'bool', usage: 'Force the container to disconnect from a network' }],
  async run(_flags, rest, env, cmd) {
    const r = netAndContainer(env, rest, cmd);
    if ('exitCode' in r) return r;
    const { n, c } = r;
    const mgr = env.daemon.net;
    if (!mgr.networksOf(c).includes(n)) return R('', `Error response from daemon: container ${c.id} is not connected to network ${n.name}\n`, 1);
    if (n.driver !== 'bridge') return R('', 'Error response from daemon: container cannot be disconnected from host network or connected to host network\n', 1);
    mgr.disconnect(c, n);
    networkEvent(env.daemon, n, 'disconnect', { container: c.id }); // DisconnectFromNetwork, running or not
    return R('');
  },
});
