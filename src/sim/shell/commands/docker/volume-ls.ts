import { arity } from './errors.ts';
import { formatted } from './image.ts';
import { GoFunc } from '../../kit/template/index.ts';
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
    let dangling: boolean | undefined;
    for (const f of (flags.filter as string[] | undefined) ?? []) {
      const [k, v] = [f.slice(0, f.indexOf('=')), f.slice(f.indexOf('=') + 1)];
      if (k !== 'dangling' || !['true', 'false', '1', '0'].includes(v)) return R('', `Error response from daemon: invalid filter '${f}'\n`, 1);
      dangling = v === 'true' || v === '1';
    }
    const lib = await env.daemon.imageLib();
    if (flags.format !== undefined) {
      const names = lib.volumes.ls({ quiet: true, ...(dangling !== undefined ? { dangling } : {}), users: users(env) }).split('\n').filter(Boolean);
      if (flags.quiet) return R(names.map((n) => `${n}\n`).join(''));
      // docker/cli@v27.3.1:cli/command/formatter/volume.go: volumeContext's methods and header map.
      const docs = names.map((n) => ({
        Name: n, Driver: 'local', Scope: 'local', Mountpoint: `/var/lib/docker/volumes/${n}/_data`, Labels: '', Links: 'N/A', Size: 'N/A',
        Group: 'N/A', Availability: 'N/A', Status: 'N/A', Label: new GoFunc(['string'], () => ''),
      }));
      return formatted(docs, flags.format as string, {
        ID: 'ID', Name: 'VOLUME NAME', Group: 'GROUP', Driver: 'DRIVER', Scope: 'SCOPE', Availability: 'AVAILABILITY', Mountpoint: 'MOUNTPOINT',
        Labels: 'LABELS', Links: 'LINKS', Size: 'SIZE', Status: 'STATUS',
      }, '*formatter.volumeContext');
    }
    return R(lib.volumes.ls({ quiet: Boolean(flags.quiet), ...(dangling !== undefined ? { dangling } : {}), users: users(env) }));
  },
});
