/**
 * kubectl replace -f FILENAME (kubernetes/kubectl@v0.30.5:pkg/cmd/replace/replace.go):
 * - Complete: RequireFilenameOrKustomize (`must specify one of -f and -k`); Validate: --grace-period and --timeout need
 *   --force, --force refuses --dry-run, --subresource is status or scale (not simulated here);
 * - Run: each object is PUT (apiserver/replace.ts): `pod/x replaced`, ` (dry run)` / ` (server dry run)` from
 *   PrintFlagsWithDryRunStrategy; a client dry run sends nothing; errors name the file (AddSourceToErr "replacing");
 * - --force (forceReplace): delete each object (IgnoreNotFound; `pod "x" deleted` as DeleteOptions.PrintObj words it),
 *   wait until it is gone, then create it: `pod/x replaced`.
 * Texts checked against a real kubectl v1.30.13 (its client-side errors; with a stub API server, the NotFound).
 */
import type { ExecResult } from '../../../api.ts';
import { ApiError } from '../../../k8s/apiserver/index.ts';
import { replaceObject } from '../../../k8s/apiserver/replace.ts';
import type { ResourceInfo } from '../../../k8s/apiserver/resources.ts';
import type { KObject } from '../../../k8s/types.ts';
import type { CmdEnv } from '../../types.ts';
import { clusterFor } from './cluster.ts';
import { DRY_RUN_FLAG, dryRunOf, errorText, namespaceOf, objName, out, parse, readManifests, warnFirst, mappedObject } from './common.ts';
import { badFormat, parseFormat, printObjects } from './output.ts';
import { CHANGE_CAUSE, changeCause, RECORD_DEPRECATED, RECORD_FLAG } from './record.ts';
import { isObj, type Obj } from './obj.ts';

const FLAGS = [
  { long: 'filename', short: 'f', type: 'list' as const },
  { long: 'recursive', short: 'R', type: 'bool' as const },
  { long: 'force', type: 'bool' as const },
  { long: 'grace-period', type: 'int' as const },
  { long: 'timeout', type: 'string' as const },
  { long: 'wait', type: 'bool' as const },
  { long: 'cascade', type: 'string' as const, noOpt: 'background' },
  { long: 'output', short: 'o', type: 'string' as const },
  DRY_RUN_FLAG,
  { long: 'validate', type: 'string' as const, noOpt: 'strict' },
  { long: 'field-manager', type: 'string' as const },
  { long: 'subresource', type: 'string' as const },
  { long: 'save-config', type: 'bool' as const },
  { long: 'allow-missing-template-keys', type: 'bool' as const },
  { long: 'show-managed-fields', type: 'bool' as const },
  { long: 'template', type: 'string' as const },
  RECORD_FLAG,
];

export async function replaceCmd(args: string[], env: CmdEnv): Promise<ExecResult> {
  const argv = args
    .map((a, i) => (a === '-' && (args[i - 1] === '-f' || args[i - 1] === '--filename') ? '--filename=-' : a))
    .filter((a, i) => !((a === '-f' || a === '--filename') && args[i + 1] === '-'));
  const p = parse(argv, FLAGS, 'replace');
  if (!p.ok) return p.usage!;
  const f = p.flags;
  const dryRun = dryRunOf(env, f);
  if ('error' in dryRun) return dryRun.error;
  // pflag's deprecation line comes as the flags are parsed, before anything else.
  const deprecated = f.record !== undefined ? RECORD_DEPRECATED : '';
  const cause = changeCause('replace', argv, FLAGS);
  const fail = (msg: string) => warnFirst(deprecated + dryRun.warning, out('', `error: ${msg}\n`, 1));
  const files = (f.filename as string[] | undefined) ?? [];
  if (!files.length) return fail('must specify one of -f and -k');
  const force = Boolean(f.force);
  const grace = typeof f['grace-period'] === 'number' ? f['grace-period'] : -1;
  if (grace >= 0 && !force) return fail('--grace-period must have --force specified');
  if (typeof f.timeout === 'string' && f.timeout && !/^0+[a-z]*$/.test(f.timeout) && !force) return fail('--timeout must have --force specified');
  if (force && dryRun.mode !== 'none') return fail('--dry-run can not be used when --force is set');
  const sub = typeof f.subresource === 'string' ? f.subresource : '';
  if (sub && sub !== 'status' && sub !== 'scale') return fail(`invalid subresource value: ${JSON.stringify(sub)}. Must be one of [status scale]`);
  // Not kubectl's words: the status and scale subresources are not simulated.
  if (sub) return out('', `kubectl replace --subresource=${sub}: not simulated on node1\n`, 1);
  const format = parseFormat(f.output as string | undefined);
  if (!format) return warnFirst(dryRun.warning, out('', badFormat(String(f.output)), 1));
  const read = await readManifests(env, files);
  if ('error' in read) return warnFirst(dryRun.warning, out('', read.error, 1));
  const cluster = clusterFor(env.host);
  const api = cluster.api;
  const flagNs = typeof f.namespace === 'string' && f.namespace ? f.namespace : undefined;
  const docs: { r: ResourceInfo; ns: string; name: string; obj: Obj; file: string }[] = [];
  const errors: string[] = [];
  for (const d of read.docs) {
    const mapped = mappedObject(d, flagNs);
    if ('error' in mapped) {
      errors.push(`error: ${mapped.error}\n`);
      continue;
    }
    const { r, meta, objNs } = mapped;
    // Run / forceReplace: the Recorder writes the change cause into each object before it is sent (--record).
    if (f.record === true) d.obj.metadata = { ...meta, annotations: { ...(isObj(meta.annotations) ? meta.annotations : {}), [CHANGE_CAUSE]: cause } };
    docs.push({ r, ns: r.namespaced ? (objNs ?? namespaceOf(f, env)) : '', name: String(meta.name ?? ''), obj: d.obj, file: d.file });
  }
  const tail = dryRun.mode === 'client' ? ' (dry run)' : dryRun.mode === 'server' ? ' (server dry run)' : '';
  const show = (r: ResourceInfo, o: KObject) =>
    format.kind === 'table' ? `${objName(r, o.metadata.name)} replaced${tail}\n` : printObjects(format, [{ r, o }], true).stdout;
  let stdout = '';
  if (force) {
    // forceReplace: delete them all (a missing one is fine), wait until they are gone, then create each.
    for (const d of docs) {
      if (!api.get(d.r, d.ns, d.name)) continue;
      api.delete(d.r, d.ns, d.name, grace >= 0 ? grace || 1 : undefined);
      stdout += f.output === 'name' ? `${objName(d.r, d.name)}\n` : `${d.r.group ? `${d.r.singular}.${d.r.group}` : d.r.singular} "${d.name}" deleted\n`;
    }
    await cluster.sync();
    if (cluster.kubelet) await env.host.waitUntil(() => docs.every((d) => !api.get(d.r, d.ns, d.name)), undefined, env.signal);
  }
  for (const d of docs) {
    try {
      if (force) {
        const res = api.create(d.obj, d.ns);
        for (const w of res.warnings) errors.push(`Warning: ${w}\n`);
        stdout += show(d.r, res.obj);
      } else if (dryRun.mode === 'client') stdout += show(d.r, d.obj as unknown as KObject);
      else stdout += show(d.r, replaceObject(api, d.obj, d.ns, { dryRun: dryRun.mode === 'server' }));
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      // Run wraps the PUT's error with its file (AddSourceToErr "replacing"); forceReplace returns the create's bare.
      errors.push(errorText(e, force ? undefined : { verb: 'replacing', file: d.file }));
    }
  }
  await cluster.sync();
  if (force && !read.docs.length) errors.push('error: no objects passed to replace\n');
  return warnFirst(deprecated + dryRun.warning, out(stdout, errors.join(''), errors.some((e) => !e.startsWith('Warning: ')) ? 1 : 0));
}
