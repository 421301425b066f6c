/**
 * kubectl delete (staging/src/k8s.io/kubectl/pkg/cmd/delete/delete.go): by type and name, -f, -l, --all;
 * `pod "web" deleted` once the object is gone (--wait), --grace-period, --now (1 s), --force; --dry-run and -o name
 * as DeleteOptions.PrintObj words them (`pod "web" deleted (dry run)`, `(server dry run)`, `pod/web`): the objects
 * are still read first (the resource builder's GET), so a missing one is NotFound in a dry run too.
 */
import type { ExecResult } from '../../../api.ts';
import { ApiError } from '../../../k8s/apiserver/index.ts';
import type { ResourceInfo } from '../../../k8s/apiserver/resources.ts';
import type { CmdEnv } from '../../types.ts';
import { clusterFor } from './cluster.ts';
import { DRY_RUN_FLAG, dryRunOf, errorText, matchSelector, namespaceOf, out, parse, readManifests, resourcesOf, mappedObject } from './common.ts';

const FLAGS = [
  { long: 'filename', short: 'f', type: 'list' as const },
  { long: 'selector', short: 'l', type: 'string' as const },
  { long: 'all', type: 'bool' as const },
  { long: 'grace-period', type: 'int' as const },
  { long: 'now', type: 'bool' as const },
  { long: 'force', type: 'bool' as const },
  { long: 'wait', type: 'bool' as const },
  { long: 'all-namespaces', short: 'A', type: 'bool' as const },
  { long: 'ignore-not-found', type: 'bool' as const },
  { long: 'output', short: 'o', type: 'string' as const },
  DRY_RUN_FLAG,
];

export const NO_ARGS =
  "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n";

const singular = (r: ResourceInfo) => (r.group ? `${r.singular}.${r.group}` : r.singular);

export async function del(args: string[], env: CmdEnv): Promise<ExecResult> {
  const argv = args
    .map((a, i) => (a === '-' && (args[i - 1] === '-f' || args[i - 1] === '--filename') ? '--filename=-' : a))
    .filter((a, i) => !((a === '-f' || a === '--filename') && args[i + 1] === '-'));
  const p = parse(argv, FLAGS, 'delete');
  if (!p.ok) return p.usage!;
  const f = p.flags;
  const ns = namespaceOf(f, env);
  const dryRun = dryRunOf(env, f);
  if ('error' in dryRun) return dryRun.error;
  const dry = dryRun.mode;
  // delete.go Complete: -o accepts only "name" (and the empty default).
  if (f.output !== undefined && f.output !== 'name' && f.output !== '')
    return out('', `error: unexpected -o output mode: ${f.output}. We only support '-o name'\n`, 1);
  // --grace-period is pflag's Int (args.ts answers its parse error); -1 is its default, "not given".
  let grace = f['grace-period'] as number | undefined;
  if (grace === -1) grace = undefined;
  if (f.now) {
    if (grace !== undefined && grace !== -1) return out('', 'error: --now and --grace-period cannot be specified together\n', 1);
    grace = 1;
  }
  if (f.force && grace === undefined) grace = 0;
  const force = grace === 0 && Boolean(f.force);
  if (grace === 0 && !f.force) grace = 1; // delete.go: --grace-period=0 without --force means 1.
  const targets: { r: ResourceInfo; ns: string; name: string; file?: string }[] = [];
  const errors: string[] = [];
  const files = (f.filename as string[] | undefined) ?? [];
  const cluster = clusterFor(env.host);
  const api = cluster.api;
  if (files.length) {
    const read = await readManifests(env, files);
    if ('error' in read) return out('', read.error, 1);
    for (const d of read.docs) {
      const mapped = mappedObject(d);
      if ('error' in mapped) {
        errors.push(`error: ${mapped.error}\n`);
        continue;
      }
      const { r, meta } = mapped;
      targets.push({ r, ns: typeof meta.namespace === 'string' ? meta.namespace : ns, name: String(meta.name ?? ''), file: d.file });
    }
  } else {
    if (!p.rest.length) return out('', NO_ARGS, 1);
    const sel = matchSelector(f.selector as string | undefined);
    if (typeof sel !== 'function') return out('', sel.error, 1);
    if (p.rest.every((a) => a.includes('/'))) {
      for (const a of p.rest) {
        const rs = resourcesOf(a.split('/')[0]!);
        if ('error' in rs) return rs.error;
        targets.push({ r: rs[0]!, ns, name: a.split('/')[1]! });
      }
    } else {
      const rs = resourcesOf(p.rest[0]!);
      if ('error' in rs) return rs.error;
      const names = p.rest.slice(1);
      if (!names.length && !f.all && !f.selector) return out('', `error: resource(s) were provided, but no name was specified\n`, 1);
      for (const r of rs) {
        if (names.length) for (const n of names) targets.push({ r, ns, name: n });
        else
          for (const o of api.list(r, f['all-namespaces'] ? undefined : ns))
            if (sel(o)) targets.push({ r, ns: o.metadata.namespace ?? ns, name: o.metadata.name });
      }
      if (!names.length && !targets.length) return out('', 'No resources found\n');
    }
  }
  let stdout = '';
  let stderr = dryRun.warning;
  stderr += force
    ? 'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n'
    : '';
  const waiting: { r: ResourceInfo; ns: string; name: string }[] = [];
  for (const t of targets) {
    const said = `${force ? 'force deleted' : 'deleted'}${dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : ''}`;
    const shown = f.output === 'name' ? `${singular(t.r)}/${t.name}\n` : `${singular(t.r)} "${t.name}" ${said}\n`;
    try {
      if (dry !== 'none') {
        if (!api.get(t.r, t.ns, t.name))
          api.delete(t.r, t.ns, t.name, grace); // not there: the API server's NotFound
        else stdout += shown;
        continue;
      }
      const o = api.delete(t.r, t.ns, t.name, grace);
      stdout += shown;
      if (o.metadata.deletionTimestamp) waiting.push(t);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.reason === 'NotFound' && f['ignore-not-found']) continue;
      errors.push(errorText(e, t.file ? { verb: 'deleting', file: t.file } : undefined));
    }
  }
  await cluster.sync();
  // --wait (the default): return once the objects are gone (the kubelet stops the pods).
  if (waiting.length && f.wait !== false && cluster.kubelet) {
    const gone = () => waiting.every((t) => !api.get(t.r, t.ns, t.name));
    await env.host.waitUntil(gone, undefined, env.signal);
  }
  for (const e of errors) stderr += e;
  return out(stdout, stderr, errors.length ? 1 : 0);
}
