/**
 * `docker buildx ls` (docker/buildx@v0.17.1:commands/ls.go runLs, lsPrint): the store's builders (buildx-store.ts),
 * then the "default" builder of node1's one context, the docker driver's (the daemon's own BuildKit), with one node
 * "default"; the current one is marked `*` in a table.
 */
import { formatted, R } from './image.ts';
import { bxArity, HIDE_BUILDER } from './buildx.ts';
import { defineCommand } from './define.ts';
import * as store from './buildx-store.ts';

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
  async run(flags, rest, env, cmd) {
    const bad = bxArity(cmd, rest.length, 'exactly0');
    if (bad) return bad;
    const format = (flags.format as string | undefined) ?? 'table';
    const table = format === 'table' ? TABLE : format;
    const isTable = table.startsWith('table');
    const indent = (s: string) => (isTable ? ` \\_ ${s}` : s);
    // GetBuilders: the store's instances by name, then the contexts' builders (node1's one context, "default").
    const current = (await store.current(env.fs))?.Name ?? 'default';
    const builders: {
      name: string;
      driver: string;
      last: string;
      nodes: { name: string; endpoint: string; status: string; bk: string; platforms: string }[];
    }[] = [];
    for (const ng of await store.list(env.fs)) {
      const last = await store.lastActivity(env.fs, ng.Name);
      // A docker-container node whose container was never made is inactive (driver Info): no version, and only the
      // platforms configured, each marked "*" (platformutil.FormatInGroups).
      builders.push({
        name: ng.Name,
        driver: ng.Driver,
        last: last ? last.toISOString().replace(/\.\d{3}Z$/, 'Z') : '',
        nodes: ng.Nodes.map((n) => ({
          name: n.Name,
          endpoint: n.Endpoint,
          status: 'inactive',
          bk: '',
          platforms: (n.Platforms ?? []).map((p) => `${[p.os, p.architecture, p.variant].filter(Boolean).join('/')}*`).join(', '),
        })),
      });
    }
    builders.push({
      name: 'default',
      driver: 'docker',
      last: '',
      nodes: [{ name: 'default', endpoint: 'default', status: 'running', bk: BUILDKIT_VERSION, platforms: PLATFORMS.join(', ') }],
    });
    // lsContext: the builder's row (its name with `*` when current, in a table), then one row per node.
    const rows = builders.flatMap((b) => [
      {
        Name: b.name === current && isTable ? `${b.name}*` : b.name,
        DriverEndpoint: b.driver,
        LastActivity: b.last,
        Status: '',
        Buildkit: '',
        Platforms: '',
        Error: '',
      },
      ...b.nodes.map((n) => ({
        Name: indent(n.name),
        DriverEndpoint: indent(n.endpoint),
        LastActivity: '',
        Status: n.status,
        Buildkit: n.bk,
        Platforms: n.platforms,
        Error: '',
      })),
    ]);
    const r = formatted(rows, table, HEADERS, '*commands.lsContext');
    return R(r.stdout, r.stderr ? `ERROR: ${r.stderr}` : '', r.exitCode);
  },
});
