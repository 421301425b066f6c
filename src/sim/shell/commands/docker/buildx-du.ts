// docker buildx du: its cobra definition; what it answers on node1 is said in buildx.ts.
import { defineCommand } from './define.ts';
import { R, bxArity } from './buildx.ts';

// commands/diskusage.go: no cache records on node1, so no table; printSummary through tabwriter(1, 8, 1, '\t') unless filtered.
const du = defineCommand({
  use: 'du',
  short: 'Disk usage',
  flags: [
    { long: 'filter', type: 'filter', usage: 'Provide filter values' },
    { long: 'verbose', type: 'bool', usage: 'Provide a more verbose output' },
  ],
  async run(flags, rest, _env, cmd) {
    const bad = bxArity(cmd, rest.length, 'none');
    if (bad) return bad;
    const { parseFilters } = await import('./filters.ts');
    const { filters, error } = parseFilters(flags.filter as string[] | undefined);
    if (error) return R('', `${error}\nSee '${cmd.path} --help'.\n`, 125);
    return R(filters.size ? '' : 'Reclaimable:\t0B\nTotal:\t\t0B\n');
  },
});

export default du;
