import { arity } from './errors.ts';
import type { Network } from '../../../net/networks.ts';
import { tabwrite } from './format.ts';
import { formatted } from './image.ts';
import { GoFunc } from '../../kit/template/index.ts';
import { goTimeString } from '../../kit/gotime.ts';
import { R, filterNets } from './network.ts';
import { parseFilters } from './filters.ts';
import { defineCommand, FORMAT_HELP } from './define.ts';

// docker/cli@v27.3.1:cli/command/network/list.go
export default defineCommand({
  use: 'ls [OPTIONS]',
  short: 'List networks',
  flags: [
    { long: 'filter', short: 'f', type: 'filter', usage: 'Provide filter values (e.g. "driver=bridge")' },
    { long: 'format', type: 'string', usage: FORMAT_HELP },
    { long: 'no-trunc', type: 'bool', usage: 'Do not truncate the output' },
    { long: 'quiet', short: 'q', type: 'bool', usage: 'Only display network IDs' },
  ],
  async run(flags, rest, env, cmd) {
    // cli.NoArgs (docker/cli@v27.3.1).
    const argErr = arity(cmd, rest.length, 0);
    if (argErr) return argErr;
    const parsed = parseFilters(flags.filter as string[] | undefined, '-f, --filter');
    if (parsed.error) return R('', `${parsed.error}\nSee '${cmd.path} --help'.\n`, 125);
    const kept = filterNets(env.daemon.net.list(), parsed.filters);
    if (typeof kept === 'string') return R('', `Error response from daemon: ${kept}\n`, 1);
    // docker/cli@v27.3.1:cli/command/network/list.go sorts what the daemon returned by name.
    const nets = kept.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const id = (n: Network) => (flags['no-trunc'] ? n.id : n.id.slice(0, 12));
    if (flags.quiet) return R(nets.map((n) => `${id(n)}\n`).join(''));
    const fmt = flags.format as string | undefined;
    // docker/cli@v27.3.1:cli/command/network/formatter.go: networkContext's methods and header map.
    const row = (n: Network) => ({
      ID: id(n),
      Name: n.name,
      Driver: n.driver,
      Scope: 'local',
      IPv6: 'false',
      Internal: String(n.internal),
      Labels: '',
      CreatedAt: goTimeString(n.createdMs, true),
      Label: new GoFunc(['string'], () => ''),
    });
    if (fmt && fmt !== 'table') {
      return formatted(
        nets.map(row),
        fmt,
        {
          ID: 'NETWORK ID',
          Name: 'NAME',
          Driver: 'DRIVER',
          Scope: 'SCOPE',
          IPv6: 'IPV6',
          Internal: 'INTERNAL',
          Labels: 'LABELS',
          CreatedAt: 'CREATED AT',
        },
        '*network.networkContext',
      );
    }
    return R(tabwrite([['NETWORK ID', 'NAME', 'DRIVER', 'SCOPE'], ...nets.map((n) => [id(n), n.name, n.driver, 'local'])]));
  },
});
