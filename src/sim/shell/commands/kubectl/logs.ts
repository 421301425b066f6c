/**
 * kubectl logs (staging/src/k8s.io/kubectl/pkg/cmd/logs/logs.go, pkg/polymorphichelpers/logsforobject.go):
 * a pod's container (the first by default, with kubectl's `Defaulted container` note), -c, --previous,
 * --tail; `deploy/NAME` picks one of its pods. The text is the kubelet's (KubeletHandle.logs).
 * -f prints what is there and returns: the terminal does not stream a follow.
 */
import type { ExecResult } from '../../../api.ts';
import { resourceOfKind } from '../../../k8s/apiserver/resources.ts';
import type { KObject } from '../../../k8s/types.ts';
import type { CmdEnv } from '../../types.ts';
import { clusterFor } from './cluster.ts';
import { namespaceOf, out, parse, resourcesOf } from './common.ts';

type Obj = Record<string, unknown>;
const FLAGS = [
  { long: 'container', short: 'c', type: 'string' as const },
  { long: 'previous', short: 'p', type: 'bool' as const },
  { long: 'tail', type: 'int64' as const },
  { long: 'follow', short: 'f', type: 'bool' as const },
  { long: 'timestamps', type: 'bool' as const },
  { long: 'all-containers', type: 'bool' as const },
];
const PODS = resourceOfKind('v1', 'Pod')!;

export async function logs(args: string[], env: CmdEnv): Promise<ExecResult> {
  const p = parse(args, FLAGS, 'logs');
  if (!p.ok) return p.usage!;
  const [target, second] = p.rest;
  if (!target)
    return out(
      '',
      "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n",
      1,
    );
  const cluster = clusterFor(env.host);
  await cluster.sync();
  const api = cluster.api;
  const ns = namespaceOf(p.flags, env);
  let stderr = '';
  let pod: KObject | undefined;
  if (target.includes('/')) {
    const [type, name] = target.split('/') as [string, string];
    const rs = resourcesOf(type);
    if ('error' in rs) return rs.error;
    const r = rs[0]!;
    const owner = api.get(r, ns, name);
    if (!owner) return out('', `Error from server (NotFound): ${r.group ? `${r.resource}.${r.group}` : r.resource} "${name}" not found\n`, 1);
    if (r.kind === 'Pod') pod = owner;
    else {
      const sel = ((owner.spec as Obj | undefined)?.selector as Obj | undefined)?.matchLabels as Record<string, string> | undefined;
      const pods = api.list(PODS, ns).filter((x) => sel && Object.entries(sel).every(([k, v]) => x.metadata.labels?.[k] === v));
      if (!pods.length) return out('', `error: timed out waiting for the condition\n`, 1);
      pod = pods[0];
      if (pods.length > 1) stderr += `Found ${pods.length} pods, using pod/${pod!.metadata.name}\n`;
    }
  } else pod = api.get(PODS, ns, target);
  if (!pod) return out('', `Error from server (NotFound): pods "${target}" not found\n`, 1);
  const names = (k: string) => (((pod!.spec as Obj)[k] as Obj[] | undefined) ?? []).map((c) => String(c.name));
  const containers = names('containers');
  let name = (p.flags.container as string | undefined) ?? second;
  if (!name) {
    const annotated = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
    name = annotated ?? containers[0]!;
    // polymorphichelpers/logsforobject.go: the note (podcmd.AllContainerNames: containers, then ephemeral ones, then
    // init containers) when the first container is taken and the pod has others.
    const all = [...containers, ...names('ephemeralContainers').map((n) => `${n} (ephem)`), ...names('initContainers').map((n) => `${n} (init)`)];
    if (!annotated && all.length > 1) stderr += `Defaulted container "${name}" out of: ${all.join(', ')}\n`;
  }
  // podcmd.FindContainerByName: regular, init and ephemeral containers.
  if (![...containers, ...names('initContainers'), ...names('ephemeralContainers')].includes(name))
    return out('', `${stderr}error: container ${name} is not valid for pod ${pod.metadata.name}\n`, 1);
  const previous = Boolean(p.flags.previous);
  const text = cluster.kubelet?.logs(ns, pod.metadata.name, name, previous);
  if (text === undefined) {
    if (previous)
      return out('', `${stderr}Error from server (BadRequest): previous terminated container "${name}" in pod "${pod.metadata.name}" not found\n`, 1);
    const status = (pod.status ?? {}) as Obj;
    const st = ['containerStatuses', 'initContainerStatuses', 'ephemeralContainerStatuses']
      .flatMap((k) => (status[k] as Obj[] | undefined) ?? [])
      .find((c) => c.name === name);
    const waiting = (st?.state as Obj | undefined)?.waiting as Obj | undefined;
    // The API server's answer while a container has not started (pkg/registry/core/pod/strategy.go LogLocation).
    return out(
      '',
      `${stderr}Error from server (BadRequest): container "${name}" in pod "${pod.metadata.name}" is waiting to start: ${waiting?.reason ?? 'ContainerCreating'}\n`,
      1,
    );
  }
  let body = text;
  if (p.flags.tail !== undefined) {
    const n = p.flags.tail as number; // pflag's Int64: args.ts answers its parse error
    if (n >= 0) {
      const lines = body.split('\n');
      const trailing = body.endsWith('\n');
      const all = trailing ? lines.slice(0, -1) : lines;
      body = all.slice(Math.max(0, all.length - n)).join('\n') + (trailing && n > 0 && all.length ? '\n' : '');
    }
  }
  return out(body, stderr);
}
