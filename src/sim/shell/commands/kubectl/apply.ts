/**
 * kubectl apply -f / create -f (staging/src/k8s.io/kubectl/pkg/cmd/apply/apply.go, create/create.go):
 * every document of every file in order; `pod/x created|configured|unchanged`; warnings from the
 * server as `Warning: …`; errors after the objects that worked, exit 1.
 */
import type { ExecResult } from '../../../api.ts';
import { ApiError } from '../../../k8s/apiserver/index.ts';
import { LAST_APPLIED } from '../../../k8s/apiserver/last-applied.ts';
import type { KObject } from '../../../k8s/types.ts';
import type { CmdEnv } from '../../types.ts';
import { clusterFor } from './cluster.ts';
import { DRY_RUN_FLAG, dryRunOf, errorText, namespaceOf, objName, out, parse, readManifests, mappedObject } from './common.ts';
import { badFormat, parseFormat, printObjects } from './output.ts';
import { withLastApplied } from './save-config.ts';

const FLAGS = [
  { long: 'filename', short: 'f', type: 'list' as const },
  { long: 'output', short: 'o', type: 'string' as const },
  DRY_RUN_FLAG,
  { long: 'recursive', short: 'R', type: 'bool' as const },
  { long: 'validate', type: 'string' as const },
];
/** create -f also takes cmdutil.AddApplyAnnotationFlags' --save-config (create.go NewCmdCreate). */
const CREATE_FILE_FLAGS = [...FLAGS, { long: 'save-config', type: 'bool' as const }];

export async function applyOrCreate(verb: 'apply' | 'create', args: string[], env: CmdEnv): Promise<ExecResult> {
  const p = parse(args, verb === 'create' ? CREATE_FILE_FLAGS : FLAGS, verb);
  if (!p.ok) return p.usage!;
  const dryRun = dryRunOf(env, p.flags);
  if ('error' in dryRun) return dryRun.error;
  const files = (p.flags.filename as string[] | undefined) ?? [];
  if (!files.length) {
    if (verb === 'apply') return out('', 'error: must specify one of -f and -k\n', 1);
    if (p.rest.length) return out('', `error: Unexpected args: [${p.rest.join(' ')}]\nSee 'kubectl create -h' for help and examples\n`, 1);
    return out('', `error: must specify one of -f and -k\n`, 1);
  }
  const format = parseFormat(p.flags.output as string | undefined);
  if (!format) return out('', badFormat(String(p.flags.output)), 1);
  const read = await readManifests(env, files);
  if ('error' in read) return out('', read.error, 1);
  const cluster = clusterFor(env.host);
  const api = cluster.api;
  const flagNs = p.flags.namespace as string | undefined;
  let stdout = '';
  const output: { stream: 'stdout' | 'stderr'; text: string }[] = [];
  const errors: string[] = [];
  const dry = dryRun.mode;
  // PrintFlagsWithDryRunStrategy: the operation's words get ` (dry run)` or ` (server dry run)`.
  const dryTail = dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : '';
  const emit = (stream: 'stdout' | 'stderr', text: string) => {
    if (stream === 'stdout') stdout += text;
    output.push({ stream, text });
  };
  if (dryRun.warning) emit('stderr', dryRun.warning);
  for (const d of read.docs) {
    const mapped = mappedObject(d, flagNs);
    if ('error' in mapped) {
      errors.push(`error: ${mapped.error}\n`);
      continue;
    }
    const { r, meta, objNs } = mapped;
    const name = String(meta.name ?? '');
    const ns = objNs ?? namespaceOf(p.flags, env);
    if (!name && !(verb === 'create' && meta.generateName)) {
      errors.push(
        verb === 'apply'
          ? `error: error when retrieving current configuration of:\nResource: "${r.group ? `${r.group}/v1` : '/v1'}, Resource=${r.resource}", GroupVersionKind: "${r.group ? `${r.group}/v1` : '/v1'}, Kind=${r.kind}"\nName: "", Namespace: "${ns}"\nfrom server for: "${d.file}": resource name may not be empty\n`
          : `error: resource name may not be empty\n`,
      );
      continue;
    }
    // The builder's DefaultNamespace, then create.go's CreateOrUpdateAnnotation (save-config.ts) on the object as read.
    const obj = { ...d.obj, metadata: { ...meta, ...(r.namespaced ? { namespace: ns } : {}) } };
    const sent = verb === 'create' ? withLastApplied(p.flags['save-config'] === true, obj, false) : obj;
    try {
      // A client dry run sends nothing: apply only reads the live object (apply.go prints "configured" for any that
      // exists), create not even that.
      // apply.go: a live object without the annotation (made by `create` without --save-config) is warned of first.
      const live = verb === 'apply' && dry !== 'client' ? api.get(r, ns, name) : undefined;
      if (live && !live.metadata.annotations?.[LAST_APPLIED])
        emit(
          'stderr',
          `Warning: resource ${r.group ? `${r.resource}.${r.group}` : r.resource}/${name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`,
        );
      const res =
        dry === 'client'
          ? {
              obj: sent as unknown as KObject,
              warnings: [] as string[],
              action: verb === 'apply' && api.get(r, ns, name) ? ('configured' as const) : ('created' as const),
            }
          : verb === 'apply'
            ? api.apply(d.obj, ns, { dryRun: dry === 'server' })
            : { ...api.create(sent, ns, { dryRun: dry === 'server' }), action: 'created' as const };
      for (const w of res.warnings) emit('stderr', `Warning: ${w}\n`);
      if (format.kind === 'table') emit('stdout', `${objName(r, res.obj.metadata.name)} ${res.action}${dryTail}\n`);
      else emit('stdout', printObjects(format, [{ r, o: res.obj }], true).stdout);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      errors.push(errorText(e, { verb: 'creating', file: d.file }));
    }
  }
  await cluster.sync();
  // apply.go Run / create.go RunCreate: nothing read and nothing refused.
  if (!read.docs.length) errors.push(`error: no objects passed to ${verb}\n`);
  for (const e of errors) output.push({ stream: 'stderr', text: e });
  const stderr = output
    .filter((o) => o.stream === 'stderr')
    .map((o) => o.text)
    .join('');
  return { stdout, stderr, exitCode: errors.length ? 1 : 0, output };
}
