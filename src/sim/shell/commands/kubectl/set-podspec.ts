/**
 * What kubectl's `set env`, `set resources` and `set serviceaccount` share (kubernetes/kubectl@v0.30.5:pkg/cmd/set/):
 * the builder's objects (-f/--local, TYPE NAME…, --all, -l), the pod spec inside each
 * (pkg/polymorphichelpers/updatepodspec.go UpdatePodSpecForObjectFn), the container wildcard (helper.go selectString)
 * and the Run loop: an object the mutation left as it was (CalculatePatches' `{}` patch) prints nothing; --local and
 * --dry-run=client print the changed object, the others patch it and print the server's answer through
 * PrintFlags("<what> updated").
 */
import type { ExecResult } from '../../../api.ts';
import type { KObject } from '../../../k8s/types.ts';
import type { FlagDef, Parsed } from '../../args.ts';
import type { CmdEnv } from '../../types.ts';
import { clusterFor } from './cluster.ts';
import { DRY_RUN_FLAG, namespaceOf, objName, out } from './common.ts';
import { isObj, type Obj } from './obj.ts';
import type { Format } from './output.ts';
import { printObjects } from './output.ts';
import { fileTargets, findTargets, type Target } from './pairs.ts';

type Flags = Extract<Parsed, { ok: true }>['flags'];

/** AddFilenameOptionFlags, --local, --all, -l, PrintFlags, --dry-run and --field-manager: every set subcommand's flags. */
export const SET_FLAGS: FlagDef[] = [
  DRY_RUN_FLAG,
  { long: 'filename', short: 'f', type: 'list' },
  { long: 'recursive', short: 'R', type: 'bool' },
  { long: 'kustomize', short: 'k', type: 'string' },
  { long: 'output', short: 'o', type: 'string' },
  { long: 'selector', short: 'l', type: 'string' },
  { long: 'all', type: 'bool' },
  { long: 'local', type: 'bool' },
  { long: 'field-manager', type: 'string' },
  { long: 'allow-missing-template-keys', type: 'bool' },
  { long: 'show-managed-fields', type: 'bool' },
  { long: 'template', type: 'string' },
];

/** UpdatePodSpecForObjectFn's kinds: a Pod's own spec, a CronJob's job template's, the others' template's. */
export function podSpecOf(o: KObject): Obj | undefined {
  const spec = isObj(o.spec) ? o.spec : undefined;
  switch (o.kind) {
    case 'Pod':
      return spec;
    case 'CronJob': {
      const job = isObj(spec?.jobTemplate) ? spec.jobTemplate : undefined;
      const tpl = isObj(job?.spec) && isObj(job.spec.template) ? job.spec.template : undefined;
      return tpl && isObj(tpl.spec) ? tpl.spec : undefined;
    }
    case 'Deployment':
    case 'ReplicaSet':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'Job':
    case 'ReplicationController': {
      const tpl = isObj(spec?.template) ? spec.template : undefined;
      return tpl && isObj(tpl.spec) ? tpl.spec : undefined;
    }
    default:
      return undefined;
  }
}

/** `the object is not a pod or does not have a pod template: *v1.Service` (updatepodspec.go), with the Go type's name. */
export function noPodTemplate(o: KObject): string {
  const group = (o.apiVersion ?? 'v1').includes('/') ? (o.apiVersion ?? '').split('/')[1] : 'v1';
  return `the object is not a pod or does not have a pod template: *${group}.${o.kind}`;
}

/**
 * helper.go selectString: `*` is any name; a spec without `*` must equal the name; otherwise its parts are looked for
 * in order, the first anchored at the start and the last at the end (the source's non-greedy walk, kept as it is).
 */
export function selectString(s: string, spec: string): boolean {
  if (spec === '*') return true;
  if (!spec.includes('*')) return s === spec;
  let pos = 0;
  const parts = spec.split('*');
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (!part.length) continue;
    const next = s.slice(pos).indexOf(part);
    if (next < pos || (i === 0 && pos !== 0) || (i === parts.length - 1 && s.length !== part.length + next)) return false;
    pos = next;
  }
  return true;
}

/** selectContainers over the regular containers, then the init ones (set_env.go and set_resources.go append them so). */
export function selectContainers(spec: Obj, selector: string): Obj[] {
  const pick = (list: unknown) => (Array.isArray(list) ? (list as Obj[]) : []).filter((c) => selectString(String(c.name ?? ''), selector));
  return [...pick(spec.containers), ...pick(spec.initContainers)];
}

/**
 * The builder's objects: -f FILE… (the file's own with --local, else the live ones), else TYPE NAME… / TYPE/NAME… with
 * --all and -l; `--local` with arguments is resource.LocalResourceError where the subcommand checks it (`strict`; set
 * env ignores them). A named object that is absent is the server's NotFound.
 */
export async function setTargets(env: CmdEnv, f: Flags, words: string[], strict: boolean): Promise<{ targets: Target[] } | { error: ExecResult }> {
  const cluster = clusterFor(env.host);
  const ns = namespaceOf(f, env);
  const files = (f.filename as string[] | undefined) ?? [];
  const local = f.local === true;
  if (local && strict && words.length)
    return {
      error: out(
        '',
        "error: you must specify resources by --filename when --local is set.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n",
        1,
      ),
    };
  const found = files.length
    ? await fileTargets(env, cluster, files, ns, { local, ...(typeof f.namespace === 'string' ? { flagNs: f.namespace } : {}) })
    : findTargets(cluster, words, ns, { all: f.all === true, ...(typeof f.selector === 'string' ? { selector: f.selector } : {}) });
  if ('error' in found) return found;
  if (local) for (const t of found.targets) if (t.obj) typedZeros(t.obj);
  for (const t of found.targets)
    if (!t.obj)
      return { error: out('', `Error from server (NotFound): ${t.r.group ? `${t.r.resource}.${t.r.group}` : t.r.resource} "${t.name}" not found\n`, 1) };
  return { targets: found.targets };
}

/**
 * A --local object is decoded into its Go type (the builder's WithScheme), so the printer writes the zero values
 * encoding/json keeps (checked against kubectl v1.30.13's `set … --local -f … -o yaml`): `creationTimestamp: null`,
 * `status: {}` (a Service's `loadBalancer: {}`), a Deployment's `strategy: {}` and DaemonSet's or StatefulSet's
 * `updateStrategy: {}`, a template's `creationTimestamp: null`, each container's `resources: {}`, a Service port's
 * `targetPort: 0`.
 */
function typedZeros(o: KObject): void {
  const zero = (x: Obj, k: string, v: unknown) => {
    if (!(k in x)) x[k] = v;
  };
  const meta = o.metadata as unknown as Obj;
  zero(meta, 'creationTimestamp', null);
  const top = o as unknown as Obj;
  zero(top, 'status', {});
  const spec = isObj(o.spec) ? o.spec : undefined;
  if (o.kind === 'Service') {
    if (isObj(top.status)) zero(top.status, 'loadBalancer', {});
    for (const port of Array.isArray(spec?.ports) ? spec.ports : []) if (isObj(port)) zero(port, 'targetPort', 0);
    return;
  }
  if (spec && o.kind === 'Deployment') zero(spec, 'strategy', {});
  if (spec && (o.kind === 'DaemonSet' || o.kind === 'StatefulSet')) zero(spec, 'updateStrategy', {});
  const tpl = o.kind !== 'Pod' && isObj(spec?.template) ? spec.template : undefined;
  if (tpl) zero(isObj(tpl.metadata) ? tpl.metadata : (tpl.metadata = {}), 'creationTimestamp', null);
  const podSpec = podSpecOf(o);
  for (const list of [podSpec?.containers, podSpec?.initContainers]) for (const c of Array.isArray(list) ? list : []) if (isObj(c)) zero(c, 'resources', {});
}

/** A mutation of one object's pod spec: an error (the patch's), or nothing. */
export type Mutate = (o: KObject, spec: Obj) => string | undefined;

/**
 * The Run loop of set env, resources and serviceaccount: each object cloned and mutated; `error: KIND/NAME MESSAGE` for
 * an object the mutation refused (or without a pod spec); an unchanged one skipped; the changed ones printed as --local
 * and --dry-run=client have them, else stored (the Deployment controller rolls a changed template out) and printed as
 * the server answered; a refused update is `failed to patch <what> update to pod template: …`.
 */
export async function runSet(
  env: CmdEnv,
  targets: Target[],
  opts: { what: string; failed: string; format: Format; mode: 'none' | 'client' | 'server'; local: boolean; keepUnchanged?: boolean },
  mutate: Mutate,
): Promise<ExecResult> {
  const cluster = clusterFor(env.host);
  const errs: string[] = [];
  let stdout = '';
  const suffix = opts.mode === 'client' ? ' (dry run)' : opts.mode === 'server' ? ' (server dry run)' : '';
  for (const t of targets) {
    const o = t.obj!;
    const next = structuredClone(o);
    const spec = podSpecOf(next);
    const why = spec ? mutate(next, spec) : noPodTemplate(next);
    if (why !== undefined) {
      // `error: %s %v\n`; a message that starts with a newline is joined without the space (set-env.ts).
      errs.push(`error: ${objName(t.r, o.metadata.name)}${why.startsWith('\n') ? '' : ' '}${why}\n`);
      continue;
    }
    // set serviceaccount sends even an empty patch (its Run has no `{}` check).
    if (!opts.keepUnchanged && JSON.stringify(next) === JSON.stringify(o)) continue;
    let shown = next;
    if (!opts.local && opts.mode === 'none') {
      try {
        shown = cluster.api.update(t.r, next);
      } catch (e) {
        // A fmt error wrapping the StatusError's text (no `Error from server`).
        errs.push(`${opts.failed} ${e instanceof Error ? e.message : String(e)}`);
        continue;
      }
      await cluster.sync();
    }
    stdout +=
      opts.format.kind === 'table'
        ? `${objName(t.r, o.metadata.name)} ${opts.what}${suffix}\n`
        : printObjects(opts.format, [{ r: t.r, o: shown }], true, opts.local || opts.mode === 'client').stdout; // a --local or client dry-run object is the typed one: -o json in its struct order
  }
  // cmdutil checkErr: an aggregate of one is that error, `error: ` prefixed when it lacks it (fatal adds a missing
  // newline); of several, MultipleErrors prints each bare with `%v\n` (a message ending in a newline leaves an empty line).
  const one = errs[0]?.startsWith('error: ') ? errs[0] : `error: ${errs[0]}`;
  const stderr = errs.length === 1 ? one.replace(/\n?$/, '\n') : errs.map((e) => `${e}\n`).join('');
  return out(stdout, stderr, errs.length ? 1 : 0);
}
