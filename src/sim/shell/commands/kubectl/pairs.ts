/**
 * The KEY=VALUE / KEY- arguments of `kubectl label` and `kubectl annotate` (kubernetes/kubectl@v0.30.5:
 * pkg/cmd/util/helpers.go GetResourcesAndPairs, ParsePairs), and the objects they name (TYPE NAME…, TYPE/NAME…,
 * --all or -l with a TYPE), as the resource builder finds them.
 */
import type { ExecResult } from '../../../api.ts';
import type { ResourceInfo } from '../../../k8s/apiserver/resources.ts';
import type { KObject } from '../../../k8s/types.ts';
import type { Cluster } from '../../../k8s/cluster.ts';
import type { CmdEnv } from '../../types.ts';
import { mappedObject, matchFields, matchSelector, namespaceOf, out, readManifests, resourcesOf, typeNameArgs } from './common.ts';
import { clusterFor } from './cluster.ts';

/** GetResourcesAndPairs: resources first, then the pairs; a resource after a pair is an error. */
export function resourcesAndPairs(args: string[], pairType: string): { resources: string[]; pairs: string[] } | { error: string } {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const s of args) {
    const nonResource = (s.includes('=') && s[0] !== '=') || (s.endsWith('-') && s !== '-');
    if (nonResource) pairs.push(s);
    else if (pairs.length) return { error: `all resources must be specified before ${pairType} changes: ${s}` };
    else resources.push(s);
  }
  return { resources, pairs };
}

/** ParsePairs with supportRemove: `k=v` sets, `k-` removes, anything else is "invalid <type> format". */
export function parsePairs(pairs: string[], pairType: string): { set: Map<string, string>; remove: string[] } | { error: string } {
  const set = new Map<string, string>();
  const remove: string[] = [];
  const invalid: string[] = [];
  for (const p of pairs) {
    if (p.includes('=') && p[0] !== '=') {
      const i = p.indexOf('=');
      set.set(p.slice(0, i), p.slice(i + 1));
    } else if (p.endsWith('-') && p !== '-') remove.push(p.slice(0, -1));
    else invalid.push(p);
  }
  if (invalid.length) return { error: `invalid ${pairType} format: ${invalid.join(', ')}` };
  return { set, remove };
}

export interface Target {
  r: ResourceInfo;
  name: string;
  /** The namespace the object lives in ('' for a cluster-scoped one). */
  ns: string;
  obj?: KObject;
}

/** How label and annotate select objects besides their arguments: --all, -l, --field-selector, -A. */
interface Selection {
  all: boolean;
  selector?: string;
  fieldSelector?: string;
  allNamespaces?: boolean;
}

const fail = (msg: string) => ({ error: out('', `error: ${msg}\n`, 1) });

/**
 * The resource builder (kubernetes/cli-runtime@v0.30.5:pkg/resource/builder.go) as label and annotate drive it:
 * ResourceTypeOrNameArgs(all, …) (TYPE/NAME…, or TYPE NAME…, or a lone TYPE that --all selects with an empty
 * selector), LabelSelectorParam and FieldSelectorParam (empty ones ignored), AllNamespaces, then visitorResult's
 * order: selectors, TYPE/NAME tuples, names, a TYPE without names. Absent named objects are kept without obj, for the
 * caller's NotFound (Latest() meets them as it visits). `single` is IntoSingleItemImplied's answer.
 */
export function findTargets(cluster: Cluster, words: string[], ns: string, sel: Selection): { targets: Target[]; single: boolean } | { error: ExecResult } {
  const slashed = words.filter((w) => w.includes('/')).length;
  if (slashed && slashed !== words.length)
    return fail(
      "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
    );
  const selector = sel.selector?.trim() || (sel.all && words.length === 1 && !slashed ? '' : undefined);
  const fields = sel.fieldSelector?.trim() || undefined;
  const namespace = sel.allNamespaces ? '' : ns;
  if (selector !== undefined || fields !== undefined) {
    if (words.length > 1 && !slashed) return fail('name cannot be provided when a selector is specified');
    if (slashed) return fail('selectors and the all flag cannot be used when passing resource/name arguments');
    if (!words.length) return fail('at least one resource must be specified to use a selector');
    const rs = resourcesOf(words[0]!);
    if ('error' in rs) return rs;
    const match = matchSelector(selector);
    if ('error' in match) return { error: out('', match.error, 1) };
    const matchF = matchFields(fields);
    if ('error' in matchF) return { error: out('', matchF.error, 1) };
    const targets = rs.flatMap((r) =>
      cluster.api
        .list(r, r.namespaced && namespace ? namespace : undefined)
        .filter((o) => match(o) && matchF(o))
        .map((obj) => ({ r, name: obj.metadata.name, ns: obj.metadata.namespace ?? '', obj })),
    );
    return { targets, single: false };
  }
  const byName = typeNameArgs(words);
  if (!byName.length) {
    if (!words.length)
      return fail(
        "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
      );
    const rs = resourcesOf(words[0]!);
    return 'error' in rs ? rs : fail('resource(s) were provided, but no name was specified');
  }
  const targets: Target[] = [];
  for (const t of byName) {
    const rs = resourcesOf(t.type);
    if ('error' in rs) return rs;
    const r = rs[0]!;
    if (r.namespaced && !namespace)
      return fail(
        sel.allNamespaces ? 'a resource cannot be retrieved by name across all namespaces' : 'namespace may not be empty when retrieving a resource by name',
      );
    const obj = cluster.api.get(r, namespace, t.name);
    targets.push({ r, name: t.name, ns: r.namespaced ? namespace : '', ...(obj ? { obj } : {}) });
  }
  return { targets, single: byName.length === 1 };
}

/**
 * -f FILE… as the builder reads it (FilenameParam, then Latest() unless --local): each document mapped to its resource
 * (common.ts mappedObject), the file's own object with --local, else the live one (absent: kept without obj). One
 * file that is not a directory or stdin implies a single item (visitByPaths).
 */
export async function fileTargets(
  env: CmdEnv,
  cluster: Cluster,
  files: string[],
  ns: string,
  opts: { local: boolean; flagNs?: string },
): Promise<{ targets: Target[]; single: boolean } | { error: ExecResult }> {
  const read = await readManifests(env, files);
  if ('error' in read) return { error: out('', read.error, 1) };
  const targets: Target[] = [];
  for (const d of read.docs) {
    const m = mappedObject(d, opts.flagNs);
    if ('error' in m) return fail(m.error);
    const name = String(m.meta.name ?? '');
    const where = m.r.namespaced ? (m.objNs ?? ns) : '';
    const obj = opts.local ? (d.obj as unknown as KObject) : cluster.api.get(m.r, where, name);
    targets.push({ r: m.r, name, ns: where, ...(obj ? { obj } : {}) });
  }
  const st = files.length === 1 && files[0] !== '-' ? await env.fs.stat(env.fs.resolvePath(env.cwd, files[0]!)).catch(() => undefined) : undefined;
  return { targets, single: Boolean(st && !st.isDirectory) };
}

/** The object-choosing flags label.go and annotate.go both add (the resource builder's). */
export const TARGET_FLAGS = [
  { long: 'local', type: 'bool' as const },
  { long: 'all', type: 'bool' as const },
  { long: 'all-namespaces', short: 'A', type: 'bool' as const },
  { long: 'selector', short: 'l', type: 'string' as const },
  { long: 'field-selector', type: 'string' as const },
  { long: 'resource-version', type: 'string' as const },
  { long: 'output', short: 'o', type: 'string' as const },
  { long: 'filename', short: 'f', type: 'list' as const },
  { long: 'field-manager', type: 'string' as const },
];

/**
 * RunLabel's and RunAnnotate's builder: -f's objects (not with TYPE NAME as well, unless --local) or those the words
 * and the selector flags name, in the flags' namespace.
 */
export async function builderTargets(
  env: CmdEnv,
  f: Record<string, unknown>,
  words: string[],
  files: string[],
  local: boolean,
): Promise<{ targets: Target[]; single: boolean } | { error: ExecResult }> {
  const cluster = clusterFor(env.host);
  const ns = namespaceOf(f, env);
  if (files.length && words.length && !local)
    return fail('when paths, URLs, or stdin is provided as input, you may not specify a resource by arguments as well');
  return files.length
    ? fileTargets(env, cluster, files, ns, { local, ...(typeof f.namespace === 'string' ? { flagNs: f.namespace } : {}) })
    : findTargets(cluster, words, ns, {
        all: f.all === true,
        selector: f.selector as string | undefined,
        fieldSelector: f['field-selector'] as string | undefined,
        allNamespaces: f['all-namespaces'] === true,
      });
}
