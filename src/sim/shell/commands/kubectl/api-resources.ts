/**
 * `kubectl api-resources` and `kubectl api-versions` (kubernetes/kubectl@v0.30.5:pkg/cmd/apiresources/apiresources.go,
 * apiversions.go) over the discovery node1's API server gives (discovery.ts).
 */
import type { ExecResult } from '../../../api.ts';
import { tabwriter } from '../../kit/tabwriter.ts';
import type { CmdEnv } from '../../types.ts';
import { out, parse } from './common.ts';
import { API_VERSIONS, DISCOVERY } from './discovery.ts';

/** NewCmdAPIResources' flags. */
const FLAGS = [
  { long: 'no-headers', type: 'bool' as const },
  { long: 'output', short: 'o', type: 'string' as const },
  { long: 'api-group', type: 'string' as const },
  { long: 'namespaced', type: 'bool' as const },
  { long: 'verbs', type: 'list' as const },
  { long: 'sort-by', type: 'string' as const },
  { long: 'cached', type: 'bool' as const },
  { long: 'categories', type: 'list' as const },
];

/** cmdutil.UsageErrorf: the message, then the pointer to the command's help. */
const usage = (verb: string, args: string[]) =>
  out('', `error: unexpected arguments: [${args.join(' ')}]\nSee 'kubectl ${verb} -h' for help and examples\n`, 1);

/** pflag's StringSlice: each use is a CSV list, the uses appended. */
const slice = (v: unknown): string[] => (Array.isArray(v) ? v : typeof v === 'string' ? [v] : []).flatMap((s: string) => s.split(',')).filter(Boolean);

export async function apiResources(args: string[], _env: CmdEnv): Promise<ExecResult> {
  const p = parse(args, FLAGS, 'api-resources');
  if (!p.ok) return p.usage!;
  const f = p.flags;
  // Complete: no arguments (cmdutil.UsageErrorf "unexpected arguments: %v").
  if (p.rest.length) return usage('api-resources', p.rest);
  // Validate.
  const output = (f.output as string | undefined) ?? '';
  if (!['', 'wide', 'name'].includes(output)) return out('', `error: --output ${output} is not available\n`, 1);
  const sortBy = (f['sort-by'] as string | undefined) ?? '';
  if (!['', 'name', 'kind'].includes(sortBy)) return out('', 'error: --sort-by accepts only name or kind\n', 1);
  // RunAPIResources: the filters (a flag counts once it is set: cmd.Flags().Changed).
  const verbs = slice(f.verbs);
  const categories = slice(f.categories);
  const rows = DISCOVERY.filter(
    (r) =>
      (f['api-group'] === undefined || f['api-group'] === r.group) &&
      (f.namespaced === undefined || f.namespaced === r.namespaced) &&
      verbs.every((v) => r.verbs.split(',').includes(v)) &&
      categories.every((c) => r.categories.split(',').includes(c)),
  );
  // sortableResource: by group (or name, or kind), then by name; sort.Stable.
  const key = (r: (typeof rows)[number]) => (sortBy === 'name' ? r.name : sortBy === 'kind' ? r.kind : r.group);
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  rows.sort((a, b) => cmp(key(a), key(b)) || cmp(a.name, b.name));
  if (output === 'name') return out(rows.map((r) => `${r.name}${r.group ? `.${r.group}` : ''}\n`).join(''));
  const lines: string[] = [];
  // printContextHeaders.
  if (!f['no-headers'])
    lines.push(['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', ...(output === 'wide' ? ['VERBS', 'CATEGORIES'] : [])].join('\t'));
  for (const r of rows) {
    const gv = r.group ? `${r.group}/${r.version}` : r.version;
    const cells = [r.name, r.shortNames, gv, String(r.namespaced), r.kind];
    if (output === 'wide') cells.push(r.verbs, r.categories);
    lines.push(cells.join('\t'));
  }
  // printers.GetNewTabWriter: minwidth 6, padding 3.
  return out(lines.length ? tabwriter(`${lines.join('\n')}\n`, 6, 3) : '');
}

/** apiversions.go RunAPIVersions: the group versions, sorted, one a line. */
export async function apiVersions(args: string[], _env: CmdEnv): Promise<ExecResult> {
  const p = parse(args, [], 'api-versions');
  if (!p.ok) return p.usage!;
  if (p.rest.length) return usage('api-versions', p.rest);
  return out(API_VERSIONS.map((v) => `${v}\n`).join(''));
}
