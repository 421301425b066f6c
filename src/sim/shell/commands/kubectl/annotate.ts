/**
 * `kubectl annotate` (kubernetes/kubectl@v0.30.5:pkg/cmd/annotate/annotate.go): Complete's checks in its order, then
 * for each object (TYPE NAME, TYPE/NAME, --all, -l, --field-selector, -A, -f, or --local -f: pairs.ts) validateNoAnnotationOverwrites
 * (unless --overwrite), the change as a merge patch (or, with --local, --dry-run=client or --list, only locally), and the printer Complete made: `pod/x annotated`, or with -o the object
 * (yaml, json, name, jsonpath, go-template), as kubectl v1.30.13 prints it (YAML documents after the first behind `---`). The API server checks each key as
 * apimachinery@v0.30.5 pkg/api/validation/objectmeta.go ValidateAnnotations does (a qualified name, lowercased).
 */
import type { ExecResult } from '../../../api.ts';
import type { CmdEnv } from '../../types.ts';
import { qualifiedName, shown } from '../../../k8s/apiserver/validate.ts';
import { clusterFor } from './cluster.ts';
import { DRY_RUN_FLAG, dryRunOf, objName, out, parse, warnFirst } from './common.ts';
import { badFormat, parseFormat, printObjects } from './output.ts';
import { builderTargets, parsePairs, resourcesAndPairs, TARGET_FLAGS } from './pairs.ts';

/** annotate.go AddFlags (the flags node1 acts on). */
const FLAGS = [{ long: 'overwrite', type: 'bool' as const }, { long: 'list', type: 'bool' as const }, ...TARGET_FLAGS, DRY_RUN_FLAG];

/** k8s.io/kubectl/pkg/polymorphichelpers ChangeCauseAnnotation: always overwritable. */
const CHANGE_CAUSE = 'kubernetes.io/change-cause';

const fail = (msg: string): ExecResult => out('', `error: ${msg}\n`, 1);

export async function annotate(args: string[], env: CmdEnv): Promise<ExecResult> {
  const p = parse(args, FLAGS, 'annotate');
  if (!p.ok) return p.usage!;
  const f = p.flags;
  const dry = dryRunOf(env, f);
  if ('error' in dry) return dry.error;
  // Complete: PrintFlags.ToPrinter after the dry-run strategy, before the arguments are read.
  const format = parseFormat(f.output as string | undefined);
  if (!format) return out('', badFormat(String(f.output)), 1);
  const split = resourcesAndPairs(p.rest, 'annotation');
  if ('error' in split) return fail(split.error);
  const pairs = parsePairs(split.pairs, 'annotation');
  if ('error' in pairs) return fail(pairs.error);
  if (f.list && f.output) return fail('--list and --output may not be specified together');
  if (f.all && f.selector) return fail('cannot set --all and --selector at the same time');
  if (f.all && f['field-selector']) return fail('cannot set --all and --field-selector at the same time');
  const files = (f.filename as string[] | undefined) ?? [];
  const local = f.local === true;
  if (local) {
    if (dry.mode === 'server') return fail('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
    if (split.resources.length) return fail('can only use local files by -f rsrc.yaml or --filename=rsrc.json when --local=true is set');
    if (!files.length) return fail('one or more files must be specified as -f rsrc.yaml or --filename=rsrc.json');
  } else if (!split.resources.length && !files.length) return fail('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  if (!pairs.set.size && !pairs.remove.length && !f.list) return fail('at least one annotation update is required');
  const both = pairs.remove.filter((k) => pairs.set.has(k));
  if (both.length) return fail(`can not both modify and remove the following annotation(s) in the same command: ${both.join(', ')}`);
  const cluster = clusterFor(env.host);
  const found = await builderTargets(env, f, split.resources, files, local);
  if ('error' in found) return found.error;
  const { targets, single } = found;
  if (!single && f['resource-version']) return fail('--resource-version may only be used with a single resource');
  let stdout = '';
  let stderr = '';
  let printedCount = 0;
  for (const t of targets) {
    const what = t.r.group ? `${t.r.resource}.${t.r.group}` : t.r.resource;
    if (!t.obj) {
      stderr += `Error from server (NotFound): ${what} "${t.name}" not found\n`;
      continue;
    }
    const cur = t.obj.metadata.annotations ?? {};
    if (!f.overwrite) {
      const taken = [...pairs.set]
        .filter(([k, v]) => k !== CHANGE_CAUSE && cur[k] !== undefined && cur[k] !== v)
        .map(([k]) => `'${k}' already has a value (${cur[k]})`);
      if (taken.length) {
        stderr += `error: --overwrite is false but found the following declared annotation(s): ${taken.join('; ')}\n`;
        break;
      }
    }
    const next = { ...cur, ...Object.fromEntries(pairs.set) };
    for (const k of pairs.remove) delete next[k];
    if (f.list) {
      // The annotations as a Go map ranges over them (no fixed order; here the object's own), indented under a heading
      // unless a single object was named.
      if (!single) stdout += `Listing annotations for ${t.obj.kind}.${t.r.group}/${t.name}:\n`;
      for (const [k, v] of Object.entries(next)) stdout += `${single ? '' : ' '}${k}=${v}\n`;
      continue;
    }
    // --local and --dry-run=client stop in the client (updateAnnotations only): the server's checks are not met.
    const clientSide = local || dry.mode === 'client';
    const bad = (clientSide ? [] : Object.keys(next))
      .sort()
      .flatMap((k) => qualifiedName(k.toLowerCase()).map((m) => `metadata.annotations: Invalid value: ${shown(k)}: ${m}`));
    if (bad.length) {
      stderr += `The ${t.obj.kind} "${t.name}" is invalid: ${bad.length === 1 ? `${bad[0]}\n` : `\n${bad.map((b) => `* ${b}\n`).join('')}`}`;
      continue;
    }
    let obj = structuredClone(t.obj);
    // SetAnnotations keeps an emptied map (`annotations: {}`) on the object the client prints; the server drops it.
    if (Object.keys(next).length || clientSide) obj.metadata.annotations = next;
    else delete obj.metadata.annotations;
    if (!clientSide && dry.mode === 'none') obj = cluster.api.update(t.r, obj);
    if (format.kind === 'table')
      stdout += `${objName(t.r, t.name)} annotated${dry.mode === 'none' ? '' : ` (${dry.mode === 'client' ? 'dry run' : 'server dry run'})`}\n`;
    else {
      // One printer for every object: cli-runtime's YAMLPrinter writes `---` before each document after the first.
      const printed = printObjects(format, [{ r: t.r, o: obj }], true);
      stdout += (format.kind === 'yaml' && printedCount++ > 0 ? '---\n' : '') + printed.stdout;
      stderr += printed.stderr;
    }
  }
  if (dry.mode === 'none' && !local) await cluster.sync();
  return warnFirst(dry.warning, out(stdout, stderr, stderr ? 1 : 0));
}
