/**
 * kubectl create service clusterip|nodeport|loadbalancer|externalname NAME (alias `svc`), as
 * kubernetes/kubectl@v0.30.5:pkg/cmd/create/create_service.go builds and sends it:
 * - labels and selector app=NAME; one port per --tcp pair (a string slice: repeated or comma-separated), named after
 *   the pair with `:` as `-` (`5678-8080`), protocol TCP, targetPort the number after `:` or a port name (parsePorts:
 *   utilsnet.ParsePort allows 0; IsValidPortNum / IsValidPortName refuse the target), nodePort from --node-port;
 * - --clusterip (clusterip only; `None` makes it headless), --external-name (externalname, required);
 * - Validate: "ClusterIP=None can only be used with ClusterIP service type", "at least one tcp port specifier must be
 *   provided", "invalid service external name %s"; the server's refusal as `failed to create %s service: %v`.
 */
import type { ExecResult } from '../../../api.ts';
import { ApiError } from '../../../k8s/apiserver/index.ts';
import { resourceOfKind } from '../../../k8s/apiserver/resources.ts';
import { dns1123Subdomain } from '../../../k8s/apiserver/validate.ts';
import type { FlagDef } from '../../args.ts';
import type { CmdEnv } from '../../types.ts';
import { clusterFor } from './cluster.ts';
import { CREATE_FLAGS, dryRunOf, namespaceOf, out, parse, nameFromCommandArgs } from './common.ts';
import { badFormat, createdPrinter, parseFormat } from './output.ts';

const TYPES: Record<string, string> = { clusterip: 'ClusterIP', nodeport: 'NodePort', loadbalancer: 'LoadBalancer', externalname: 'ExternalName' };
const TCP: FlagDef = { long: 'tcp', type: 'list' };
const FLAGS: Record<string, FlagDef[]> = {
  clusterip: [TCP, { long: 'clusterip', type: 'string' }, ...CREATE_FLAGS],
  nodeport: [TCP, { long: 'node-port', type: 'int' }, ...CREATE_FLAGS],
  loadbalancer: [TCP, ...CREATE_FLAGS],
  externalname: [TCP, { long: 'external-name', type: 'string' }, ...CREATE_FLAGS],
};

/** apimachinery@v0.30 pkg/util/validation/validation.go IsValidPortName's messages, joined by "," as parsePorts does. */
function portNameErrors(s: string): string[] {
  const errs: string[] = [];
  if (s.length > 15) errs.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(s)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(s)) errs.push('must contain at least one letter (a-z)');
  if (s.includes('--')) errs.push('must not contain consecutive hyphens');
  if (s.startsWith('-') || s.endsWith('-')) errs.push('must not begin or end with a hyphen');
  return errs;
}

/** parsePorts: `port[:target]`. */
function parsePorts(s: string): { port: number; target: number | string } | { error: string } {
  const [p = '', t] = s.split(':');
  // strconv.ParseUint(port, 10, 16)'s errors.
  if (!/^\d+$/.test(p)) return { error: `strconv.ParseUint: parsing ${JSON.stringify(p)}: invalid syntax` };
  if (Number(p) > 65535) return { error: `strconv.ParseUint: parsing ${JSON.stringify(p)}: value out of range` };
  const port = Number(p);
  if (t === undefined) return { port, target: port };
  if (!/^-?\d+$/.test(t)) {
    const errs = portNameErrors(t);
    return errs.length ? { error: errs.join(',') } : { port, target: t };
  }
  const n = Number(t);
  return n >= 1 && n <= 65535 ? { port, target: n } : { error: 'must be between 1 and 65535, inclusive' };
}

export async function createService(sub: string, args: string[], env: CmdEnv): Promise<ExecResult> {
  const type = TYPES[sub]!;
  const p = parse(args, FLAGS[sub]!, `create service ${sub}`);
  if (!p.ok) return p.usage!;
  const f = p.flags;
  if (sub === 'externalname' && f['external-name'] === undefined) return out('', 'error: required flag(s) "external-name" not set\n', 1);
  const name = nameFromCommandArgs(p.rest, `create service ${sub}`);
  if (typeof name !== 'string') return name;
  const dryRun = dryRunOf(env, f);
  if ('error' in dryRun) return dryRun.error;
  const format = parseFormat(f.output as string | undefined);
  if (!format) return out('', badFormat(String(f.output)), 1);
  const tcp = ((f.tcp as string[] | undefined) ?? []).flatMap((s) => s.split(',')).filter(Boolean);
  const clusterIP = typeof f.clusterip === 'string' ? f.clusterip : '';
  const externalName = typeof f['external-name'] === 'string' ? f['external-name'] : '';
  if (clusterIP === 'None' && type !== 'ClusterIP') return out('', 'error: ClusterIP=None can only be used with ClusterIP service type\n', 1);
  if (clusterIP !== 'None' && !tcp.length && type !== 'ExternalName') return out('', 'error: at least one tcp port specifier must be provided\n', 1);
  if (type === 'ExternalName' && dns1123Subdomain(externalName).length) return out('', `error: invalid service external name ${externalName}\n`, 1);
  const nodePort = Number(f['node-port'] ?? 0);
  const ports: Record<string, unknown>[] = [];
  for (const s of tcp) {
    const r = parsePorts(s);
    if ('error' in r) return out('', `error: ${r.error}\n`, 1);
    ports.push({ name: s.replaceAll(':', '-'), port: r.port, protocol: 'TCP', targetPort: r.target, ...(nodePort ? { nodePort } : {}) });
  }
  const labels = { app: name };
  const ns = typeof f.namespace === 'string' && f.namespace ? f.namespace : undefined;
  const spec = { ...(clusterIP ? { clusterIP } : {}), ...(externalName ? { externalName } : {}), ...(ports.length ? { ports } : {}), selector: labels, type };
  const svc = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { creationTimestamp: null, labels, name, ...(ns ? { namespace: ns } : {}) },
    spec,
    status: { loadBalancer: {} },
  };
  const r = resourceOfKind('v1', 'Service')!;
  const done = createdPrinter(format, r, name, dryRun.warning);
  if (dryRun.mode === 'client') return done(svc, ' (dry run)', true);
  const cluster = clusterFor(env.host);
  try {
    const res = cluster.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { labels, name }, spec: structuredClone(spec) }, namespaceOf(f, env), {
      dryRun: dryRun.mode === 'server',
    });
    await cluster.sync();
    return done(res.obj, dryRun.mode === 'server' ? ' (server dry run)' : '');
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    return out('', `${dryRun.warning}error: failed to create ${type} service: ${e.message}\n`, 1);
  }
}
