/**
 * kubectl scale --replicas=COUNT TYPE NAME | TYPE/NAME (kubernetes/kubectl@v0.30.5:pkg/cmd/scale/scale.go), for the
 * Deployments and ReplicaSets node1's API server runs:
 * - cobra's required flag first (`required flag(s) "replicas" not set`, NewScaleOptions' Replicas is -1), then
 *   Complete (--dry-run's value, -o), then Validate ("The --replicas=COUNT flag is required, and COUNT must be greater
 *   than or equal to 0"; --current-replicas below -1);
 * - RunScale: the builder's own error for no resource (builder.go, as delete's); a name it cannot get leaves no infos,
 *   and RunScale then answers "no objects passed to scale" (its NotFound dropped: `len(infos) == 0` is checked first);
 * - --current-replicas and --resource-version are the scaler's preconditions (pkg/scale/scale.go
 *   ScalePrecondition.validate: "Expected replicas to be %d, was %d", "Expected resource version to be %s, was %s",
 *   wrapped as PreconditionError: `scaling the resource failed with: …`);
 * - each object scaled prints through PrintFlags("scaled"): `deployment.apps/web scaled`, ` (dry run)` with
 *   --dry-run=client, ` (server dry run)` with server.
 */
import type { ExecResult } from '../../../api.ts';
import type { ResourceInfo } from '../../../k8s/apiserver/resources.ts';
import type { KObject } from '../../../k8s/types.ts';
import type { CmdEnv } from '../../types.ts';
import { clusterFor } from './cluster.ts';
import { DRY_RUN_FLAG, dryRunOf, namespaceOf, objName, out, parse, resourcesOf, warnFirst, typeNameArgs } from './common.ts';
import { NO_ARGS } from './delete.ts';
import { badFormat, parseFormat, printObjects } from './output.ts';

const FLAGS = [
  { long: 'replicas', type: 'int' as const },
  { long: 'current-replicas', type: 'int' as const },
  { long: 'resource-version', type: 'string' as const },
  { long: 'timeout', type: 'string' as const },
  DRY_RUN_FLAG,
  { long: 'output', short: 'o', type: 'string' as const },
  { long: 'selector', short: 'l', type: 'string' as const },
  { long: 'all', type: 'bool' as const },
  { long: 'record', type: 'bool' as const },
];

export async function scale(args: string[], env: CmdEnv): Promise<ExecResult> {
  const p = parse(args, FLAGS, 'scale');
  if (!p.ok) return p.usage!;
  const f = p.flags;
  if (f.replicas === undefined) return out('', 'error: required flag(s) "replicas" not set\n', 1);
  const dryRun = dryRunOf(env, f);
  if ('error' in dryRun) return dryRun.error;
  const r = await scaleAll(env, f, p.rest, dryRun.mode);
  // klog's deprecation warning is written while the options complete, before anything else.
  return warnFirst(dryRun.warning, r);
}

async function scaleAll(env: CmdEnv, f: Record<string, unknown>, words: string[], dry: 'none' | 'client' | 'server'): Promise<ExecResult> {
  const format = parseFormat(f.output as string | undefined);
  if (!format) return out('', badFormat(String(f.output)), 1);
  const replicas = f.replicas as number;
  const current = (f['current-replicas'] as number | undefined) ?? -1;
  if (replicas < 0) return out('', 'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n', 1);
  if (current < -1) return out('', 'error: The --current-replicas must specify an integer of -1 or greater\n', 1);
  if (!words.length) return out('', NO_ARGS, 1);
  const items: { type: string; name: string }[] = typeNameArgs(words);
  if (!items.length) return out('', NO_ARGS, 1);
  const cluster = clusterFor(env.host);
  const ns = namespaceOf(f, env);
  const found: { r: ResourceInfo; o: KObject }[] = [];
  let notFound = '';
  for (const it of items) {
    const rs = resourcesOf(it.type);
    if ('error' in rs) return rs.error;
    const r = pick(rs);
    if (!r) return out('', `kubectl scale: ${it.type} is not simulated on node1 (this kubectl scales deployments and replicasets)\n`, 1);
    const o = cluster.api.get(r, ns, it.name);
    if (o) found.push({ r, o });
    else notFound += `Error from server (NotFound): ${r.resource}.${r.group} "${it.name}" not found\n`;
  }
  if (f['resource-version'] && found.length > 1) return out('', 'error: cannot use --resource-version with multiple resources\n', 1);
  if (!found.length) return out('', 'error: no objects passed to scale\n', 1);
  let stdout = '';
  for (const { r, o } of found) {
    const spec = (o.spec ?? {}) as { replicas?: number };
    const was = spec.replicas ?? 1;
    if (current !== -1 && current !== was) return out(stdout, `error: scaling the resource failed with: Expected replicas to be ${current}, was ${was}\n`, 1);
    const rv = f['resource-version'] as string | undefined;
    if (rv && rv !== o.metadata.resourceVersion)
      return out(stdout, `error: scaling the resource failed with: Expected resource version to be ${rv}, was ${o.metadata.resourceVersion}\n`, 1);
    const suffix = dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : '';
    let shown = o;
    if (dry === 'none') {
      shown = cluster.api.update(r, { ...o, spec: { ...(o.spec ?? {}), replicas } } as KObject);
      await cluster.sync();
    }
    stdout += format.kind === 'table' ? `${objName(r, o.metadata.name)} scaled${suffix}\n` : printObjects(format, [{ r, o: shown }], true).stdout;
  }
  return out(stdout, notFound, notFound ? 1 : 0);
}

/** The scalable kinds among a resource word's matches (node1's API server has no StatefulSet or ReplicationController). */
function pick(rs: ResourceInfo[]): ResourceInfo | undefined {
  return rs.find((r) => r.resource === 'deployments' || r.resource === 'replicasets');
}
