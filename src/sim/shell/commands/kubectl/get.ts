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
import { errorText, matchSelector, namespaceOf, objName, out, parse, resourcesOf } from './common.ts';
import { badFormat, parseFormat, printObjects } from './output.ts';
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
  const cluster = clusterFor(env.host);
  await cluster.sync();
  const api = cluster.api;
  const ns = namespaceOf(f, env);
  const all = Boolean(f['all-namespaces']);
  const sel = matchSelector(f.selector as string | undefined);
  if (typeof sel !== 'function') return out('', sel.error, 1);
  if (!p.rest.length) return out('', REQUIRED, 1);
  const fsel = fieldSelector(f['field-selector'] as string | undefined);
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
  const exitCode = stderr ? 1 : 0;
  if (!found.length) {
    if (named || (format.kind !== 'table' && format.kind !== 'name')) {
      if (!named && (format.kind === 'json' || format.kind === 'yaml')) return out(printObjects(format, [], false).stdout, stderr, exitCode);
      return out('', stderr, exitCode);
    }
    const clusterScoped = targets.every((t) => !t.r.namespaced);
    return out('', `${stderr}No resources found${all || clusterScoped ? '' : ` in ${ns} namespace.`}\n`, exitCode);
  }
  if (format.kind !== 'table') {
    const r = printObjects(format, found, named && found.length === 1 && targets.length === 1 && targets[0]!.names.length === 1);
    return out(r.stdout, stderr + r.stderr, r.stderr ? 1 : exitCode);
  }
  const prefix = targets.length > 1 || p.rest[0] === 'all' || (p.rest.some((a) => a.includes('/')) && targets.length > 1);
  const sections: string[] = [];
  for (const t of targets) {
    const rows = found.filter((x) => x.r === t.r);
    if (!rows.length) continue;
    const table = TABLES[t.r.kind] ?? DEFAULT_TABLE;
    const nsCol = all && t.r.namespaced;
    const head = [...(nsCol ? ['NAMESPACE'] : []), ...table.head, ...(format.wide ? table.wide : []), ...(f['show-labels'] ? ['LABELS'] : [])];
    const lines = f['no-headers'] ? [] : [head];
    for (const { o } of rows) {
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

/** --field-selector: `path=value`, `path==value`, `path!=value`, comma-separated (fields.ParseSelector). */
function fieldSelector(text: string | undefined): ((o: KObject) => boolean) | { error: string } {
  if (!text) return () => true;
  const reqs: ((o: KObject) => boolean)[] = [];
  for (const part of text.split(',')) {
    const m = /^([\w.]+)\s*(==|=|!=)\s*(.*)$/.exec(part.trim());
    if (!m) return { error: `error: invalid selector: '${text}'; can't understand '${part}'\n` };
    const [, path, op, value] = m as unknown as [string, string, string, string];
    const read = (o: KObject) =>
      String(path.split('.').reduce<unknown>((x, k) => (x && typeof x === 'object' ? (x as Record<string, unknown>)[k] : undefined), o) ?? '');
    reqs.push(op === '!=' ? (o) => read(o) !== value : (o) => read(o) === value);
  }
  return (o) => reqs.every((r) => r(o));
}
