/**
 * kubectl create job NAME --image=IMAGE [-- COMMAND args…] | --from=cronjob/NAME, as
 * kubernetes/kubectl@v0.30.5:pkg/cmd/create/create_job.go builds and sends it:
 * - createJob: one container named after the Job, the image, the command after `--`, restartPolicy Never;
 * - createJobFromCronJob: the CronJob's jobTemplate spec and labels, its annotations with
 *   `cronjob.kubernetes.io/instantiate: manual`, owned by the CronJob (controller: true);
 * - Complete's NameFromCommandArgs ("exactly one NAME is required, got N"), then Validate ("either --image or --from
 *   must be specified", "cannot specify --from and command"); the server's refusal as `failed to create job: %v`.
 */
import type { ExecResult } from '../../../api.ts';
import { ApiError } from '../../../k8s/apiserver/index.ts';
import { resourceFor, resourceOfKind } from '../../../k8s/apiserver/resources.ts';
import type { CmdEnv } from '../../types.ts';
import { clusterFor } from './cluster.ts';
import { CREATE_FLAGS, dryRunOf, errorText, namespaceOf, noResourceType, out, parse, warnFirst, nameFromCommandArgs } from './common.ts';
import { badFormat, createdPrinter, parseFormat } from './output.ts';
import { notFound } from '../../../k8s/apiserver/errors.ts';
import { isObj, type Obj } from './obj.ts';
import { withLastApplied } from './save-config.ts';

const FLAGS = [{ long: 'image', type: 'string' as const }, { long: 'from', type: 'string' as const }, ...CREATE_FLAGS];

export async function createJob(args: string[], env: CmdEnv): Promise<ExecResult> {
  const dash = args.indexOf('--');
  const p = parse(dash < 0 ? args : args.slice(0, dash), FLAGS, 'create job');
  if (!p.ok) return p.usage!;
  const f = p.flags;
  const name = nameFromCommandArgs(p.rest, 'create job');
  if (typeof name !== 'string') return name;
  const command = dash < 0 ? [] : args.slice(dash + 1);
  const dryRun = dryRunOf(env, f);
  if ('error' in dryRun) return dryRun.error;
  const format = parseFormat(f.output as string | undefined);
  if (!format) return out('', badFormat(String(f.output)), 1);
  const image = typeof f.image === 'string' ? f.image : '';
  const from = typeof f.from === 'string' ? f.from : '';
  if (!image === !from) return out('', 'error: either --image or --from must be specified\n', 1);
  if (command.length && from) return out('', 'error: cannot specify --from and command\n', 1);
  const cluster = clusterFor(env.host);
  const ns = namespaceOf(f, env);
  const enforce = typeof f.namespace === 'string' && f.namespace ? { namespace: f.namespace } : {};
  let job: Obj;
  if (image) {
    job = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { creationTimestamp: null, name, ...enforce },
      spec: {
        template: {
          metadata: { creationTimestamp: null },
          spec: { containers: [{ ...(command.length ? { command } : {}), image, name, resources: {} }], restartPolicy: 'Never' },
        },
      },
      status: {},
    };
  } else {
    // The builder's ResourceTypeOrNameArgs(false, from): TYPE/NAME (a bare word is a type with no name: nothing found).
    const [type = '', cjName] = from.split('/');
    const r = resourceFor(type);
    if (!r) return noResourceType(type);
    if (cjName === undefined) return out('', 'error: from must be an existing cronjob\n', 1);
    const cj = cluster.api.get(r, ns, cjName);
    if (!cj) return out('', errorText(notFound(r.group ? `${r.resource}.${r.group}` : r.resource, cjName)), 1);
    if (cj.kind !== 'CronJob') return out('', `error: unknown object type *v1.${cj.kind}\n`, 1);
    const tpl = (isObj(cj.spec?.jobTemplate) ? cj.spec.jobTemplate : {}) as Obj;
    const tmeta = (isObj(tpl.metadata) ? tpl.metadata : {}) as Obj;
    job = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: {
        annotations: { 'cronjob.kubernetes.io/instantiate': 'manual', ...(isObj(tmeta.annotations) ? tmeta.annotations : {}) },
        creationTimestamp: null,
        ...(isObj(tmeta.labels) ? { labels: tmeta.labels } : {}),
        name,
        ...enforce,
        ownerReferences: [{ apiVersion: 'batch/v1', controller: true, kind: 'CronJob', name: cj.metadata.name, uid: cj.metadata.uid }],
      },
      spec: structuredClone(tpl.spec ?? {}),
      status: {},
    };
  }
  job = withLastApplied(f['save-config'] === true, job, true);
  const r = resourceOfKind('batch/v1', 'Job')!;
  const done = createdPrinter(format, r, name, dryRun.warning);
  if (dryRun.mode === 'client') return done(job, ' (dry run)', true);
  try {
    const sent = structuredClone(job);
    delete sent.status;
    const meta = sent.metadata as Obj;
    delete meta.creationTimestamp;
    delete meta.namespace;
    const res = cluster.api.create(sent, ns, { dryRun: dryRun.mode === 'server' });
    await cluster.sync();
    // client-go's warning handler writes the server's warnings as the answer arrives, before the object is printed.
    const warnings = res.warnings.map((w) => `Warning: ${w}\n`).join('');
    return warnFirst(warnings, done(res.obj, dryRun.mode === 'server' ? ' (server dry run)' : ''));
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    return out('', `${dryRun.warning}error: failed to create job: ${e.message}\n`, 1);
  }
}
