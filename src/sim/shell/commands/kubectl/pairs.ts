/**
 * The KEY=VALUE / KEY- arguments of `kubectl label` and `kubectl annotate` (kubernetes/kubectl@v0.30.5:
 * pkg/cmd/util/helpers.go GetResourcesAndPairs, ParsePairs), and the objects they name (TYPE NAME…, TYPE/NAME…,
 * --all or -l with a TYPE), as the resource builder finds them.
 */
import type { ExecResult } from '../../../api.ts';
import type { ResourceInfo } from '../../../k8s/apiserver/resources.ts';
import type { KObject } from '../../../k8s/types.ts';
import type { Cluster } from '../../../k8s/cluster.ts';
import { matchSelector, noResourceType, out, resourcesOf, typeNameArgs } from './common.ts';

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
  obj?: KObject;
}

/**
 * The builder's ResourceTypeOrNameArgs(all, …) with a label selector: each named object (absent ones kept, without obj,
 * for the caller's NotFound), or every object of the TYPE in the namespace that the selector matches.
 */
export function findTargets(cluster: Cluster, words: string[], ns: string, all: boolean, selector?: string): Target[] | { error: ExecResult } {
  const byName = (all || selector) && words.length === 1 && !words[0]!.includes('/') ? [] : typeNameArgs(words);
  if (byName.length) {
    const list: Target[] = [];
    for (const t of byName) {
      const rs = resourcesOf(t.type);
      if ('error' in rs) return rs;
      const r = rs[0]!;
      const obj = cluster.api.get(r, ns, t.name);
      list.push(obj ? { r, name: t.name, obj } : { r, name: t.name });
    }
    return list;
  }
  if (!words.length) return { error: noResourceType('') };
  const rs = resourcesOf(words[0]!);
  if ('error' in rs) return rs;
  const match = matchSelector(selector);
  if ('error' in match) return { error: out('', match.error, 1) };
  return rs.flatMap((r) =>
    cluster.api
      .list(r, r.namespaced ? ns : undefined)
      .filter(match)
      .map((obj) => ({ r, name: obj.metadata.name, obj })),
  );
}
