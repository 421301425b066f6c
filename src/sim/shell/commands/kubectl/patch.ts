/**
 * kubectl patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE] (kubernetes/kubectl@v0.30.5:pkg/cmd/patch/patch.go):
 * - Validate: -p and --patch-file together or neither, --local with arguments or with --dry-run=server, --type
 *   (strategic, merge or json), --subresource (status or scale, not simulated here);
 * - RunPatch: the patch read (YAML or JSON, sigs.k8s.io/yaml ToJSON), each object fetched, then the server's PATCH
 *   (apiserver@v0.30.5 pkg/endpoints/handlers/patch.go: its errors, then the update path: validation, defaulting,
 *   resourceVersion, generation, so a Deployment's changed template rolls out); --local and --dry-run=client patch the
 *   object in the client (getPatchedJSON) and store nothing;
 * - each object prints `KIND/NAME patched` or `patched (no change)`: ToPrinter sets the operation itself, so a dry run
 *   adds no ` (dry run)` (checked against a real kubectl v1.30.13 with a stub API server).
 * The server drops fields the kind does not have with `Warning: unknown field "…"` (fieldValidation Warn, decode.ts).
 * The patch's reading and application: patch-apply.ts. With -f, the object is the file's (the builder has no
 * Latest()): --dry-run=client patches the file's object, and "(no change)" compares the server's answer with it.
 * Not simulated: --subresource, a JSON patch operation's unknown keys, a value of the wrong type in a JSON or merge
 * patch (the server's 422 quotes the whole patched object's JSON, in Go's field order).
 */
import type { ExecResult } from '../../../api.ts';
import { dropUnknownFields } from '../../../k8s/apiserver/decode.ts';
import { ApiError } from '../../../k8s/apiserver/index.ts';
import type { ResourceInfo } from '../../../k8s/apiserver/resources.ts';
import { deepEqual } from '../../../k8s/apiserver/update.ts';
import { mergePatch, PatchError } from '../../../k8s/patch/json-patch.ts';
import type { KObject } from '../../../k8s/types.ts';
import type { CmdEnv } from '../../types.ts';
import { clusterFor } from './cluster.ts';
import {
  DRY_RUN_FLAG,
  dryRunOf,
  errorText,
  namespaceOf,
  objName,
  out,
  parse,
  readManifests,
  resourcesOf,
  typeNameArgs,
  warnFirst,
  mappedObject,
} from './common.ts';
import { NO_ARGS } from './delete.ts';
import { badFormat, parseFormat, printObjects } from './output.ts';
import { CHANGE_CAUSE, changeCause, RECORD_DEPRECATED, RECORD_FLAG } from './record.ts';
import type { Obj } from './obj.ts';
import { clientPatch, type PatchType, readPatch, ServerError, serverPatch } from './patch-apply.ts';

const FLAGS = [
  { long: 'patch', short: 'p', type: 'string' as const },
  { long: 'patch-file', type: 'string' as const },
  { long: 'type', type: 'string' as const },
  DRY_RUN_FLAG,
  { long: 'filename', short: 'f', type: 'list' as const },
  { long: 'recursive', short: 'R', type: 'bool' as const },
  { long: 'local', type: 'bool' as const },
  { long: 'output', short: 'o', type: 'string' as const },
  { long: 'field-manager', type: 'string' as const },
  { long: 'subresource', type: 'string' as const },
  { long: 'allow-missing-template-keys', type: 'bool' as const },
  { long: 'show-managed-fields', type: 'bool' as const },
  { long: 'template', type: 'string' as const },
  RECORD_FLAG,
];

const TYPES = ['json', 'merge', 'strategic'];

export async function patchCmd(args: string[], env: CmdEnv): Promise<ExecResult> {
  const p = parse(args, FLAGS, 'patch');
  if (!p.ok) return p.usage!;
  const f = p.flags;
  const dryRun = dryRunOf(env, f);
  if ('error' in dryRun) return dryRun.error;
  const fail = (msg: string) => warnFirst(dryRun.warning, out('', `error: ${msg}\n`, 1));
  const cause = changeCause('patch', args, FLAGS);
  const patchText = typeof f.patch === 'string' ? f.patch : '';
  const patchFile = typeof f['patch-file'] === 'string' ? f['patch-file'] : '';
  const local = Boolean(f.local);
  if (patchText && patchFile) return fail('cannot specify --patch and --patch-file together');
  if (!patchText && !patchFile) return fail('must specify --patch or --patch-file containing the contents of the patch');
  if (local && p.rest.length) return fail('cannot specify --local and server resources');
  if (local && dryRun.mode === 'server') return fail('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
  const typeFlag = typeof f.type === 'string' ? f.type : 'strategic';
  if (typeFlag && !TYPES.includes(typeFlag.toLowerCase())) return fail(`--type must be one of [json merge strategic], not ${JSON.stringify(typeFlag)}`);
  const type = (typeFlag.toLowerCase() || 'strategic') as PatchType;
  const sub = typeof f.subresource === 'string' ? f.subresource : '';
  if (sub && sub !== 'status' && sub !== 'scale') return fail(`invalid subresource value: ${JSON.stringify(sub)}. Must be one of [status scale]`);
  // Not kubectl's words: the status and scale subresources are not simulated.
  if (sub) return out('', `kubectl patch --subresource=${sub}: not simulated on node1\n`, 1);
  let raw = patchText;
  if (patchFile) {
    const abs = env.fs.resolvePath(env.cwd, patchFile);
    const st = await env.fs.stat(abs).catch(() => undefined);
    if (!st) return fail(`unable to read patch file: open ${patchFile}: no such file or directory`);
    if (st.isDirectory) return fail(`unable to read patch file: read ${patchFile}: is a directory`);
    raw = await env.fs.readFile(abs);
  }
  // RunPatch quotes o.Patch in this error, even when the patch came from --patch-file.
  const read = readPatch(raw, patchText);
  if ('error' in read) return warnFirst(dryRun.warning, out('', read.error, 1));
  const format = parseFormat(f.output as string | undefined);
  const cluster = clusterFor(env.host);
  const api = cluster.api;
  const ns = namespaceOf(f, env);
  // The builder's objects: -f files (their namespace, else -n) or TYPE NAME / TYPE/NAME arguments.
  const files = (f.filename as string[] | undefined) ?? [];
  const targets: { r: ResourceInfo; ns: string; name: string; obj?: Obj }[] = [];
  if (files.length) {
    const manifests = await readManifests(env, files);
    if ('error' in manifests) return warnFirst(dryRun.warning, out('', manifests.error, 1));
    for (const d of manifests.docs) {
      const mapped = mappedObject(d);
      if ('error' in mapped) return fail(mapped.error);
      const { r, meta } = mapped;
      targets.push({ r, ns: typeof meta.namespace === 'string' && meta.namespace ? meta.namespace : ns, name: String(meta.name ?? ''), obj: d.obj });
    }
  }
  if (!local) {
    if (!p.rest.length && !files.length) return warnFirst(dryRun.warning, out('', NO_ARGS, 1));
    const items = typeNameArgs(p.rest);
    if (p.rest.length && !items.length) return fail('resource(s) were provided, but no name was specified');
    for (const it of items) {
      const rs = resourcesOf(it.type);
      if ('error' in rs) return warnFirst(dryRun.warning, rs.error);
      targets.push({ r: rs[0]!, ns, name: it.name });
    }
  }
  let stdout = '';
  let warnings = '';
  const errors: string[] = [];
  for (const t of targets) {
    const label = objName(t.r, t.name);
    const clientSide = local || dryRun.mode === 'client';
    try {
      // The builder's object: a -f file's own (no Latest()), else the server's. The client side patches it; the server
      // patches its stored one, and "(no change)" compares the answer with the builder's object (reflect.DeepEqual).
      const stored = () => api.get(t.r, t.r.namespaced ? t.ns : '', t.name) as unknown as Obj | undefined;
      const info = t.obj ?? stored();
      const live = clientSide ? info : stored();
      if (!live || !info) throw new ApiError('NotFound', `${t.r.group ? `${t.r.resource}.${t.r.group}` : t.r.resource} "${t.name}" not found`);
      let result: Obj;
      if (clientSide) result = clientPatch(type, live, read);
      else {
        result = serverPatch(type, live, read);
        for (const w of dropUnknownFields(result, live)) warnings += `Warning: ${w}\n`;
        // --record: a second (merge) patch writes the change cause, once the object is known to exist.
        if (f.record === true) result = mergePatch(result, { metadata: { annotations: { [CHANGE_CAUSE]: cause } } }) as Obj;
        // A PATCH that changes nothing is not written (no new resourceVersion): `patched (no change)`.
        if (!deepEqual(result, live) && dryRun.mode === 'none') {
          result = api.update(t.r, result as unknown as KObject) as unknown as Obj;
          await cluster.sync();
        }
      }
      const didPatch = !deepEqual(info, result);
      // ToPrinter after the PATCH: a bad -o is refused only now, once per object.
      if (!format) {
        errors.push(badFormat(String(f.output)));
        continue;
      }
      stdout +=
        format.kind === 'table'
          ? `${label} ${didPatch ? 'patched' : 'patched (no change)'}\n`
          : printObjects(format, [{ r: t.r, o: result as unknown as KObject }], true).stdout;
    } catch (e) {
      if (e instanceof PatchError) errors.push(`error: ${e.message}\n`);
      else if (e instanceof ServerError) errors.push(`Error from server: ${e.message}\n`);
      else if (e instanceof ApiError && e.reason === 'Invalid' && !e.details.kind) {
        // checkErr: an Invalid status without kind or name lists its causes after "The request is invalid: ".
        errors.push(`The request is invalid: ${(e.details.causes ?? []).map((c) => `${c.field}: ${c.message}`).join('')}\n`);
      } else errors.push(errorText(e));
    }
  }
  if (!targets.length) errors.push('error: no objects passed to patch\n');
  // The server's warnings reach stderr as each response arrives, before the objects' lines (ExecResult.output order is
  // kept only for the dry-run warning; one object is the common case).
  return warnFirst((f.record !== undefined ? RECORD_DEPRECATED : '') + dryRun.warning + warnings, out(stdout, errors.join(''), errors.length ? 1 : 0));
}
