/**
 * `kubectl taint` (kubernetes/kubectl@v0.30.5:pkg/cmd/taint/taint.go, utils.go): KEY[=VALUE]:EFFECT adds, KEY[:EFFECT]-
 * removes; Complete's, Validate's and parseTaint's errors in their order; reorganizeTaints' operation (`node/node1
 * tainted`, `untainted`, `modified`). A NoSchedule or NoExecute taint then keeps new pods off node1 (the scheduler's
 * TaintToleration: apiserver/scheduling.ts).
 */
import type { ExecResult } from '../../../api.ts';
import { labelValue, qualifiedName } from '../../../k8s/apiserver/validate.ts';
import { resourceFor, resourceOfKind } from '../../../k8s/apiserver/resources.ts';
import type { KObject } from '../../../k8s/types.ts';
import type { CmdEnv } from '../../types.ts';
import { clusterFor } from './cluster.ts';
import { DRY_RUN_FLAG, dryRunOf, matchSelector, noResourceType, out, parse, warnFirst } from './common.ts';

const NODES = resourceOfKind('v1', 'Node')!;
const FLAGS = [
  { long: 'overwrite', type: 'bool' as const },
  { long: 'all', type: 'bool' as const },
  { long: 'selector', short: 'l', type: 'string' as const },
  { long: 'validate', type: 'string' as const },
  { long: 'field-manager', type: 'string' as const },
  { long: 'output', short: 'o', type: 'string' as const },
  DRY_RUN_FLAG,
];

interface Taint {
  key: string;
  value?: string;
  effect?: string;
  timeAdded?: string;
}

/** Taint.ToString: key, =value, :effect. */
const show = (t: Taint) => `${t.key}${t.value ? `=${t.value}` : ''}${t.effect ? `:${t.effect}` : ''}`;
const usage = (msg: string) => out('', `error: ${msg}\nSee 'kubectl taint -h' for help and examples\n`, 1);

function parseTaint(st: string): Taint | string {
  const parts = st.split(':');
  let key: string;
  let value = '';
  let effect = '';
  if (parts.length === 1) key = parts[0]!;
  else if (parts.length === 2) {
    effect = parts[1]!;
    if (!['NoSchedule', 'PreferNoSchedule', 'NoExecute'].includes(effect)) return `invalid taint effect: ${effect}, unsupported taint effect`;
    const kv = parts[0]!.split('=');
    if (kv.length > 2) return `invalid taint spec: ${st}`;
    key = kv[0]!;
    if (kv.length === 2) {
      value = kv[1]!;
      const errs = labelValue(value);
      if (errs.length) return `invalid taint spec: ${st}, ${errs.join('; ')}`;
    }
  } else return `invalid taint spec: ${st}`;
  const errs = qualifiedName(key);
  if (errs.length) return `invalid taint spec: ${st}, ${errs.join('; ')}`;
  return { key, ...(value ? { value } : {}), ...(effect ? { effect } : {}) };
}

export async function taint(args: string[], env: CmdEnv): Promise<ExecResult> {
  const p = parse(args, FLAGS, 'taint');
  if (!p.ok) return p.usage!;
  const f = p.flags;
  const dry = dryRunOf(env, f);
  if ('error' in dry) return dry.error;
  // Complete: resources first, then taints (a word with `=`, `:` or a trailing `-`).
  const resources: string[] = [];
  const specs: string[] = [];
  for (const s of p.rest) {
    const isTaint = s.includes('=') || s.includes(':') || s.endsWith('-');
    if (isTaint) specs.push(s);
    else if (specs.length) return out('', `error: all resources must be specified before taint changes: ${s}\n`, 1);
    else resources.push(s);
  }
  if (!resources.length) return out('', 'error: one or more resources must be specified as <resource> <name>\n', 1);
  if (!specs.length) return out('', 'error: at least one taint update is required\n', 1);
  // parseTaints (a usage error).
  const add: Taint[] = [];
  const remove: Taint[] = [];
  for (const s of specs) {
    const t = parseTaint(s.endsWith('-') ? s.slice(0, -1) : s);
    if (typeof t === 'string') return usage(t);
    if (s.endsWith('-')) remove.push({ key: t.key, ...(t.effect ? { effect: t.effect } : {}) });
    else {
      if (!t.effect) return usage(`invalid taint spec: ${s}`);
      if (add.some((a) => a.key === t.key && a.effect === t.effect))
        return usage(`duplicated taints with the same key and effect: {${t.key} ${t.value ?? ''} ${t.effect} <nil>}`);
      add.push(t);
    }
  }
  // Validate: the type must be nodes.
  const r = resourceFor(resources[0]!);
  if (!r) return noResourceType(resources[0]!);
  if (r.kind !== 'Node') return out('', `error: invalid resource type ${resources[0]!.toLowerCase()}, only node types are supported\n`, 1);
  const conflicts = add.flatMap((a) => remove.filter((x) => x.key === a.key && (!x.effect || x.effect === a.effect)).map((x) => `${x.key}=${x.effect ?? ''}`));
  if (conflicts.length) return out('', `error: can not both modify and remove the following taint(s) in the same command: ${conflicts.join(', ')}\n`, 1);
  if (f.all && f.selector) return out('', "error: setting 'all' parameter with a non empty selector is prohibited\n", 1);
  if (!f.all && !f.selector && resources.length < 2)
    return out('', "error: at least one resource name must be specified since 'all' parameter is not set\n", 1);
  const cluster = clusterFor(env.host);
  let nodes: KObject[];
  if (f.all || f.selector) {
    const m = matchSelector(f.selector as string | undefined);
    if ('error' in m) return out('', m.error, 1);
    nodes = cluster.api.list(NODES).filter(m);
  } else {
    nodes = [];
    for (const name of resources.slice(1)) {
      const n = cluster.api.get(NODES, '', name);
      if (!n) return out('', `Error from server (NotFound): nodes "${name}" not found\n`, 1);
      nodes.push(n);
    }
  }
  let stdout = '';
  let stderr = '';
  for (const node of nodes) {
    const spec = (node.spec ?? {}) as { taints?: Taint[] };
    const old = spec.taints ?? [];
    // updateTaints: without --overwrite, a taint to add whose key and effect the node has is refused.
    if (!f.overwrite) {
      const exists = add.filter((a) => old.some((o) => o.key === a.key && o.effect === a.effect)).map((a) => a.key);
      if (exists.length) {
        stderr += `error: node ${node.metadata.name} already has ${exists.join(',')} taint(s) with same effect(s) and --overwrite is false\n`;
        break;
      }
    }
    // reorganizeTaints: the new ones, the old ones they do not replace (MatchTaint: key and effect), then the removals.
    let next: Taint[] = [...add];
    for (const o of old) if (!next.some((t) => t.key === o.key && t.effect === o.effect)) next.push(o);
    const added = old.length !== next.length;
    const errs: string[] = [];
    let deleted = false;
    for (const rm of remove) {
      const before = next.length;
      next = next.filter((t) => !(t.key === rm.key && (!rm.effect || t.effect === rm.effect)));
      deleted = next.length !== before;
      if (!deleted) errs.push(`taint ${JSON.stringify(show(rm))} not found`);
    }
    if (errs.length) {
      stderr += `error: ${errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`}\n`;
      break;
    }
    const operation = (added && deleted) || f.overwrite ? 'modified' : added ? 'tainted' : 'untainted';
    if (dry.mode === 'none') {
      if (next.length) spec.taints = next;
      else delete spec.taints;
      node.spec = spec as Record<string, unknown>;
      cluster.api.update(NODES, node);
    }
    stdout += `node/${node.metadata.name} ${operation}${dry.mode === 'none' ? '' : dry.mode === 'client' ? ' (dry run)' : ' (server dry run)'}\n`;
  }
  await cluster.sync();
  return warnFirst(dry.warning, out(stdout, stderr, stderr ? 1 : 0));
}
