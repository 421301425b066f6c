/**
 * `kubectl config` and its reading subcommands (kubernetes/kubectl@v0.30.5:pkg/cmd/config/config.go, view.go,
 * current_context.go, get_contexts.go, get_clusters.go, get_users.go) over the kubeconfig kubectl loads
 * (kubeconfig-io.ts); the subcommands that change it are in config-set.ts. Texts checked against kubectl v1.30.13.
 */
import type { ExecResult } from '../../../api.ts';
import { goJson } from '../../../k8s/apiserver/last-applied.ts';
import { type KubeConfig, minified, redacted, STANZAS, type Stanza, toV1 } from '../../../../k8s/kubeconfig.ts';
import { base64 } from '../../../fs/kubeadm-pki.ts';
import type { CmdEnv } from '../../types.ts';
import { tabwriter } from '../../kit/tabwriter.ts';
import { out, parentCommand, parse } from './common.ts';
import { configChange } from './config-set.ts';
import { helpPage } from './help.ts';
import { JsonPathError, runJsonPath } from './jsonpath.ts';
import { kubeconfigYaml, loadKubeconfig } from './kubeconfig-io.ts';
import { badFormat, parseFormat } from './output.ts';

type Run = (args: string[], env: CmdEnv) => Promise<ExecResult>;

/** config.go's subcommands (use-context's alias `use`, use_context.go). */
const SUBS: Record<string, Run> = {
  view,
  'current-context': currentContext,
  'get-contexts': getContexts,
  'get-clusters': (a, e) => listNames('get-clusters', 'clusters', a, e),
  'get-users': (a, e) => listNames('get-users', 'users', a, e),
};
const CHANGES = [
  'use-context',
  'use',
  'set-context',
  'delete-context',
  'delete-cluster',
  'delete-user',
  'rename-context',
  'set-cluster',
  'set-credentials',
  'set',
  'unset',
];

export async function config(args: string[], env: CmdEnv): Promise<ExecResult> {
  const at = args.findIndex((w, i) => !w.startsWith('-') && !/^(--kubeconfig|--context|--cluster|--user|-n|--namespace)$/.test(args[i - 1] ?? ''));
  const sub = at >= 0 ? args[at]! : undefined;
  const rest = at >= 0 ? [...args.slice(0, at), ...args.slice(at + 1)] : args;
  if (sub !== undefined && Object.hasOwn(SUBS, sub)) return SUBS[sub]!(rest, env);
  if (sub !== undefined && CHANGES.includes(sub)) return configChange(sub === 'use' ? 'use-context' : sub, rest, env);
  // config.go Run: cmdutil.DefaultSubCommandRun(streams.ErrOut): `unknown command` for a word, else the page on stderr, exit 1.
  return parentCommand('config', sub === undefined ? [] : [sub], (await helpPage('config', env))!);
}

/** UsageErrorf's two lines (cmdutil.UsageErrorf): the error and `See 'kubectl config SUB -h' for help and examples`. */
export const usageError = (sub: string, msg: string) => out('', `error: ${msg}\nSee 'kubectl config ${sub} -h' for help and examples\n`, 1);

/** view.go: the merged Config (or --kubeconfig's file), --minify'd, redacted unless --raw or --flatten, printed by -o. */
async function view(args: string[], env: CmdEnv): Promise<ExecResult> {
  const p = parse(
    args,
    [
      { long: 'raw', type: 'bool' },
      { long: 'minify', type: 'bool' },
      { long: 'flatten', type: 'bool' },
      { long: 'merge', type: 'string' },
      { long: 'output', short: 'o', type: 'string' },
    ],
    'config view',
  );
  if (!p.ok) return p.usage!;
  const f = p.flags;
  if (p.rest.length) return usageError('view', `unexpected arguments: [${p.rest.join(' ')}]`);
  // view.go NewCmdConfigView: PrintFlags with the default output "yaml".
  const o = (f.output as string | undefined) ?? 'yaml';
  const format = parseFormat(o);
  // cli-runtime's NamePrinter: a Config has no metadata.name (checked against kubectl v1.30.13).
  if (format?.kind === 'name') return out('config/<unknown>\n');
  if (!format || format.kind === 'table' || format.kind === 'go-template')
    return out(
      '',
      format?.kind === 'go-template' ? 'kubectl config view -o go-template: not simulated on node1 (yaml, json and jsonpath are)\n' : badFormat(o),
      1,
    );
  const loaded = await loadKubeconfig(env, f.kubeconfig as string | undefined);
  if ('error' in loaded) return out('', loaded.error, 1);
  let cfg = loaded.config;
  if (f.minify) {
    if (f.context) cfg = { ...cfg, currentContext: f.context as string };
    const m = minified(cfg);
    if ('error' in m) return out('', `error: ${m.error}\n`, 1);
    cfg = m;
  }
  if (f.flatten) {
    const flat = await flattened(env, cfg);
    if (typeof flat === 'string') return out('', flat, 1);
    cfg = flat;
  } else if (!f.raw) cfg = redacted(cfg);
  if (format.kind === 'yaml') return out(kubeconfigYaml(cfg));
  if (format.kind === 'json') return out(`${goJson(toV1(cfg), 4, true)}\n`);
  if (format.kind !== 'jsonpath') return out('', badFormat(o), 1);
  try {
    return out(runJsonPath(format.template, JSON.parse(JSON.stringify(toV1(cfg)))));
  } catch (e) {
    // The first line of kubectl's answer, as output.ts prints it for get (the debugging dump of the object is left out).
    if (e instanceof JsonPathError)
      return out(
        '',
        `error: error executing jsonpath "${format.template}": Error executing template: ${e.message}. Printing more information for debugging the template:\n`,
        1,
      );
    throw e;
  }
}

/**
 * client-go@v0.30.5:tools/clientcmd/api/helpers.go FlattenConfig: each certificate or key a cluster or user names by
 * path (relative to the kubeconfig that holds it) becomes its -data field, the file's bytes in base64.
 */
async function flattened(env: CmdEnv, cfg: KubeConfig): Promise<KubeConfig | string> {
  const c = structuredClone(cfg);
  const pairs: [Stanza, string][] = [
    ['users', 'client-certificate'],
    ['users', 'client-key'],
    ['clusters', 'certificate-authority'],
  ];
  for (const [stanza, field] of pairs)
    for (const e of Object.values(c[stanza])) {
      const path = e.value[field];
      if (typeof path !== 'string' || !path) continue;
      if (e.value[`${field}-data`]) return 'error: cannot have values for both path and contents\n';
      const base = env.fs.resolvePath(env.cwd, e.origin).replace(/\/[^/]*$/, '') || '/';
      const abs = env.fs.resolvePath(base, path);
      if (!(await env.fs.exists(abs))) return `error: open ${abs}: no such file or directory\n`;
      e.value = { ...e.value, [field]: '', [`${field}-data`]: base64(await env.fs.readFile(abs)) };
      const order = STANZAS[stanza].fields.filter((k) => e.value[k] !== undefined && e.value[k] !== '');
      e.value = Object.fromEntries(order.map((k) => [k, e.value[k]]));
      if (stanza === 'clusters' && e.value.server === undefined) e.value = { server: '', ...e.value };
    }
  return c;
}

/** current_context.go: the merged Config's current-context, or `current-context is not set`. */
async function currentContext(args: string[], env: CmdEnv): Promise<ExecResult> {
  const p = parse(args, [], 'config current-context');
  if (!p.ok) return p.usage!;
  const loaded = await loadKubeconfig(env, p.flags.kubeconfig as string | undefined);
  if ('error' in loaded) return out('', loaded.error, 1);
  if (!loaded.config.currentContext) return out('', 'error: current-context is not set\n', 1);
  return out(`${loaded.config.currentContext}\n`);
}

/** get_contexts.go: a table of the contexts (or those named), `*` on the current one; `-o name`, `--no-headers`. */
async function getContexts(args: string[], env: CmdEnv): Promise<ExecResult> {
  const p = parse(
    args,
    [
      { long: 'output', short: 'o', type: 'string' },
      { long: 'no-headers', type: 'bool' },
    ],
    'config get-contexts',
  );
  if (!p.ok) return p.usage!;
  const o = p.flags.output as string | undefined;
  // get_contexts.go Complete: only "name" is a supported output.
  if (o && o !== 'name') return out('', `error: --output ${o} is not available in kubectl config get-contexts; resetting to default output format\n`, 1);
  const loaded = await loadKubeconfig(env, p.flags.kubeconfig as string | undefined);
  if ('error' in loaded) return out('', loaded.error, 1);
  const cfg = loaded.config;
  const errors: string[] = [];
  // get_contexts.go: the named contexts that exist; each one that does not is an error after the table.
  const names = p.rest.length ? p.rest.filter((n) => Object.hasOwn(cfg.contexts, n)) : Object.keys(cfg.contexts);
  for (const n of p.rest) if (!Object.hasOwn(cfg.contexts, n)) errors.push(`context ${n} not found`);
  const nameOnly = o === 'name';
  const lines: string[] = [];
  if (!p.flags['no-headers'] && !nameOnly) lines.push('CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE');
  for (const n of names.sort()) {
    const c = cfg.contexts[n]!.value;
    lines.push(nameOnly ? n : [cfg.currentContext === n ? '*' : ' ', n, c.cluster ?? '', c.user ?? '', c.namespace ?? ''].join('\t'));
  }
  const stdout = lines.length ? tabwriter(`${lines.join('\n')}\n`, 6, 3) : '';
  // utilerrors.NewAggregate: one error alone, else `[a, b]`.
  const err = errors.length === 0 ? '' : `error: ${errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`}\n`;
  return out(stdout, err, err ? 1 : 0);
}

/**
 * get_clusters.go / get_users.go: NAME and each name. get-users sorts them; get-clusters ranges over a Go map, whose
 * order is random from run to run: sorted here too, one of the orders a real kubectl may print.
 */
async function listNames(sub: string, stanza: 'clusters' | 'users', args: string[], env: CmdEnv): Promise<ExecResult> {
  const p = parse(args, [], `config ${sub}`);
  if (!p.ok) return p.usage!;
  const loaded = await loadKubeconfig(env, p.flags.kubeconfig as string | undefined);
  if ('error' in loaded) return out('', loaded.error, 1);
  return out(
    `NAME\n${Object.keys(loaded.config[stanza])
      .sort()
      .map((n) => `${n}\n`)
      .join('')}`,
  );
}
