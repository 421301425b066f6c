/**
 * `docker buildx ls` (docker/buildx@v0.17.1:commands/ls.go): node1 has one builder, the "default"
 * instance of the docker driver (the daemon's own BuildKit), current, with one node "default".
 */
import { formatted, R } from './image.ts';
import { bxArity, HIDE_BUILDER } from './buildx.ts';
import { defineCommand } from './define.ts';

/** moby@v27.3.1 vendors BuildKit v0.16.0: the docker driver's node reports it. */
export const BUILDKIT_VERSION = 'v0.16.0';

/**
 * The worker's platforms as BuildKit lists them (util/archutil: the host's, the amd64 variants the CPU runs, then
 * the emulated-free 386), through util/platformutil FormatInGroups (no configured platforms for the docker driver).
 * node1's CPU (kernel/machine.ts, Icelake with AVX-512) runs x86-64-v4; a fixture choice as that CPU is.
 */
export const PLATFORMS = ['linux/amd64', 'linux/amd64/v2', 'linux/amd64/v3', 'linux/amd64/v4', 'linux/386'];

// ls.go lsDefaultTableFormat and the header map; lsIndent is ` \_ `.
const TABLE = 'table {{.Name}}\t{{.DriverEndpoint}}\t{{.Status}}\t{{.Buildkit}}\t{{.Platforms}}';
const HEADERS = {
  Name: 'NAME/NODE',
  DriverEndpoint: 'DRIVER/ENDPOINT',
  LastActivity: 'LAST ACTIVITY',
  Status: 'STATUS',
  Buildkit: 'BUILDKIT',
  Platforms: 'PLATFORMS',
};

export default defineCommand({
  use: 'ls',
  short: 'List builder instances',
  flags: [{ long: 'format', type: 'string', default: 'table', usage: 'Format the output' }, HIDE_BUILDER],
  async run(flags, rest, _env, cmd) {
    const bad = bxArity(cmd, rest.length, 'exactly0');
    if (bad) return bad;
    const format = (flags.format as string | undefined) ?? 'table';
    const table = format === 'table' ? TABLE : format;
    const isTable = table.startsWith('table');
    const indent = (s: string) => (isTable ? ` \\_ ${s}` : s);
    // lsContext: the builder's row (its name with `*` when current, in a table), then one row per node.
    const row = (node: boolean) => ({
      Name: node ? indent('default') : isTable ? 'default*' : 'default',
      DriverEndpoint: node ? indent('default') : 'docker',
      LastActivity: '',
      Status: node ? 'running' : '',
      Buildkit: node ? BUILDKIT_VERSION : '',
      Platforms: node ? PLATFORMS.join(', ') : '',
      Error: '',
    });
    const r = formatted([row(false), row(true)], table, HEADERS, '*commands.lsContext');
    return R(r.stdout, r.stderr ? `ERROR: ${r.stderr}` : '', r.exitCode);
  },
});
