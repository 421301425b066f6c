/** What kubectl's verbs share: errors in kubectl's words, manifests from -f, label selectors, the namespace. */
import { parseAllDocuments } from 'yaml';
import type { ExecResult } from '../../../api.ts';
import { ApiError } from '../../../k8s/apiserver/index.ts';
import { resourceFor, resourceOfKind, RESOURCES, type ResourceInfo } from '../../../k8s/apiserver/resources.ts';
import type { KObject } from '../../../k8s/types.ts';
import { GO_BOOL, parseFlags, type FlagDef, type Parsed } from '../../args.ts';
import type { CmdEnv } from '../../types.ts';
import { isObj, type Obj } from './obj.ts';

export const out = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

/**
 * staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go StandardErrorMessage / MultilineError:
 * `Error from server (NotFound): …`; an Invalid error lists its causes.
 */
export function errorText(e: unknown, source?: { verb: string; file: string }): string {
  if (!(e instanceof ApiError)) return `error: ${e instanceof Error ? e.message : String(e)}\n`;
  if (e.reason === 'Invalid' && e.details.causes?.length) {
    const prefix = `The ${e.details.kind} "${e.details.name}" is invalid: `;
    const causes = e.details.causes.map((c) => `${c.field}: ${c.message}`);
    return causes.length === 1 ? `${prefix}${causes[0]}\n` : `${prefix}\n${causes.map((c) => `* ${c}\n`).join('')}`;
  }
  // cmdutil.AddSourceToErr: `error when creating "pod.yaml": …`
  const msg = source ? `error when ${source.verb} "${source.file}": ${e.message}` : e.message;
  return `Error from server (${e.reason}): ${msg}\n`;
}

/** A verb's flags with the global ones, made once per table (args.ts keeps its lookups by the list's identity). */
const withGlobals = new WeakMap<FlagDef[], FlagDef[]>();

/** pflag's errors as kubectl prints them: `error: unknown flag: --x` and the help pointer. */
export function parse(args: string[], defs: FlagDef[], verb: string): Parsed & { usage?: ExecResult } {
  let all = withGlobals.get(defs);
  if (!all) withGlobals.set(defs, (all = [...defs, ...GLOBAL_FLAGS]));
  const p = parseFlags(args, all, true);
  if (!p.ok) return { ...p, usage: out('', `error: ${p.error}\nSee 'kubectl ${verb} --help' for usage.\n`, 1) };
  return p;
}

export const GLOBAL_FLAGS: FlagDef[] = [
  { long: 'namespace', short: 'n', type: 'string' },
  { long: 'context', type: 'string' },
  { long: 'cluster', type: 'string' },
  { long: 'user', type: 'string' },
  { long: 'kubeconfig', type: 'string' },
  { long: 'request-timeout', type: 'string' },
  { long: 'v', short: 'v', type: 'string' },
];

/** cmdutil.AddDryRunFlag (pkg/cmd/util/helpers.go:483): a string flag whose NoOptDefVal is "unchanged". */
export const DRY_RUN_FLAG: FlagDef = { long: 'dry-run', type: 'string', noOpt: 'unchanged' };

/**
 * What every `kubectl create` subcommand takes besides its own flags (create_*.go: PrintFlags.AddFlags,
 * AddApplyAnnotationFlags, AddValidateFlags, AddDryRunFlag, AddFieldManagerFlagVar); help/create-flags.ts prints them.
 */
export const CREATE_FLAGS: FlagDef[] = [
  DRY_RUN_FLAG,
  { long: 'output', short: 'o', type: 'string' },
  { long: 'save-config', type: 'bool' },
  { long: 'validate', type: 'string' },
  { long: 'field-manager', type: 'string' },
  { long: 'allow-missing-template-keys', type: 'bool' },
  { long: 'show-managed-fields', type: 'bool' },
  { long: 'template', type: 'string' },
];

/**
 * klog's header as kubectl writes a warning to stderr (k8s.io/klog/v2 formatHeader): `W1205 00:12:34.567890   12345
 * helpers.go:703] ` — severity, month and day, the time to the microsecond, the PID right-aligned in 7, file:line.
 */
export function klogLine(env: CmdEnv, severity: 'W' | 'I' | 'E' | 'F', at: string, msg: string): string {
  const d = new Date(env.host.clock.nowMs);
  const two = (n: number) => String(n).padStart(2, '0');
  const micros = String(d.getUTCMilliseconds() * 1000).padStart(6, '0');
  const when = `${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}.${micros}`;
  // kubectl runs in the shell's own process here (noProcess); the real one is a child with the next PID: take it.
  const self = env.host.kernel.spawn({ parent: env.self, argv: ['kubectl'], transient: true });
  env.host.kernel.release(self);
  return `${severity}${when} ${String(self.pid).padStart(7)} ${at}] ${msg}\n`;
}

/**
 * cmdutil.GetDryRunStrategy (kubernetes/kubectl@v0.30.5:pkg/cmd/util/helpers.go:696): none, client or server; the bare
 * flag and Go's boolean words still work with klog's deprecation warning; anything else is refused.
 */
export function dryRunOf(
  env: CmdEnv,
  flags: Extract<Parsed, { ok: true }>['flags'],
): { mode: 'none' | 'client' | 'server'; warning: string } | { error: ExecResult } {
  const v = flags['dry-run'];
  if (v === undefined) return { mode: 'none', warning: '' };
  const s = String(v);
  const b = GO_BOOL[s];
  if (b === undefined) {
    if (s === 'unchanged')
      return { mode: 'client', warning: klogLine(env, 'W', 'helpers.go:703', '--dry-run is deprecated and can be replaced with --dry-run=client.') };
    if (s === 'client' || s === 'server' || s === 'none') return { mode: s, warning: '' };
    return { error: out('', `error: Invalid dry-run value (${s}). Must be "none", "server", or "client".\n`, 1) };
  }
  const mode = b ? 'client' : 'none';
  return {
    mode,
    warning: klogLine(env, 'W', `helpers.go:${b ? 717 : 720}`, `--dry-run=${s} is deprecated (boolean value) and can be replaced with --dry-run=${mode}.`),
  };
}

/** A klog warning written before the verb's own output (ExecResult.output keeps the two streams' order). */
export function warnFirst(warning: string, r: ExecResult): ExecResult {
  if (!warning) return r;
  const rest = r.output ?? [
    ...(r.stdout ? [{ stream: 'stdout' as const, text: r.stdout }] : []),
    ...(r.stderr ? [{ stream: 'stderr' as const, text: r.stderr }] : []),
  ];
  return { ...r, stderr: warning + r.stderr, output: [{ stream: 'stderr', text: warning }, ...rest] };
}

/** The env kubectl's verbs get: the default namespace the kubeconfig's context names (connect.ts). */
export type KubeEnv = CmdEnv & { kubeNamespace?: string };

/**
 * The namespace a verb works in: -n, else the kubeconfig context's (client-go@v0.30.5:tools/clientcmd/client_config.go
 * Namespace), else "default". Every verb that takes -n asks here.
 */
export const namespaceOf = (flags: Record<string, unknown>, env: CmdEnv): string =>
  typeof flags.namespace === 'string' && flags.namespace ? flags.namespace : (env as KubeEnv).kubeNamespace || 'default';

/** `error: the server doesn't have a resource type "podz"` (kubectl's RESTMapper miss). */
export const noResourceType = (word: string) => out('', `error: the server doesn't have a resource type "${word}"\n`, 1);

/** Resolves `pods`, `po`, `deploy,rs`, `pod/x`: returns the resource infos or the kubectl error. */
/**
 * The objects a command names, as the resource builder reads its arguments (cli-runtime ResourceTypeOrNameArgs):
 * `TYPE/NAME …`, or `TYPE NAME …` (none when only a TYPE is given).
 */
export function typeNameArgs(words: string[]): { type: string; name: string }[] {
  return words[0]?.includes('/')
    ? words.map((w) => ({ type: w.split('/')[0]!, name: w.split('/').slice(1).join('/') }))
    : words.slice(1).map((name) => ({ type: words[0]!, name }));
}

export function resourcesOf(word: string): ResourceInfo[] | { error: ExecResult } {
  const list: ResourceInfo[] = [];
  for (const w of word.split(',')) {
    if (w === 'all') {
      for (const n of ['pods', 'services', 'daemonsets', 'deployments', 'replicasets', 'statefulsets', 'cronjobs', 'jobs'])
        list.push(RESOURCES.find((r) => r.resource === n)!);
      continue;
    }
    const r = resourceFor(w);
    if (!r) return { error: noResourceType(w) };
    list.push(r);
  }
  return list;
}

/**
 * kubectl reads YAML with sigs.k8s.io/yaml (go-yaml v2, YAML 1.1 integers: gopkg.in/yaml.v2 resolve.go hands `0600` to
 * strconv.ParseInt with base 0), so a leading zero is octal: `defaultMode: 0400` is 256, not the core schema's 400.
 */
const GO_YAML_OCTAL = {
  identify: (v: unknown) => typeof v === 'number',
  default: true,
  tag: 'tag:yaml.org,2002:int',
  format: 'OCT',
  test: /^[-+]?0[0-7]+$/,
  resolve: (s: string) => Number.parseInt(s, 8),
};

export interface Doc {
  obj: Obj;
  file: string;
}

/**
 * Reads -f arguments: files, directories (their .json, .yaml and .yml files, sorted) and `-`
 * (stdin). Each YAML document that is not empty becomes a Doc. Errors are kubectl's.
 */
export async function readManifests(env: CmdEnv, files: string[]): Promise<{ docs: Doc[] } | { error: string }> {
  const docs: Doc[] = [];
  for (const f of files) {
    let sources: { name: string; text: string }[] = [];
    if (f === '-') sources = [{ name: 'STDIN', text: env.stdin }];
    else {
      const abs = env.fs.resolvePath(env.cwd, f);
      const st = await env.fs.stat(abs).catch(() => undefined);
      if (!st) return { error: `error: the path "${f}" does not exist\n` };
      if (st.isDirectory) {
        const names = (await env.fs.readdir(abs)).filter((n) => /\.(json|ya?ml)$/.test(n)).sort();
        for (const n of names) sources.push({ name: `${f.replace(/\/$/, '')}/${n}`, text: await env.fs.readFile(`${abs}/${n}`) });
      } else sources = [{ name: f, text: await env.fs.readFile(abs) }];
    }
    for (const s of sources) {
      const parsed = parseAllDocuments(s.text, { prettyErrors: false, uniqueKeys: false, customTags: (tags) => [GO_YAML_OCTAL, ...tags] });
      for (const d of Array.isArray(parsed) ? parsed : [parsed]) {
        const err = d.errors[0];
        if (err) {
          const line = err.linePos?.[0]?.line ?? 1;
          // kubectl: error parsing FILE: error converting YAML to JSON: yaml: line N: … (the parser's words, not go-yaml's)
          return {
            error: `error: error parsing ${s.name}: error converting YAML to JSON: yaml: line ${line}: ${err.message
              .split('\n')[0]!
              .replace(/ at line \d+, column \d+:?$/, '')
              .toLowerCase()}\n`,
          };
        }
        const obj = d.toJS() as unknown;
        if (obj === null || obj === undefined) continue;
        if (!isObj(obj))
          return {
            error: `error: error parsing ${s.name}: json: cannot unmarshal ${Array.isArray(obj) ? 'array' : typeof obj === 'string' ? 'string' : 'number'} into Go value of type map[string]interface {}\n`,
          };
        const missing = [!obj.apiVersion && 'apiVersion not set', !obj.kind && 'kind not set'].filter(Boolean) as string[];
        if (missing.length) {
          const what = missing.length === 1 ? missing[0] : `[${missing.join(', ')}]`;
          return {
            error: `error: error validating "${s.name}": error validating data: ${what}; if you choose to ignore these errors, turn validation off with --validate=false\n`,
          };
        }
        docs.push({ obj, file: s.name });
      }
    }
  }
  return { docs };
}

/**
 * An object read from a file as cli-runtime@v0.30.5's resource builder takes it: mapped to its resource
 * (pkg/resource/mapper.go infoForData: "resource mapping not found …") and, given -n (`flagNs`), its own namespace
 * checked against it (the builder's "the namespace from the provided object … does not match …"). The errors are
 * kubectl's words without the "error: " and newline its CheckErr adds.
 */
export function mappedObject(d: { obj: Obj; file: string }, flagNs?: string): { r: ResourceInfo; meta: Obj; objNs?: string } | { error: string } {
  const meta = isObj(d.obj.metadata) ? d.obj.metadata : {};
  const r = resourceOfKind(String(d.obj.apiVersion), String(d.obj.kind));
  if (!r)
    return {
      error: `resource mapping not found for name: "${meta.name ?? ''}" namespace: "${meta.namespace ?? ''}" from "${d.file}": no matches for kind "${d.obj.kind}" in version "${d.obj.apiVersion}"\nensure CRDs are installed first`,
    };
  const objNs = typeof meta.namespace === 'string' && meta.namespace ? meta.namespace : undefined;
  if (r.namespaced && objNs && flagNs && objNs !== flagNs)
    return {
      error: `the namespace from the provided object "${objNs}" does not match the namespace "${flagNs}". You must pass '--namespace=${objNs}' to perform this operation.`,
    };
  return { r, meta, objNs };
}

/** One requirement of a label selector, labels.Parse's operator names (`=`, `==`, `!=`, `in`, `notin`, exists, `!`). */
export interface Requirement {
  key: string;
  op: '=' | '==' | '!=' | 'in' | 'notin' | 'exists' | '!';
  values: string[];
}

/** A label selector (`app=web`, `tier!=db`, `env`, `!env`, `env in (a,b)`) as labels.Parse splits it. */
export function selectorRequirements(selector: string): Requirement[] | { error: string } {
  const reqs: Requirement[] = [];
  const parts = selector.match(/(?:[^,(]+(?:\([^)]*\))?)+/g) ?? [];
  for (const raw of parts) {
    const p = raw.trim();
    let m: RegExpExecArray | null;
    if ((m = /^([\w./-]+)\s*(==|=|!=)\s*([\w.-]*)$/.exec(p))) reqs.push({ key: m[1]!, op: m[2] as Requirement['op'], values: [m[3]!] });
    else if ((m = /^([\w./-]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(p)))
      reqs.push({ key: m[1]!, op: m[2] as Requirement['op'], values: m[3]!.split(',').map((x) => x.trim()) });
    else if ((m = /^(!?)([\w./-]+)$/.exec(p))) reqs.push({ key: m[2]!, op: m[1] ? '!' : 'exists', values: [] });
    else return { error: `error: unable to parse requirement: found '${p}', expected: identifier\n` };
  }
  return reqs;
}

/** A label selector as a test of an object's labels. */
export function matchSelector(selector: string | undefined): ((o: KObject) => boolean) | { error: string } {
  if (!selector) return () => true;
  const reqs = selectorRequirements(selector);
  if ('error' in reqs) return reqs;
  const test = ({ key, op, values }: Requirement, l: Record<string, string>): boolean => {
    const v = l[key];
    if (op === '=' || op === '==') return v === values[0];
    if (op === '!=') return v !== values[0];
    if (op === 'in') return v !== undefined && values.includes(v);
    if (op === 'notin') return v === undefined || !values.includes(v);
    return op === 'exists' ? v !== undefined : v === undefined;
  };
  return (o) => reqs.every((r) => test(r, o.metadata.labels ?? {}));
}

/** --field-selector (get, label, annotate): `path=value`, `path==value`, `path!=value`, comma-separated (fields.ParseSelector). */
export function matchFields(text: string | undefined): ((o: KObject) => boolean) | { error: string } {
  if (!text) return () => true;
  const reqs: ((o: KObject) => boolean)[] = [];
  for (const part of text.split(',')) {
    const m = /^([\w.]+)\s*(==|=|!=)\s*(.*)$/.exec(part.trim());
    if (!m) return { error: `error: invalid selector: '${text}'; can't understand '${part}'\n` };
    const [, path, op, value] = m as unknown as [string, string, string, string];
    const read = (o: KObject) =>
      String(path.split('.').reduce<unknown>((x, k) => (x && typeof x === 'object' ? (x as Record<string, unknown>)[k] : undefined), o) ?? '');
    reqs.push(op === '!=' ? (o) => read(o) !== value : (o) => read(o) === value);
  }
  return (o) => reqs.every((r) => r(o));
}

/** `pod/x created`: the kind's singular name, with its group (`deployment.apps/web`). */
export const objName = (r: ResourceInfo, name: string) => `${r.group ? `${r.singular}.${r.group}` : r.singular}/${name}`;

/**
 * A parent command's answer (cmdutil.DefaultSubCommandRun, kubernetes/kubectl@v0.30.5:pkg/cmd/util/helpers.go):
 * RequireNoArguments's `unknown command "…"` with the command's usage hint for `words` that are not one of its
 * subcommands, else its help page: `help`, the simulator's note where that page is not built. Exit 1 either way.
 */
export function parentCommand(path: string, words: readonly string[], help: string): ExecResult {
  const args = words.filter((w) => !w.startsWith('-'));
  return out('', args.length ? `error: unknown command "${args.join(' ')}"\nSee 'kubectl ${path} -h' for help and examples\n` : help, 1);
}

/**
 * A create subcommand's NAME (kubernetes/kubectl@v0.30.5:pkg/cmd/create/create.go NameFromCommandArgs): exactly one, else
 * `exactly one NAME is required, got N` with the subcommand's usage hint (cmdutil.UsageErrorf), exit 1.
 */
export function nameFromCommandArgs(rest: readonly string[], path: string): string | ExecResult {
  if (rest.length === 1) return rest[0] as string;
  return out('', `error: exactly one NAME is required, got ${rest.length}\nSee 'kubectl ${path} -h' for help and examples\n`, 1);
}
