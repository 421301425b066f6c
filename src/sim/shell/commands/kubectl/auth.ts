/**
 * `kubectl auth can-i` and `kubectl auth whoami` (kubernetes/kubectl@v0.30.5:pkg/cmd/auth/auth.go, cani.go, whoami.go)
 * as node1's admin.conf user asks them: kubeadm v1.30 issues it the client certificate CN=kubernetes-admin,
 * O=kubeadm:cluster-admins (fs/kubeadm-files.ts), a group bound to cluster-admin, so every SelfSubjectAccessReview is
 * allowed; the SelfSubjectRulesReview is cluster-admin's rules with system:basic-user's, system:discovery's and
 * system:public-info-viewer's (kubernetes@v1.30.0 plugin/pkg/auth/authorizer/rbac/bootstrappolicy/policy.go), broken
 * down and compacted (rbacutil.BreakdownRule, CompactRules: non-resource rules are not merged) and sorted by each
 * rule's String() (SortableRuleSlice): `[*]` verbs first, then `[create]`, then `[get]`.
 */
import type { ExecResult } from '../../../api.ts';
import { tabwriter } from '../../kit/tabwriter.ts';
import type { CmdEnv } from '../../types.ts';
import { out, parentCommand, parse, warnFirst } from './common.ts';
import { DISCOVERY } from './discovery.ts';
import { helpPage } from './help.ts';

/** cli-runtime@v0.30.5 pkg/printers/warningprinter.go: `Warning: ` (yellow and bold on a terminal: term.AllowsColorOutput). */
const warning = (env: CmdEnv, message: string) => (env.tty ? `\x1b[33;1mWarning:\x1b[0m ${message}\n` : `Warning: ${message}\n`);

const RESOURCE_VERBS = new Set(['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection', 'use', 'bind', 'impersonate', '*']);
const NON_RESOURCE_VERBS = new Set(['get', 'put', 'post', 'head', 'options', 'delete', 'patch', '*']);

const CAN_I_FLAGS = [
  { long: 'all-namespaces', short: 'A', type: 'bool' as const },
  { long: 'quiet', short: 'q', type: 'bool' as const },
  { long: 'subresource', type: 'string' as const },
  { long: 'list', type: 'bool' as const },
  { long: 'no-headers', type: 'bool' as const },
];

/** printStatus's rows: Resources, Non-Resource URLs, Resource Names, Verbs. */
const RULES: [string, string, string][] = [
  ['*.*', '[]', '[*]'],
  ['', '[*]', '[*]'],
  ['selfsubjectreviews.authentication.k8s.io', '[]', '[create]'],
  ['selfsubjectaccessreviews.authorization.k8s.io', '[]', '[create]'],
  ['selfsubjectrulesreviews.authorization.k8s.io', '[]', '[create]'],
  ...[
    '/api/*',
    '/api',
    '/apis/*',
    '/apis',
    '/healthz',
    '/healthz',
    '/livez',
    '/livez',
    '/openapi/*',
    '/openapi',
    '/readyz',
    '/readyz',
    '/version/',
    '/version/',
    '/version',
    '/version',
  ].map((u): [string, string, string] => ['', `[${u}]`, '[get]']),
];

async function canI(args: string[], env: CmdEnv): Promise<ExecResult> {
  const p = parse(args, CAN_I_FLAGS, 'auth can-i');
  if (!p.ok) return p.usage!;
  const f = p.flags;
  let stderr = '';
  // Complete.
  if (f.list) {
    if (p.rest.length) return out('', 'error: list option must be specified with no arguments\n', 1);
    if (f.quiet || f['all-namespaces'] || f.subresource)
      return out('', "error: list option can't be specified with neither quiet, all-namespaces nor subresource options\n", 1);
    const lines = [...(f['no-headers'] ? [] : ['Resources\tNon-Resource URLs\tResource Names\tVerbs']), ...RULES.map(([r, u, v]) => `${r}\t${u}\t[]\t${v}`)];
    return out(tabwriter(`${lines.join('\n')}\n`, 6, 3));
  }
  if (p.rest.length !== 2)
    return out(
      '',
      "error: you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples.\n",
      1,
    );
  const [verb, what] = p.rest as [string, string];
  let resource: (typeof DISCOVERY)[number] | undefined;
  let group = '';
  const nonResource = what.startsWith('/');
  if (!nonResource) {
    // A TYPE/NAME's name goes into the review; cluster-admin's answer does not depend on it.
    const type = what.split('/')[0];
    if (type !== '*') {
      // resourceFor: the RESTMapper's plural, singular or short name, with an optional `.group`.
      const lower = type!.toLowerCase();
      const dot = lower.indexOf('.');
      const base = dot < 0 ? lower : lower.slice(0, dot);
      group = dot < 0 ? '' : lower.slice(dot + 1);
      resource = DISCOVERY.find(
        (d) => (d.name === base || d.kind.toLowerCase() === base || d.shortNames.split(',').includes(base)) && (dot < 0 || d.group === group),
      );
      if (!resource && !['users', 'groups'].includes(lower))
        stderr += warning(
          env,
          group ? `the server doesn't have a resource type '${base}' in group '${group}'\n` : `the server doesn't have a resource type '${base}'\n`,
        );
    }
  }
  // Validate.
  if (nonResource) {
    if (f.subresource) return out('', `${stderr}error: --subresource can not be used with NonResourceURL\n`, 1);
    if (!NON_RESOURCE_VERBS.has(verb)) stderr += warning(env, `verb '${verb}' is not a known verb\n`);
  } else if (resource && !f['all-namespaces']) {
    if (!resource.namespaced)
      stderr += warning(
        env,
        resource.group
          ? `resource '${resource.name}' is not namespace scoped in group '${resource.group}'\n`
          : `resource '${resource.name}' is not namespace scoped\n`,
      );
    if (!RESOURCE_VERBS.has(verb)) stderr += warning(env, `verb '${verb}' is not a known verb\n`);
  }
  if (f['no-headers']) return out('', `${stderr}error: --no-headers cannot be set without --list specified\n`, 1);
  // RunAccessCheck: cluster-admin allows it all (-q: nothing printed, the exit code says).
  return warnFirst(stderr, out(f.quiet ? '' : 'yes\n'));
}

async function whoami(args: string[], _env: CmdEnv): Promise<ExecResult> {
  const p = parse(args, [{ long: 'output', short: 'o', type: 'string' as const }], 'auth whoami');
  if (!p.ok) return p.usage!;
  // Not kubectl's words: -o prints the SelfSubjectReview object, which node1's kubectl does not build.
  if (p.flags.output) return out('', 'kubectl auth whoami -o: not simulated on node1 (this kubectl prints the table)\n', 1);
  // printTableSelfSubjectAccessReview: Username, then Groups as Go prints a []string.
  return out(tabwriter('ATTRIBUTE\tVALUE\nUsername\tkubernetes-admin\nGroups\t[kubeadm:cluster-admins system:authenticated]\n', 6, 3));
}

/** auth.go: a parent command (cmdutil.DefaultSubCommandRun) over can-i, reconcile and whoami. */
export async function auth(args: string[], env: CmdEnv): Promise<ExecResult> {
  const at = args.findIndex((a, i) => !a.startsWith('-') && !/^(-n|--namespace|--context|--kubeconfig)$/.test(args[i - 1] ?? ''));
  const sub = at >= 0 ? args[at] : undefined;
  const rest = args.filter((_, i) => i !== at);
  if (sub === 'can-i') return canI(rest, env);
  if (sub === 'whoami') return whoami(rest, env);
  // Not kubectl's words: reconcile applies RBAC objects from -f, which node1's API server does not keep.
  if (sub === 'reconcile') return out('', 'kubectl auth reconcile: not simulated on node1 (this kubectl has: auth can-i, auth whoami)\n', 1);
  return parentCommand('auth', at >= 0 ? args.slice(at) : [], (await helpPage('auth', env))!);
}
