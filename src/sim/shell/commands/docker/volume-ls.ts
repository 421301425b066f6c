import { arity, flagError } from './errors.ts';
import { formatted } from './image.ts';
import { GoFunc } from '../../kit/template/index.ts';
import type { Volume } from '../../../image/volumes.ts';
import { parseFilters } from './filters.ts';
import { R, users } from './storage.ts';
import { defineCommand, FORMAT_HELP } from './define.ts';

// docker/cli@v27.3.1:cli/command/volume/list.go (--cluster is swarm-only)
export default defineCommand({
  use: 'ls [OPTIONS]',
  short: 'List volumes',
  flags: [
    { long: 'cluster', type: 'bool', usage: 'Display only cluster volumes, and use cluster volume list formatting', hidden: true, sim: false },
    { long: 'filter', short: 'f', type: 'filter', usage: 'Provide filter values (e.g. "dangling=true")' },
    { long: 'format', type: 'string', usage: FORMAT_HELP },
    { long: 'quiet', short: 'q', type: 'bool', usage: 'Only display volume names' },
  ],
  async run(flags, rest, env, cmd) {
    // cli.NoArgs (docker/cli@v27.3.1).
    const argErr = arity(cmd, rest.length, 0);
    if (argErr) return argErr;
    // moby@v27.3.1:volume/service/convert.go filtersToBy, with service.go acceptedListFilters: the keys are
    // validated first (filters.Args.Validate), then dangling (GetBoolOrDefault); driver values are exact
    // driver names, name values filters.Args.Match (the name, or an unanchored regular expression), label
    // MatchKVList; different keys are ANDed.
    const parsed = parseFilters(flags.filter as string[] | undefined, '-f, --filter');
    if (parsed.error) return flagError(cmd.path, parsed.error);
    const filters = parsed.filters;
    const invalid = filters.validate(['dangling', 'name', 'driver', 'label']);
    if (invalid) return R('', `Error response from daemon: ${invalid}\n`, 1);
    let dangling: boolean | undefined;
    if (filters.contains('dangling')) {
      const b = filters.bool('dangling', false);
      if (b.error) return R('', `Error response from daemon: ${b.error}\n`, 1);
      dangling = b.value;
    }
    const drivers = filters.get('driver');
    const match = (v: Volume) => (drivers.length === 0 || drivers.includes('local')) && filters.match('name', v.name) && filters.matchKVList('label', v.labels);
    const lib = await env.daemon.imageLib();
    if (flags.format !== undefined) {
      const names = lib.volumes
        .ls({ quiet: true, ...(dangling !== undefined ? { dangling } : {}), users: users(env), match })
        .split('\n')
        .filter(Boolean);
      if (flags.quiet) return R(names.map((n) => `${n}\n`).join(''));
      // docker/cli@v27.3.1:cli/command/formatter/volume.go: volumeContext's methods and header map.
      const docs = names.map((n) => ({
        Name: n,
        Driver: 'local',
        Scope: 'local',
        Mountpoint: `/var/lib/docker/volumes/${n}/_data`,
        Labels: '',
        Links: 'N/A',
        Size: 'N/A',
        Group: 'N/A',
        Availability: 'N/A',
        Status: 'N/A',
        Label: new GoFunc(['string'], () => ''),
      }));
      return formatted(
        docs,
        flags.format as string,
        {
          ID: 'ID',
          Name: 'VOLUME NAME',
          Group: 'GROUP',
          Driver: 'DRIVER',
          Scope: 'SCOPE',
          Availability: 'AVAILABILITY',
          Mountpoint: 'MOUNTPOINT',
          Labels: 'LABELS',
          Links: 'LINKS',
          Size: 'SIZE',
          Status: 'STATUS',
        },
        '*formatter.volumeContext',
      );
    }
    return R(lib.volumes.ls({ quiet: Boolean(flags.quiet), ...(dangling !== undefined ? { dangling } : {}), users: users(env), match }));
  },
});
