/**
 * kubectl expose TYPE NAME | TYPE/NAME [--port] [--target-port] [--type] [--name] [--protocol] …, as
 * kubernetes/kubectl@v0.30.5:pkg/cmd/expose/expose.go RunExpose and createService build the Service:
 * - only Pods, Services, Deployments, ReplicaSets and ReplicationControllers (polymorphichelpers/canbeexposed.go:
 *   "cannot expose a %s", the GroupKind: `DaemonSet.apps`);
 * - the selector from --selector or the object (mapbasedselectorforobject.go: a Pod's labels, a Service's selector, an
 *   apps/v1 Deployment's or ReplicaSet's matchLabels), wrapped as "couldn't retrieve selectors via --selector flag or
 *   introspection: %v";
 * - the port from --port or the containers' ports (portsforobject.go getPorts, duplicates dropped): none is "couldn't
 *   find port via --port flag or introspection" (unless --cluster-ip=None); several become ports named port-1, port-2…;
 *   the protocol from --protocol, or the container port's own (multiprotocolsforobject.go), else TCP;
 * - targetPort: --target-port (intstr.Parse) or the port; labels: --labels or the object's own; the name: --name or the
 *   object's, cut to 63 characters;
 * - PrintFlags("exposed"): `service/NAME exposed`, ` (dry run)`, ` (server dry run)`;
 * - -f FILE: the builder's FilenameParam visits the file's objects as written (no GET: a Deployment only in the file
 *   is exposed all the same), and the Service goes to the command's namespace (Create(o.Namespace, …)); a file object
 *   in another namespace than -n is the builder's mismatch error.
 */
import type { ExecResult } from '../../../api.ts';
import { ApiError } from '../../../k8s/apiserver/index.ts';
import { resourceOfKind, type ResourceInfo } from '../../../k8s/apiserver/resources.ts';
import type { KObject } from '../../../k8s/types.ts';
import type { CmdEnv } from '../../types.ts';
import { clusterFor } from './cluster.ts';
import { DRY_RUN_FLAG, dryRunOf, errorText, namespaceOf, out, parse, readManifests, resourcesOf, typeNameArgs, warnFirst, mappedObject } from './common.ts';
import { NO_ARGS } from './delete.ts';
import { badFormat, parseFormat, printObjects } from './output.ts';
import { notFound } from '../../../k8s/apiserver/errors.ts';
import { isObj, type Obj } from './obj.ts';
import { annotationsOf, withLastApplied } from './save-config.ts';

const S = (long: string, short?: string) => ({ long, type: 'string' as const, ...(short ? { short } : {}) });
const FLAGS = [
  ...['protocol', 'port', 'type', 'load-balancer-ip', 'selector', 'target-port', 'external-ip', 'name', 'session-affinity', 'cluster-ip'].map((l) => S(l)),
  S('labels', 'l'),
  S('output', 'o'),
  S('field-manager'),
  S('overrides'),
  S('template'),
  { long: 'filename', short: 'f', type: 'list' as const },
  DRY_RUN_FLAG,
  { long: 'save-config', type: 'bool' as const },
  { long: 'record', type: 'bool' as const },
  { long: 'allow-missing-template-keys', type: 'bool' as const },
  { long: 'show-managed-fields', type: 'bool' as const },
];
const EXPOSABLE = new Set(['Pod', 'Service', 'Deployment', 'ReplicaSet', 'ReplicationController']);
const labelText = (m: unknown) => (isObj(m) ? Object.entries(m).map(([k, v]) => `${k}=${v}`) : []).join(',');

/** mapBasedSelectorForObject. */
function selectorOf(o: KObject): string | { error: string } {
  const spec = (o.spec ?? {}) as Obj;
  if (o.kind === 'Pod')
    return Object.keys(o.metadata.labels ?? {}).length ? labelText(o.metadata.labels) : { error: 'the pod has no labels and cannot be exposed' };
  if (o.kind === 'Service') return isObj(spec.selector) ? labelText(spec.selector) : { error: 'the service has no pod selector set' };
  const sel = isObj(spec.selector) ? spec.selector : {};
  if (!isObj(sel.matchLabels) || !Object.keys(sel.matchLabels).length)
    return { error: `invalid ${o.kind.toLowerCase()}: no selectors, therefore cannot be exposed` };
  return labelText(sel.matchLabels);
}

/** The pod spec whose container ports expose reads (getPorts / getMultiProtocols), or the Service's own ports. */
function portsOf(o: KObject): { ports: string[]; protocols: Map<string, string[]> } {
  const spec = (o.spec ?? {}) as Obj;
  const protocols = new Map<string, string[]>();
  const list: Obj[] =
    o.kind === 'Service'
      ? ((spec.ports as Obj[] | undefined) ?? []).map((p) => ({ containerPort: p.port, protocol: p.protocol }))
      : ((((o.kind === 'Pod' ? spec : (spec.template as Obj | undefined)?.spec) as Obj | undefined)?.containers as Obj[] | undefined) ?? []).flatMap(
          (c) => (c.ports as Obj[] | undefined) ?? [],
        );
  for (const p of list) {
    const k = String(p.containerPort);
    protocols.set(k, [...(protocols.get(k) ?? []), String(p.protocol || 'TCP')]);
  }
  return { ports: [...protocols.keys()], protocols };
}

/** expose.go parseLabels. */
function parseLabels(spec: string): Record<string, string> | { error: string } {
  const labels: Record<string, string> = {};
  for (const part of spec.split(',')) {
    const kv = part.split('=');
    if (kv.length !== 2) return { error: `unexpected label spec: ${part}` };
    if (!kv[0]) return { error: 'unexpected empty label key' };
    labels[kv[0]] = kv[1]!;
  }
  return labels;
}

export async function expose(args: string[], env: CmdEnv): Promise<ExecResult> {
  const p = parse(args, FLAGS, 'expose');
  if (!p.ok) return p.usage!;
  const f = p.flags as Record<string, string | boolean | undefined>;
  const dryRun = dryRunOf(env, p.flags);
  if ('error' in dryRun) return dryRun.error;
  const format = parseFormat(f.output as string | undefined);
  if (!format) return out('', badFormat(String(f.output)), 1);
  const files = (f.filename as string[] | undefined) ?? [];
  if (!p.rest.length && !files.length) return out('', NO_ARGS, 1);
  const items = typeNameArgs(p.rest);
  if (!items.length && !files.length) return out('', 'error: resource(s) were provided, but no name was specified\n', 1);
  const cluster = clusterFor(env.host);
  const ns = namespaceOf(p.flags, env);
  const fromFiles = files.length ? await fileObjects(env, files, typeof p.flags.namespace === 'string' ? p.flags.namespace : '') : [];
  if ('error' in fromFiles) return out('', fromFiles.error, 1);
  const str = (k: string) => (typeof f[k] === 'string' ? (f[k] as string) : '');
  // The options are one struct across the visited objects: what the first one filled in stays for the next.
  let selector = str('selector');
  let port = str('port');
  let labelsFlag = str('labels');
  let stdout = '';
  const sources: ({ type: string; name: string } | { r: ResourceInfo; o: KObject })[] = [...fromFiles, ...items];
  for (const item of sources) {
    let r: ResourceInfo;
    let o: KObject | undefined;
    if ('o' in item) ({ r, o } = item);
    else {
      const rs = resourcesOf(item.type);
      if ('error' in rs) return rs.error;
      r = rs[0]!;
      o = cluster.api.get(r, ns, item.name);
      if (!o) return out(stdout, errorText(notFound(r.group ? `${r.resource}.${r.group}` : r.resource, item.name)), 1);
    }
    if (!EXPOSABLE.has(o.kind)) return out(stdout, `error: cannot expose a ${o.kind}${r.group ? `.${r.group}` : ''}\n`, 1);
    if (!selector) {
      const s = selectorOf(o);
      if (typeof s !== 'string') return out(stdout, `error: couldn't retrieve selectors via --selector flag or introspection: ${s.error}\n`, 1);
      selector = s;
    }
    const headless = str('cluster-ip') === 'None';
    const found = portsOf(o);
    let ports = '';
    if (!port) {
      if (!found.ports.length && !headless) return out(stdout, "error: couldn't find port via --port flag or introspection\n", 1);
      if (found.ports.length === 1) port = found.ports[0]!;
      else ports = found.ports.join(',');
    }
    if (!labelsFlag) labelsFlag = labelText(o.metadata.labels);
    // createService.
    const sel = parseLabels(selector);
    if ('error' in sel) return out(stdout, `error: ${sel.error}\n`, 1);
    const labels = labelsFlag ? parseLabels(labelsFlag) : undefined;
    if (labels && 'error' in labels) return out(stdout, `error: ${labels.error}\n`, 1);
    const name = str('name') || o.metadata.name.slice(0, 63);
    const svcPorts: Obj[] = [];
    const words = (ports || port).split(',').filter(Boolean);
    for (const [i, w] of words.entries()) {
      if (!/^[+-]?\d+$/.test(w)) return out(stdout, `error: strconv.Atoi: parsing ${JSON.stringify(w)}: invalid syntax\n`, 1);
      const pname = words.length > 1 ? `port-${i + 1}` : '';
      let protocol = str('protocol');
      const multi = found.protocols.get(w);
      if (!protocol && multi && multi.length > 1) {
        multi.forEach((proto) => void svcPorts.push({ name: `port-${i + 1}-${proto.toLowerCase()}`, port: Number(w), protocol: proto }));
        continue;
      }
      protocol ||= multi?.[0] ?? 'TCP';
      svcPorts.push({ ...(pname ? { name: pname } : {}), port: Number(w), protocol });
    }
    const target = str('target-port');
    for (const sp of svcPorts) sp.targetPort = target ? (/^-?\d+$/.test(target) ? Number(target) : target) : sp.port;
    const affinity = str('session-affinity');
    if (affinity && affinity !== 'None' && affinity !== 'ClientIP') return out(stdout, `error: unknown session affinity: ${affinity}\n`, 1);
    const type = str('type');
    const spec: Obj = {
      ...(str('cluster-ip') ? { clusterIP: str('cluster-ip') } : {}),
      ...(str('external-ip') ? { externalIPs: [str('external-ip')] } : {}),
      ...(type === 'LoadBalancer' && str('load-balancer-ip') ? { loadBalancerIP: str('load-balancer-ip') } : {}),
      ...(svcPorts.length ? { ports: svcPorts } : {}),
      selector: sel,
      ...(affinity ? { sessionAffinity: affinity } : {}),
      ...(type ? { type } : {}),
    };
    const meta = { ...(labels ? { labels } : {}), name };
    const svcRes = resourceOfKind('v1', 'Service')!;
    const print = (obj: unknown, suffix: string, typed = false) =>
      format.kind === 'table' ? `service/${name} exposed${suffix}\n` : printObjects(format, [{ r: svcRes, o: obj as never }], true, typed).stdout;
    if (dryRun.mode === 'client') {
      const enforce = typeof p.flags.namespace === 'string' && p.flags.namespace ? { namespace: p.flags.namespace } : {};
      stdout += print(
        { apiVersion: 'v1', kind: 'Service', metadata: { creationTimestamp: null, ...meta, ...enforce }, spec, status: { loadBalancer: {} } },
        ' (dry run)',
        true,
      );
      continue;
    }
    try {
      // expose.go: CreateOrUpdateAnnotation (save-config.ts) on the typed Service, after the client dry run's return.
      const typed = { apiVersion: 'v1', kind: 'Service', metadata: { creationTimestamp: null, ...meta }, spec, status: { loadBalancer: {} } };
      const saved = annotationsOf(withLastApplied(p.flags['save-config'] === true, typed, true));
      const res = cluster.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { ...meta, ...saved }, spec }, ns, { dryRun: dryRun.mode === 'server' });
      await cluster.sync();
      stdout += print(res.obj, dryRun.mode === 'server' ? ' (server dry run)' : '');
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      return warnFirst(dryRun.warning, out(stdout, errorText(e), 1));
    }
  }
  return warnFirst(dryRun.warning, out(stdout));
}

/** The builder's FilenameParam: each document as an object of a known kind; another namespace than -n is an error. */
async function fileObjects(env: CmdEnv, files: string[], flagNs: string): Promise<{ r: ResourceInfo; o: KObject }[] | { error: string }> {
  const read = await readManifests(env, files);
  if ('error' in read) return read;
  const objs: { r: ResourceInfo; o: KObject }[] = [];
  for (const d of read.docs) {
    const o = d.obj as unknown as KObject;
    const mapped = mappedObject(d, flagNs);
    if ('error' in mapped) return { error: `error: ${mapped.error}\n` };
    const { r, meta } = mapped;
    objs.push({ r, o: { ...o, metadata: { ...meta, name: String(meta.name ?? '') } } as KObject });
  }
  return objs;
}
