/**
 * kubectl set image TYPE NAME CONTAINER=IMAGE … | TYPE/NAME … (kubernetes/kubectl@v0.30.5:pkg/cmd/set/set_image.go), for
 * Deployments and ReplicaSets (node1's controllers roll a Deployment's changed template out):
 * - Complete gets the objects first (the builder's NotFound), then Validate: "at least one image update is required";
 * - Run: each pair sets the init and regular containers of that name (`*`: all); a name in neither is
 *   `error: unable to find container named "x"`; an object left as it was is not patched and prints nothing;
 * - a patched object prints through PrintFlags("image updated"): `deployment.apps/web image updated`, ` (dry run)` with
 *   --dry-run=client, ` (server dry run)` with server.
 * Pods (whose image the API server lets change in place) and the other workload kinds are not simulated.
 */
import type { ExecResult } from '../../../api.ts';
import type { ResourceInfo } from '../../../k8s/apiserver/resources.ts';
import type { KObject } from '../../../k8s/types.ts';
import type { CmdEnv } from '../../types.ts';
import { clusterFor } from './cluster.ts';
import { DRY_RUN_FLAG, dryRunOf, namespaceOf, objName, out, parse, resourcesOf, warnFirst, typeNameArgs } from './common.ts';
import { NO_ARGS } from './delete.ts';
import { badFormat, parseFormat, printObjects } from './output.ts';

type Obj = Record<string, unknown>;

const FLAGS = [
  DRY_RUN_FLAG,
  { long: 'output', short: 'o', type: 'string' as const },
  { long: 'selector', short: 'l', type: 'string' as const },
  { long: 'all', type: 'bool' as const },
  { long: 'record', type: 'bool' as const },
  { long: 'field-manager', type: 'string' as const },
];

/** setImage: true when a container of that name (or any, for `*`) took the image. */
function setImage(containers: unknown, name: string, image: string): boolean {
  let found = false;
  for (const c of Array.isArray(containers) ? (containers as Obj[]) : [])
    if (c.name === name || name === '*') {
      found = true;
      c.image = image;
    }
  return found;
}

export async function setImageCmd(args: string[], env: CmdEnv): Promise<ExecResult> {
  const p = parse(args, FLAGS, 'set image');
  if (!p.ok) return p.usage!;
  const f = p.flags;
  const dryRun = dryRunOf(env, f);
  if ('error' in dryRun) return dryRun.error;
  const format = parseFormat(f.output as string | undefined);
  if (!format) return out('', badFormat(String(f.output)), 1);
  // getResourcesAndImages: the words with `=` are CONTAINER=IMAGE pairs (cmdutil.ParsePairs), the others resources.
  const pairs = new Map<string, string>();
  const words: string[] = [];
  for (const w of p.rest)
    if (w.includes('=')) pairs.set(w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1));
    else words.push(w);
  if (!words.length) return out('', NO_ARGS, 1);
  const items = typeNameArgs(words);
  if (!items.length) return out('', NO_ARGS, 1);
  const cluster = clusterFor(env.host);
  const ns = namespaceOf(f, env);
  const found: { r: ResourceInfo; o: KObject }[] = [];
  for (const it of items) {
    const rs = resourcesOf(it.type);
    if ('error' in rs) return rs.error;
    const r = rs.find((x) => x.resource === 'deployments' || x.resource === 'replicasets');
    if (!r) return out('', `kubectl set image: ${it.type} is not simulated on node1 (this kubectl sets the image of deployments and replicasets)\n`, 1);
    const o = cluster.api.get(r, ns, it.name);
    if (!o) return out('', `Error from server (NotFound): ${r.resource}.${r.group} "${it.name}" not found\n`, 1);
    found.push({ r, o });
  }
  if (!pairs.size) return warnFirst(dryRun.warning, out('', 'error: at least one image update is required\n', 1));
  if (pairs.size > 1 && pairs.has('*'))
    return warnFirst(
      dryRun.warning,
      out('', 'error: all containers are already specified by *, but saw more than one container_name=container_image pairs\n', 1),
    );
  const errs: string[] = [];
  let stdout = '';
  for (const { r, o } of found) {
    const next = structuredClone(o);
    const spec = ((((next.spec ?? {}) as Obj).template as Obj | undefined)?.spec ?? {}) as Obj;
    for (const [name, image] of pairs) {
      const init = setImage(spec.initContainers, name, image);
      if (!setImage(spec.containers, name, image) && !init) errs.push(`error: unable to find container named "${name}"`);
    }
    // CalculatePatches: an unchanged object is a `{}` patch, skipped.
    if (JSON.stringify(next) === JSON.stringify(o)) continue;
    const suffix = dryRun.mode === 'client' ? ' (dry run)' : dryRun.mode === 'server' ? ' (server dry run)' : '';
    let shown = next;
    if (dryRun.mode === 'none') {
      shown = cluster.api.update(r, next);
      await cluster.sync();
    }
    stdout += format.kind === 'table' ? `${objName(r, o.metadata.name)} image updated${suffix}\n` : printObjects(format, [{ r, o: shown }], true).stdout;
  }
  // cmdutil checkErr: an aggregate of one is that error; of several, MultipleErrors, one line each.
  return warnFirst(dryRun.warning, out(stdout, errs.map((e) => `${e}\n`).join(''), errs.length ? 1 : 0));
}
