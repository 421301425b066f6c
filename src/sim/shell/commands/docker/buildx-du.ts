// docker buildx du: its cobra definition; what it answers on node1 is said in buildx.ts.
import { defineCommand } from './define.ts';
import { noContainer, resolve } from './buildx-store.ts';
import { R, bxArity } from './buildx.ts';

// commands/diskusage.go: no cache records on node1, so no table; printSummary through tabwriter(1, 8, 1, '\t') unless filtered.
const du = defineCommand({
  use: 'du',
  short: 'Disk usage',
  flags: [
    { long: 'filter', type: 'filter', usage: 'Provide filter values' },
    { long: 'verbose', type: 'bool', usage: 'Provide a more verbose output' },
  ],
  async run(flags, rest, env, cmd) {
    const bad = bxArity(cmd, rest.length, 'none');
    if (bad) return bad;
    const { parseFilters } = await import('./filters.ts');
    const { filters, error } = parseFilters(flags.filter as string[] | undefined);
    if (error) return R('', `${error}\nSee '${cmd.path} --help'.\n`, 125);
    // builder.New (--builder, else the current one); a docker-container builder's BuildKit is asked through its container.
    const b = await resolve(env.fs, (flags as Record<string, unknown>).builder as string | undefined);
    if ('error' in b) return R('', `ERROR: ${b.error}\n`, 1);
    if (b.ng) return R('', noContainer(b.ng), 1);
    return R(filters.size ? '' : 'Reclaimable:\t0B\nTotal:\t\t0B\n');
  },
});

export default du;
