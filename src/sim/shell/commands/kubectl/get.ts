/**
 * kubectl get (staging/src/k8s.io/kubectl/pkg/cmd/get/get.go): tables through a tabwriter
 * (minwidth 6, padding 3), -o wide|yaml|json|name|jsonpath|go-template, -l, -A, -n, --show-labels,
 * --no-headers, and -w, which prints the current rows and returns (nothing changes while it would watch).
 */
import type { ExecResult } from '../../../api.ts';
import type { ResourceInfo } from '../../../k8s/apiserver/resources.ts';
import type { KObject } from '../../../k8s/types.ts';
import type { CmdEnv } from '../../types.ts';
import { tabwriter } from '../../kit/tabwriter.ts';
import { clusterFor } from './cluster.ts';
import { errorText, klogLine, matchFields, matchSelector, namespaceOf, objName, out, parse, resourcesOf } from './common.ts';
import { columnsFromSpec, columnsFromTemplate, NO_COLUMNS, printColumns } from './custom-columns.ts';
import { badFormat, type Format, parseFormat, printObjects } from './output.ts';
import { sortBy } from './sorter.ts';
import { DEFAULT_TABLE, TABLES } from './tables.ts';
import { notFound } from '../../../k8s/apiserver/errors.ts';

const FLAGS = [
  { long: 'output', short: 'o', type: 'string' as const },
  { long: 'selector', short: 'l', type: 'string' as const },
  { long: 'all-namespaces', short: 'A', type: 'bool' as const },
  { long: 'watch', short: 'w', type: 'bool' as const },
  { long: 'show-labels', type: 'bool' as const },
  { long: 'no-headers', type: 'bool' as const },
  { long: 'field-selector', type: 'string' as const },
  { long: 'sort-by', type: 'string' as const },
];

const REQUIRED = `You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee 'kubectl get -h' for help and examples\n`;

const labelsText = (o: KObject) => {
  const l = o.metadata.labels ?? {};
  const keys = Object.keys(l).sort();
  return keys.length ? keys.map((k) => `${k}=${l[k]}`).join(',') : '<none>';
};

export async function get(args: string[], env: CmdEnv): Promise<ExecResult> {
  const p = parse(args, FLAGS, 'get');
  if (!p.ok) return p.usage!;
  const f = p.flags;
  const format = parseFormat(f.output as string | undefined, true);
  if (!format) return out('', badFormat(String(f.output), true), 1);
  // get.go Validate: --show-labels is the human-readable printers' (kubectl v1.30.13 says the same).
  if (f['show-labels'] && typeof f.output === 'string' && f.output && f.output !== 'wide')
    return out('', `error: --show-labels option cannot be used with ${f.output} printer\n`, 1);
  const cluster = clusterFor(env.host);
  await cluster.sync();
  const api = cluster.api;
  const ns = namespaceOf(f, env);
  const all = Boolean(f['all-namespaces']);
  const sel = matchSelector(f.selector as string | undefined);
  if (typeof sel !== 'function') return out('', sel.error, 1);
  if (!p.rest.length) return out('', REQUIRED, 1);
  const fsel = matchFields(f['field-selector'] as string | undefined);
  if (typeof fsel !== 'function') return out('', fsel.error, 1);
  // `get pod/a deploy/b` or `get pods a b`
  const targets: { r: ResourceInfo; names: string[] }[] = [];
  if (p.rest.every((a) => a.includes('/'))) {
    for (const a of p.rest) {
      const [type, name] = a.split('/') as [string, string];
      const rs = resourcesOf(type);
      if ('error' in rs) return rs.error;
      const r = rs[0]!;
      const t = targets.find((x) => x.r === r);
      if (t) t.names.push(name);
      else targets.push({ r, names: [name] });
    }
  } else {
    if (p.rest.slice(1).some((a) => a.includes('/')))
      return out(
        '',
        `error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'\n`,
        1,
      );
    const rs = resourcesOf(p.rest[0]!);
    if ('error' in rs) return rs.error;
    for (const r of rs) targets.push({ r, names: p.rest.slice(1) });
  }
  const named = targets.some((t) => t.names.length > 0);
  const now = env.host.clock.nowMs;
  let stderr = '';
  const found: { r: ResourceInfo; o: KObject }[] = [];
  for (const t of targets) {
    if (t.names.length) {
      for (const n of t.names) {
        const o = api.get(t.r, ns, n);
        if (o) found.push({ r: t.r, o });
        else stderr += errorText(notFound(t.r.group ? `${t.r.resource}.${t.r.group}` : t.r.resource, n));
      }
    } else {
      for (const o of api.scan(t.r, all ? undefined : ns)) if (sel(o) && fsel(o)) found.push({ r: t.r, o });
    }
  }
  // get.go Run: with -w the watch answers and --sort-by is ignored (watch() prints the current objects here).
  const sortField = typeof f['sort-by'] === 'string' && f['sort-by'] ? f['sort-by'] : '';
  if (sortField && f.watch) stderr = `warning: --watch or --watch-only requested, --sort-by will be ignored\n${stderr}`;
  const sorting = sortField && !f.watch ? sortField : '';
  const exitCode = stderr ? 1 : 0;
  // printGeneric: one TYPE NAME is printed bare (never sorted); else every object goes into one List.
  const single = named && targets.length === 1 && targets[0]!.names.length === 1;
  if (format.kind === 'custom-columns') {
    if (single && !found.length) return out('', stderr, exitCode);
    return customColumns(format, found, sorting && !single ? sorting : '', Boolean(f['no-headers']), stderr, env);
  }
  if (!found.length) {
    if (named || (format.kind !== 'table' && format.kind !== 'name')) {
      if (!named && (format.kind === 'json' || format.kind === 'yaml')) return out(printObjects(format, [], false).stdout, stderr, exitCode);
      return out('', stderr, exitCode);
    }
    const clusterScoped = targets.every((t) => !t.r.namespaced);
    return out('', `${stderr}No resources found${all || clusterScoped ? '' : ` in ${ns} namespace.`}\n`, exitCode);
  }
  if (format.kind !== 'table') {
    let items = found;
    if (sorting && !(single && found.length === 1)) {
      const s = sortBy(found, sorting, (x) => x.o, false);
      if ('error' in s) return out('', `${stderr}error: ${s.error}\n`, 1);
      if ('fatal' in s) return out('', stderr + klogLine(env, 'F', s.at, s.fatal), 1);
      items = s.sorted;
    }
    const r = printObjects(format, items, single && found.length === 1);
    return out(r.stdout, stderr + r.stderr, r.stderr ? 1 : exitCode);
  }
  // The human-readable path (RuntimeSorter): each type's table is sorted on its own, before anything is printed.
  const byType = new Map<ResourceInfo, KObject[]>();
  for (const t of targets) {
    const rows = found.filter((x) => x.r === t.r).map((x) => x.o);
    if (!sorting || !rows.length) byType.set(t.r, rows);
    else {
      const s = sortBy(rows, sorting, (o) => o, true);
      if ('error' in s) return out('', `${stderr}error: ${s.error}\n`, 1);
      if ('fatal' in s) return out('', stderr + klogLine(env, 'F', s.at, s.fatal), 1);
      byType.set(t.r, s.sorted);
    }
  }
  const prefix = targets.length > 1 || p.rest[0] === 'all' || (p.rest.some((a) => a.includes('/')) && targets.length > 1);
  const sections: string[] = [];
  for (const t of targets) {
    const rows = byType.get(t.r) ?? [];
    if (!rows.length) continue;
    const table = TABLES[t.r.kind] ?? DEFAULT_TABLE;
    const nsCol = all && t.r.namespaced;
    const head = [...(nsCol ? ['NAMESPACE'] : []), ...table.head, ...(format.wide ? table.wide : []), ...(f['show-labels'] ? ['LABELS'] : [])];
    const lines = f['no-headers'] ? [] : [head];
    for (const o of rows) {
      const cells = table.row(o, now);
      if (prefix) cells[0] = objName(t.r, cells[0]!);
      lines.push([
        ...(nsCol ? [o.metadata.namespace ?? ''] : []),
        ...cells,
        ...(format.wide ? table.wideRow(o, now) : []),
        ...(f['show-labels'] ? [labelsText(o)] : []),
      ]);
    }
    sections.push(tabwriter(`${lines.map((l) => l.join('\t')).join('\n')}\n`, 6, 3));
  }
  return out(sections.join('\n'), stderr, exitCode);
}

/**
 * -o custom-columns / custom-columns-file (customcolumn_flags.go ToPrinter, then CustomColumnsPrinter over printGeneric's
 * List: its header even when the List is empty, and no "No resources found"). A file's template always prints its
 * header; `--no-headers` applies to a spec only (NewCustomColumnsPrinterFromTemplate sets NoHeaders false).
 */
async function customColumns(
  format: Extract<Format, { kind: 'custom-columns' }>,
  found: { o: KObject }[],
  sorting: string,
  noHeaders: boolean,
  stderr: string,
  env: CmdEnv,
): Promise<ExecResult> {
  if (!format.spec) return out('', `${stderr}error: ${NO_COLUMNS}\n`, 1);
  let columns: ReturnType<typeof columnsFromSpec>;
  if (format.file) {
    const abs = env.fs.resolvePath(env.cwd, format.spec);
    const st = await env.fs.stat(abs).catch(() => undefined);
    // os.Open's error; a directory opens, and its first read fails (no header line).
    if (!st) return out('', `${stderr}error: error reading template ${format.spec}, open ${format.spec}: no such file or directory\n`, 1);
    columns = columnsFromTemplate(st.isDirectory ? '' : await env.fs.readFile(abs));
  } else columns = columnsFromSpec(format.spec);
  if ('error' in columns) return out('', `${stderr}error: ${columns.error}\n`, 1);
  let items = found.map((x) => x.o);
  if (sorting && items.length) {
    const s = sortBy(items, sorting, (o) => o, false);
    if ('error' in s) return out('', `${stderr}error: ${s.error}\n`, 1);
    if ('fatal' in s) return out('', stderr + klogLine(env, 'F', s.at, s.fatal), 1);
    items = s.sorted;
  }
  const r = printColumns(columns, items, noHeaders && !format.file);
  return out(r.stdout, stderr + r.stderr, stderr || r.stderr ? 1 : 0);
}
