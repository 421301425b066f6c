/**
 * `kubectl cordon`, `uncordon` and `drain` (kubernetes/kubectl@v0.30.5:pkg/cmd/drain/drain.go, pkg/drain/drain.go,
 * filters.go, cordon.go): spec.unschedulable set or cleared (`node/node1 cordoned`, `already cordoned`); drain cordons,
 * then lists the node's pods through the filters in their order (skipDeleted, daemonSet, mirrorPod, localStorage,
 * unreplicated), refuses with their errors, warns, evicts the rest (`evicting pod NS/NAME`, then `pod/NAME evicted`
 * once each is gone) and prints `node/node1 drained`.
 */
import type { ExecResult } from '../../../api.ts';
import { resourceOfKind } from '../../../k8s/apiserver/resources.ts';
import type { KObject } from '../../../k8s/types.ts';
import type { CmdEnv } from '../../types.ts';
import { clusterFor } from './cluster.ts';
import { DRY_RUN_FLAG, dryRunOf, matchSelector, out, parse, warnFirst } from './common.ts';

const NODES = resourceOfKind('v1', 'Node')!;
const PODS = resourceOfKind('v1', 'Pod')!;

const CORDON_FLAGS = [{ long: 'selector', short: 'l', type: 'string' as const }, DRY_RUN_FLAG];
/** NewCmdDrain's flags. */
const DRAIN_FLAGS = [
  ...CORDON_FLAGS,
  { long: 'force', type: 'bool' as const },
  { long: 'ignore-daemonsets', type: 'bool' as const },
  { long: 'delete-local-data', type: 'bool' as const },
  { long: 'delete-emptydir-data', type: 'bool' as const },
  { long: 'grace-period', type: 'int' as const },
  { long: 'timeout', type: 'string' as const },
  { long: 'pod-selector', type: 'string' as const },
  { long: 'disable-eviction', type: 'bool' as const },
  { long: 'skip-wait-for-delete-timeout', type: 'int' as const },
  { long: 'chunk-size', type: 'int' as const },
];

/** filters.go's messages. */
const DAEMONSET_FATAL = 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)';
const DAEMONSET_WARNING = 'ignoring DaemonSet-managed Pods';
const LOCAL_STORAGE_FATAL = 'Pods with local storage (use --delete-emptydir-data to override)';
const LOCAL_STORAGE_WARNING = 'deleting Pods with local storage';
const UNMANAGED_FATAL = 'cannot delete Pods that declare no controller (use --force to override)';
const UNMANAGED_WARNING = 'deleting Pods that declare no controller';

/** cli-runtime's WarningPrinter (yellow on a terminal). */
const warning = (env: CmdEnv, message: string) => (env.tty ? `\x1b[33;1mWarning:\x1b[0m ${message}\n` : `Warning: ${message}\n`);

/** apimachinery's aggregate Error(): one message alone, several in brackets. */
const aggregate = (msgs: string[]) => (msgs.length === 1 ? msgs[0]! : `[${msgs.join(', ')}]`);

export async function cordon(verb: 'cordon' | 'uncordon' | 'drain', args: string[], env: CmdEnv): Promise<ExecResult> {
  const p = parse(args, verb === 'drain' ? DRAIN_FLAGS : CORDON_FLAGS, verb);
  if (!p.ok) return p.usage!;
  const f = p.flags;
  // Complete.
  if (!p.rest.length && f.selector === undefined) return out('', `error: USAGE: ${verb} NODE [flags]\nSee 'kubectl ${verb} -h' for help and examples\n`, 1);
  if (p.rest.length && f.selector)
    return out('', `error: error: cannot specify both a node name and a --selector option\nSee 'kubectl ${verb} -h' for help and examples\n`, 1);
  const dry = dryRunOf(env, f);
  if ('error' in dry) return dry.error;
  const podSelector = f['pod-selector'] as string | undefined;
  const podMatch = matchSelector(podSelector);
  if ('error' in podMatch) return out('', 'error: --pod-selector=<pod_selector> must be a valid label selector\n', 1);
  const cluster = clusterFor(env.host);
  const api = cluster.api;
  const nodes: KObject[] = [];
  let stderr = '';
  if (f.selector !== undefined) {
    const m = matchSelector(f.selector as string);
    if ('error' in m) return out('', m.error, 1);
    nodes.push(...api.list(NODES).filter(m));
  } else
    for (const name of p.rest) {
      const n = api.get(NODES, '', name);
      if (!n) return out('', `Error from server (NotFound): nodes "${name}" not found\n`, 1);
      nodes.push(n);
    }
  const dryNote = dry.mode === 'none' ? '' : dry.mode === 'client' ? ' (dry run)' : ' (server dry run)';
  let stdout = '';
  // RunCordonOrUncordon.
  const desired = verb !== 'uncordon';
  for (const n of nodes) {
    const spec = (n.spec ?? {}) as { unschedulable?: boolean };
    if (!!spec.unschedulable === desired) {
      stdout += `node/${n.metadata.name} already ${desired ? 'cordoned' : 'uncordoned'}${dryNote}\n`;
      continue;
    }
    if (dry.mode === 'none') {
      if (desired) spec.unschedulable = true;
      else delete spec.unschedulable;
      n.spec = spec as Record<string, unknown>;
      api.update(NODES, n);
    }
    stdout += `node/${n.metadata.name} ${desired ? 'cordoned' : 'uncordoned'}${dryNote}\n`;
  }
  await cluster.sync();
  if (verb !== 'drain') return warnFirst(dry.warning, out(stdout));
  // RunDrain: each node's pods through the filters.
  const remaining: string[] = [];
  const fatal: string[] = [];
  for (const n of nodes) {
    const pods = api.list(PODS).filter((pod) => (pod.spec as { nodeName?: string } | undefined)?.nodeName === n.metadata.name && podMatch(pod));
    const errors = new Map<string, string[]>();
    const warnings = new Map<string, string[]>();
    const evict: KObject[] = [];
    for (const pod of pods) {
      const id = `${pod.metadata.namespace}/${pod.metadata.name}`;
      const phase = (pod.status as { phase?: string } | undefined)?.phase;
      const finished = phase === 'Succeeded' || phase === 'Failed';
      const ctrl = pod.metadata.ownerReferences?.find((r) => r.controller);
      const add = (m: Map<string, string[]>, msg: string) => m.set(msg, [...(m.get(msg) ?? []), id]);
      // daemonSetFilter (a DaemonSet that exists: the fixture's kube-proxy and flannel).
      if (ctrl?.kind === 'DaemonSet' && !finished) {
        if (!f['ignore-daemonsets']) add(errors, DAEMONSET_FATAL);
        else add(warnings, DAEMONSET_WARNING);
        continue;
      }
      // mirrorPodFilter: the static pods' mirrors are skipped.
      if (pod.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined) continue;
      let warn: string | undefined;
      const volumes = ((pod.spec as { volumes?: { emptyDir?: unknown }[] } | undefined)?.volumes ?? []).some((v) => v.emptyDir !== undefined);
      if (volumes && !finished) {
        if (!f['delete-emptydir-data'] && !f['delete-local-data']) {
          add(errors, LOCAL_STORAGE_FATAL);
          continue;
        }
        warn = LOCAL_STORAGE_WARNING;
      }
      if (!finished && !ctrl) {
        if (!f.force) {
          add(errors, UNMANAGED_FATAL);
          continue;
        }
        warn = UNMANAGED_WARNING;
      }
      // "only the last filter's message will be retained".
      if (warn) add(warnings, warn);
      evict.push(pod);
    }
    // PodDeleteList.errors: "cannot delete <msg>: <pods>" (a Go map's order; here the pods' own).
    const errs = [...errors].map(([msg, ids]) => `cannot delete ${msg}: ${ids.join(', ')}`);
    if (errs.length) {
      const e = aggregate(errs);
      stderr += `error: unable to drain node "${n.metadata.name}" due to error:${e}, continuing command...\n`;
      fatal.push(e);
      remaining.push(n.metadata.name);
      continue;
    }
    if (warnings.size) stderr += warning(env, [...warnings].map(([msg, ids]) => `${msg}: ${ids.join(', ')}`).join('; '));
    if (dry.mode === 'client') {
      for (const pod of evict) stdout += `evicting pod ${pod.metadata.namespace}/${pod.metadata.name} (dry run)\n`;
    } else {
      // evictPods: an Eviction per pod (policy/v1 pods/eviction: a graceful delete), then each awaited until gone.
      for (const pod of evict) {
        stdout += `evicting pod ${pod.metadata.namespace}/${pod.metadata.name}${dry.mode === 'server' ? ' (server dry run)' : ''}\n`;
        if (dry.mode === 'none') api.delete(PODS, pod.metadata.namespace ?? 'default', pod.metadata.name, f['grace-period'] as number | undefined);
      }
      if (dry.mode === 'none') {
        await cluster.sync();
        const gone = (pod: KObject) => api.get(PODS, pod.metadata.namespace ?? 'default', pod.metadata.name)?.metadata.uid !== pod.metadata.uid;
        if (cluster.kubelet) await env.host.waitUntil(() => evict.every(gone), undefined, env.signal);
        for (const pod of evict) stdout += `pod/${pod.metadata.name} evicted\n`;
      }
    }
    stdout += `node/${n.metadata.name} drained${dryNote}\n`;
  }
  if (remaining.length) stderr += `There are pending nodes to be drained:\n${remaining.map((r) => ` ${r}\n`).join('')}`;
  if (fatal.length) stderr += `error: ${aggregate(fatal)}\n`;
  const r = out(stdout, stderr, fatal.length ? 1 : 0);
  // The cordon line comes first, then the errors or warnings, then the evictions: one output in that order.
  const cordonEnd = stdout.indexOf('\n') + 1;
  return warnFirst(dry.warning, {
    ...r,
    output: [
      { stream: 'stdout', text: stdout.slice(0, cordonEnd) },
      ...(stderr && !fatal.length ? [{ stream: 'stderr' as const, text: stderr }] : []),
      ...(stdout.length > cordonEnd ? [{ stream: 'stdout' as const, text: stdout.slice(cordonEnd) }] : []),
      ...(stderr && fatal.length ? [{ stream: 'stderr' as const, text: stderr }] : []),
    ],
  });
}
