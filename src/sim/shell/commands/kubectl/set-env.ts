/**
 * kubectl set env RESOURCE/NAME KEY_1=VAL_1 … KEY- (kubernetes/kubectl@v0.30.5:pkg/cmd/set/set_env.go, its
 * env/env_parse.go and env/env_resolve.go), checked against a real kubectl v1.30.13 with `--local -f`:
 * - Complete: `cannot set --all and --selector at the same time`; the resources come before the first KEY=VAL or KEY-
 *   (SplitEnvironmentFromResources), else `all resources must be specified before environment changes: ARGS`;
 * - Validate: --local with --dry-run=server, no resource, --list with -o, --keys without --from;
 * - RunEnv: ParseEnv (`"1A" is not a valid key name: …`, `can not both modify and remove the same environment variable
 *   in the same command`, `-` reads KEY=VAL lines from stdin); --from's ConfigMap or Secret adds a valueFrom per key
 *   (--keys picks; a key that is no variable name is upper-cased with `_` and warned about); --prefix; then per
 *   selected container (-c, wildcards; none: a warning), --overwrite=false's refusal, updateEnv, and --list's listing
 *   (--resolve reads the referenced ConfigMap and Secret keys).
 * Go ranges over a ConfigMap's or Secret's data map in a random order; node1 takes the keys sorted.
 */
import type { ExecResult } from '../../../api.ts';
import { parseQuantity } from '../../../../k8s/quantity.ts';
import { envNameErrors } from '../../../k8s/apiserver/configdata.ts';
import { resourceOfKind } from '../../../k8s/apiserver/resources.ts';
import type { KObject } from '../../../k8s/types.ts';
import type { FlagDef } from '../../args.ts';
import type { CmdEnv } from '../../types.ts';
import { clusterFor } from './cluster.ts';
import { dryRunOf, namespaceOf, out, parse, warnFirst } from './common.ts';
import { isObj, type Obj } from './obj.ts';
import { badFormat, parseFormat } from './output.ts';
import { findTargets } from './pairs.ts';
import { runSet, SET_FLAGS, selectContainers, setTargets } from './set-podspec.ts';

const FLAGS: FlagDef[] = [
  ...SET_FLAGS,
  { long: 'containers', short: 'c', type: 'string' },
  { long: 'from', type: 'string' },
  { long: 'prefix', type: 'string' },
  { long: 'env', short: 'e', type: 'list' },
  { long: 'keys', type: 'list' },
  { long: 'list', type: 'bool' },
  { long: 'resolve', type: 'bool' },
  { long: 'overwrite', type: 'bool' },
];

const fail = (msg: string): ExecResult => out('', `error: ${msg}\n`, 1);

/** env_parse.go IsEnvironmentArgument `(?ms)^(.+)\=(.*)$`, or the `KEY-` removal. */
const isEnvArg = (s: string) => /^.+=/s.test(s) || s.endsWith('-');

/** env_parse.go parseIntoEnvVar over -e's values and the KEY=VAL arguments. */
function parseEnv(spec: string[], stdin: string): { env: Obj[]; remove: string[] } | { error: string } {
  const env: Obj[] = [];
  const remove: string[] = [];
  const set = new Set<string>();
  for (const s of spec) {
    if (s === '-') {
      // readEnv: a `#` starts a comment; lines without `=` are skipped.
      for (const line of stdin.split('\n')) {
        const text = line.includes('#') ? line.slice(0, line.indexOf('#')) : line;
        if (text.includes('=')) env.push({ name: text.slice(0, text.indexOf('=')), value: text.slice(text.indexOf('=') + 1) });
      }
    } else if (s.includes('=')) {
      const name = s.slice(0, s.indexOf('='));
      const errs = envNameErrors(name);
      if (errs.length) return { error: `"${name}" is not a valid key name: ${errs.join(';')}` };
      set.add(name);
      env.push({ name, value: s.slice(s.indexOf('=') + 1) });
    } else if (s.endsWith('-')) remove.push(s.slice(0, -1));
    else return { error: `unknown environment variable: ${s}` };
  }
  if (remove.some((r) => set.has(r))) return { error: 'can not both modify and remove the same environment variable in the same command' };
  return { env, remove };
}

/** helper.go updateEnv: an added variable replaces every one of its name, in place; removal wins. */
function updateEnv(existing: Obj[], env: Obj[], remove: string[]): Obj[] {
  const result: Obj[] = [];
  const covered = new Set(remove);
  for (const e of existing) {
    const name = String(e.name);
    if (covered.has(name)) continue;
    const newer = env.find((x) => x.name === name);
    if (newer) covered.add(name);
    result.push(structuredClone(newer ?? e));
  }
  for (const e of env) {
    if (covered.has(String(e.name))) continue;
    covered.add(String(e.name));
    result.push(structuredClone(e));
  }
  return result;
}

/** env_resolve.go GetEnvVarRefString. */
function refString(from: Obj): string {
  const ref = (k: string) => (isObj(from[k]) ? (from[k] as Obj) : undefined);
  const cm = ref('configMapKeyRef');
  if (cm) return `configmap ${cm.name}, key ${cm.key}`;
  const sec = ref('secretKeyRef');
  if (sec) return `secret ${sec.name}, key ${sec.key}`;
  const field = ref('fieldRef');
  if (field) return `field path ${field.fieldPath}`;
  const res = ref('resourceFieldRef');
  if (res) return `resource field ${res.containerName ? `${res.containerName}/` : ''}${res.resource}`;
  return '';
}

export async function setEnv(args: string[], env: CmdEnv): Promise<ExecResult> {
  const p = parse(args, FLAGS, 'set env');
  if (!p.ok) return p.usage!;
  const f = p.flags;
  if (f.all === true && typeof f.selector === 'string' && f.selector) return fail('cannot set --all and --selector at the same time');
  const first = p.rest.findIndex(isEnvArg);
  const resources = first < 0 ? p.rest : p.rest.slice(0, first);
  const envArgs = first < 0 ? [] : p.rest.slice(first);
  if (envArgs.some((a) => !isEnvArg(a))) return fail(`all resources must be specified before environment changes: ${p.rest.join(' ')}`);
  const dryRun = dryRunOf(env, f);
  if ('error' in dryRun) return dryRun.error;
  const output = typeof f.output === 'string' ? f.output : '';
  const format = parseFormat(output || undefined);
  if (!format) return out('', badFormat(output), 1);
  const local = f.local === true;
  if (local && dryRun.mode === 'server') return fail('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
  const files = (f.filename as string[] | undefined) ?? [];
  if (!files.length && !resources.length) return fail('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  if (f.list === true && output) return fail('--list and --output may not be specified together');
  const keys = ((f.keys as string[] | undefined) ?? []).flatMap((k) => k.split(','));
  const from = typeof f.from === 'string' ? f.from : '';
  if (keys.length && !from) return fail('when specifying --keys, a configmap or secret must be provided with --from');
  const parsed = parseEnv([...((f.env as string[] | undefined) ?? []), ...envArgs], env.stdin);
  if ('error' in parsed) return warnFirst(dryRun.warning, fail(parsed.error));
  const { env: vars, remove } = parsed;
  let warnings = dryRun.warning;
  const cluster = clusterFor(env.host);
  const ns = namespaceOf(f, env);
  if (from) {
    const found = findTargets(cluster, [from], ns, { all: f.all === true, ...(typeof f.selector === 'string' ? { selector: f.selector } : {}) });
    if ('error' in found) return warnFirst(warnings, found.error);
    for (const t of found.targets) {
      if (!t.obj) return warnFirst(warnings, out('', `Error from server (NotFound): ${t.r.resource} "${t.name}" not found\n`, 1));
      if (t.obj.kind !== 'Secret' && t.obj.kind !== 'ConfigMap') return warnFirst(warnings, fail('unsupported resource specified in --from'));
      const data = isObj((t.obj as unknown as Obj).data) ? ((t.obj as unknown as Obj).data as Obj) : {};
      const ref = t.obj.kind === 'Secret' ? 'secretKeyRef' : 'configMapKeyRef';
      for (const key of Object.keys(data).sort()) {
        if (keys.length && !keys.includes(key)) continue;
        // keyToEnvName: validEnvNameRegexp `[^a-zA-Z0-9_]` to `_`, upper-cased; the WarningPrinter tells a change.
        const name = key.replace(/[^a-zA-Z0-9_]/g, '_').toUpperCase();
        if (name !== key) warnings += `Warning: key ${key} transferred to ${name}\n`;
        vars.push({ name, valueFrom: { [ref]: { key, name: t.name } } });
      }
    }
  }
  const prefix = typeof f.prefix === 'string' ? f.prefix : '';
  for (const v of vars) v.name = `${prefix}${v.name}`;
  const found = await setTargets(env, f, resources, false);
  if ('error' in found) return warnFirst(warnings, found.error);
  const selector = typeof f.containers === 'string' ? f.containers : '*';
  const list = f.list === true;
  // --list writes as it goes: each container's listing on stdout, its resolve errors and the next object's warnings on stderr.
  const chunks: { stream: 'stdout' | 'stderr'; text: string }[] = [];
  const say = (stream: 'stdout' | 'stderr', text: string) => {
    const last = chunks[chunks.length - 1];
    if (last?.stream === stream) last.text += text;
    else if (text) chunks.push({ stream, text });
  };
  const mutate = (o: KObject, spec: Obj): string | undefined => {
    const containers = selectContainers(spec, selector);
    if (!containers.length) {
      const w = `Warning: ${o.kind}/${o.metadata.name} does not have any containers matching "${selector}"\n`;
      if (list) say('stderr', w);
      else warnings += w;
      return undefined;
    }
    let unresolved = false;
    for (const c of containers) {
      const existing = Array.isArray(c.env) ? (c.env as Obj[]) : [];
      if (f.overwrite === false)
        for (const e of vars) {
          const cur = existing.find((x) => x.name === e.name);
          // Checked against kubectl v1.30.13, which writes a newline and a space between the object's name and this
          // message (v0.30.5's set_env.go reads `error: %s %v\n`): the binary's bytes are kept.
          if (cur && (cur.value ?? '') !== (e.value ?? '')) return `\n '${cur.name}' already has a value (${cur.value ?? ''}), and --overwrite is false`;
        }
      const next = updateEnv(existing, vars, remove);
      if (next.length) c.env = next;
      else delete c.env;
      if (!list) continue;
      say('stdout', `# ${o.kind} ${o.metadata.name}, container ${c.name}\n`);
      const resolveErrors = new Map<string, string[]>();
      for (const e of next) {
        const vf = isObj(e.valueFrom) ? e.valueFrom : undefined;
        if (!vf) say('stdout', `${e.name}=${e.value ?? ''}\n`);
        else if (f.resolve !== true) say('stdout', `# ${e.name} from ${refString(vf)}\n`);
        else {
          const value = resolveRef(env, ns, vf, o, c);
          if ('value' in value) say('stdout', `${e.name}=${value.value}\n`);
          else {
            say('stdout', `# ${e.name} from ${refString(vf)}\n`);
            resolveErrors.set(value.error, [...(resolveErrors.get(value.error) ?? []), String(e.name)]);
            unresolved = true;
          }
        }
      }
      say(
        'stderr',
        [...resolveErrors]
          .map(([err, names]) => `error retrieving reference for ${names.sort().join(', ')}: ${err}`)
          .sort()
          .map((l) => `${l}\n`)
          .join(''),
      );
    }
    return unresolved ? 'failed to retrieve valueFrom references' : undefined;
  };
  const result = await runSet(
    env,
    found.targets,
    { what: 'env updated', failed: 'failed to patch env update to pod template:', format, mode: list ? 'client' : dryRun.mode, local: local || list },
    mutate,
  );
  // --list returns before the patches are looked at: only the listing, its resolve errors and the warnings.
  if (list) {
    const text = (stream: string) =>
      chunks
        .filter((c) => c.stream === stream)
        .map((c) => c.text)
        .join('');
    return {
      stdout: text('stdout'),
      stderr: warnings + text('stderr'),
      exitCode: 0,
      output: [...(warnings ? [{ stream: 'stderr' as const, text: warnings }] : []), ...chunks],
    };
  }
  return warnFirst(warnings, result);
}

/**
 * env_resolve.go GetEnvVarRefValue: a ConfigMap's or Secret's key (read once more per variable: the ResourceStore's
 * cache changes nothing here), the object's own metadata.name, namespace or uid for a fieldRef (labels and annotations
 * are not simulated: `unsupported fieldPath`), a container's cpu or memory over the divisor for a resourceFieldRef.
 */
function resolveRef(env: CmdEnv, ns: string, vf: Obj, o: KObject, c: Obj): { value: string } | { error: string } {
  const api = clusterFor(env.host).api;
  if (isObj(vf.fieldRef)) {
    const path = String(vf.fieldRef.fieldPath ?? '');
    const meta: Record<string, string | undefined> = {
      'metadata.name': o.metadata.name,
      'metadata.namespace': o.metadata.namespace,
      'metadata.uid': o.metadata.uid,
    };
    return Object.hasOwn(meta, path) ? { value: meta[path] ?? '' } : { error: `unsupported fieldPath: ${path}` };
  }
  if (isObj(vf.resourceFieldRef)) {
    const what = String(vf.resourceFieldRef.resource ?? '');
    const m = /^(limits|requests)\.(cpu|memory)$/.exec(what);
    if (!m) return { error: `Unsupported container resource : ${what}` };
    const list = isObj(c.resources) && isObj(c.resources[m[1]!]) ? (c.resources[m[1]!] as Obj) : {};
    const q = parseQuantity(list[m[2]!] ?? '0');
    const by = parseQuantity(vf.resourceFieldRef.divisor ?? '1');
    // convertResourceCPUToString divides millis by millis; the memory one, values; both round up.
    const milli = (x: number) => Math.round(x * 1000);
    const n = q && by?.value ? Math.ceil(m[2] === 'cpu' ? milli(q.value) / milli(by.value) : q.value / by.value) : 0;
    return { value: String(n) };
  }
  for (const [k, kind, what] of [
    ['configMapKeyRef', 'ConfigMap', 'config map'],
    ['secretKeyRef', 'Secret', 'secret'],
  ] as const) {
    const ref = isObj(vf[k]) ? (vf[k] as Obj) : undefined;
    if (!ref) continue;
    const r = resourceOfKind('v1', kind)!;
    const o = api.get(r, ns, String(ref.name));
    if (!o) return { error: `${r.resource} "${ref.name}" not found` };
    const data = isObj((o as unknown as Obj).data) ? ((o as unknown as Obj).data as Obj) : {};
    if (!Object.hasOwn(data, String(ref.key))) return { error: `key ${ref.key} not found in ${what} ${ref.name}` };
    const v = String(data[String(ref.key)]);
    return { value: kind === 'Secret' ? new TextDecoder().decode(Uint8Array.from(atob(v), (ch) => ch.charCodeAt(0))) : v };
  }
  return { error: 'invalid valueFrom' };
}
