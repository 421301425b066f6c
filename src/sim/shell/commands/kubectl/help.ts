/**
 * `kubectl VERB --help` / `-h`, bare `kubectl` and `kubectl options`: kubectl v1.30's help pages. Each page's text
 * (help/*.ts, loaded only when asked) is what kubectl prints when stdout is not a terminal; on a terminal kubectl
 * word-wraps it to the terminal's width, and this module does the same:
 *   - kubernetes/kubectl@v0.30.5:pkg/util/templates/templater.go HelpFunc: the page goes through
 *     term.NewResponsiveWriter, which wraps at 80, 100 or 120 columns (the largest that fits; none under 80);
 *   - kubernetes/kubectl@v0.30.5:pkg/util/templates/help_flags_printer.go PrintHelpFlag: each flag's usage is wrapped
 *     first at that limit less 10 (`offset`) and its lines indented with a tab;
 *   - kubernetes/kubectl@v0.30.5:pkg/util/term/term_writer.go getTerminalLimitWidth, GetWordWrapperLimit.
 */
import type { CmdEnv } from '../../types.ts';

const PAGES: Record<string, () => Promise<{ default: string }>> = {
  '': () => import('./help/root.ts'),
  options: () => import('./help/options.ts'),
  annotate: () => import('./help/annotate.ts'),
  'api-resources': () => import('./help/api-resources.ts'),
  'api-versions': () => import('./help/api-versions.ts'),
  apply: () => import('./help/apply.ts'),
  auth: () => import('./help/auth.ts'),
  'auth can-i': () => import('./help/auth-can-i.ts'),
  'auth whoami': () => import('./help/auth-whoami.ts'),
  'cluster-info': () => import('./help/cluster-info.ts'),
  config: () => import('./help/config.ts'),
  'config current-context': () => import('./help/config-current-context.ts'),
  'config get-contexts': () => import('./help/config-get-contexts.ts'),
  'config delete-cluster': () => import('./help/config-delete-cluster.ts'),
  'config delete-context': () => import('./help/config-delete-context.ts'),
  'config delete-user': () => import('./help/config-delete-user.ts'),
  'config get-clusters': () => import('./help/config-get-clusters.ts'),
  'config get-users': () => import('./help/config-get-users.ts'),
  'config rename-context': () => import('./help/config-rename-context.ts'),
  'config set': () => import('./help/config-set.ts'),
  'config set-cluster': () => import('./help/config-set-cluster.ts'),
  'config set-context': () => import('./help/config-set-context.ts'),
  'config set-credentials': () => import('./help/config-set-credentials.ts'),
  'config unset': () => import('./help/config-unset.ts'),
  'config use-context': () => import('./help/config-use-context.ts'),
  'config view': () => import('./help/config-view.ts'),
  cordon: () => import('./help/cordon.ts'),
  create: () => import('./help/create.ts'),
  'create configmap': () => import('./help/create-configmap.ts'),
  'create deployment': () => import('./help/create-deployment.ts'),
  'create job': () => import('./help/create-job.ts'),
  'create namespace': () => import('./help/create-namespace.ts'),
  'create secret': () => import('./help/create-secret.ts'),
  'create secret docker-registry': () => import('./help/create-secret-docker-registry.ts'),
  'create secret generic': () => import('./help/create-secret-generic.ts'),
  'create secret tls': () => import('./help/create-secret-tls.ts'),
  'create service': () => import('./help/create-service.ts'),
  'create service clusterip': () => import('./help/create-service-clusterip.ts'),
  'create service externalname': () => import('./help/create-service-externalname.ts'),
  'create service loadbalancer': () => import('./help/create-service-loadbalancer.ts'),
  'create service nodeport': () => import('./help/create-service-nodeport.ts'),
  debug: () => import('./help/debug.ts'),
  delete: () => import('./help/delete.ts'),
  describe: () => import('./help/describe.ts'),
  diff: () => import('./help/diff.ts'),
  drain: () => import('./help/drain.ts'),
  events: () => import('./help/events.ts'),
  exec: () => import('./help/exec.ts'),
  explain: () => import('./help/explain.ts'),
  expose: () => import('./help/expose.ts'),
  get: () => import('./help/get.ts'),
  label: () => import('./help/label.ts'),
  logs: () => import('./help/logs.ts'),
  patch: () => import('./help/patch.ts'),
  replace: () => import('./help/replace.ts'),
  rollout: () => import('./help/rollout.ts'),
  'rollout history': () => import('./help/rollout-history.ts'),
  'rollout pause': () => import('./help/rollout-pause.ts'),
  'rollout restart': () => import('./help/rollout-restart.ts'),
  'rollout resume': () => import('./help/rollout-resume.ts'),
  'rollout status': () => import('./help/rollout-status.ts'),
  'rollout undo': () => import('./help/rollout-undo.ts'),
  run: () => import('./help/run.ts'),
  scale: () => import('./help/scale.ts'),
  set: () => import('./help/set.ts'),
  'set env': () => import('./help/set-env.ts'),
  'set image': () => import('./help/set-image.ts'),
  'set resources': () => import('./help/set-resources.ts'),
  'set selector': () => import('./help/set-selector.ts'),
  'set serviceaccount': () => import('./help/set-serviceaccount.ts'),
  taint: () => import('./help/taint.ts'),
  top: () => import('./help/top.ts'),
  'top node': () => import('./help/top-node.ts'),
  'top pod': () => import('./help/top-pod.ts'),
  uncordon: () => import('./help/uncordon.ts'),
  version: () => import('./help/version.ts'),
  wait: () => import('./help/wait.ts'),
};

/**
 * The subcommands of each parent command, by name and cobra alias, as kubernetes/kubectl@v0.30.5 builds them
 * (pkg/cmd/auth/auth.go, config/config.go, create/create.go, create_secret.go, create_service.go, rollout/rollout.go,
 * set/set.go, top/top.go, clusterinfo/clusterinfo.go): the page's name, or null for one whose page node1 has not got.
 */
const SUBCOMMANDS: Record<string, Record<string, string | null>> = {
  auth: { 'can-i': 'can-i', reconcile: null, whoami: 'whoami' },
  'cluster-info': { dump: null },
  config: Object.fromEntries(
    'current-context delete-cluster delete-context delete-user get-clusters get-contexts get-users rename-context set set-cluster set-context set-credentials unset use-context view'
      .split(' ')
      .map((c) => [c, c === 'current-context' || c === 'get-contexts' ? c : null]),
  ),
  create: {
    ...Object.fromEntries(
      'clusterrole clusterrolebinding cronjob cj ingress ing poddisruptionbudget pdb priorityclass pc quota resourcequota role rolebinding serviceaccount sa token'
        .split(' ')
        .map((c) => [c, null]),
    ),
    configmap: 'configmap',
    cm: 'configmap',
    deployment: 'deployment',
    deploy: 'deployment',
    job: 'job',
    namespace: 'namespace',
    ns: 'namespace',
    secret: 'secret',
    service: 'service',
    svc: 'service',
  },
  'create secret': { 'docker-registry': 'docker-registry', generic: 'generic', tls: 'tls' },
  'create service': { clusterip: 'clusterip', externalname: 'externalname', loadbalancer: 'loadbalancer', nodeport: 'nodeport' },
  rollout: { history: 'history', pause: 'pause', restart: 'restart', resume: 'resume', status: 'status', undo: 'undo' },
  set: { env: 'env', image: 'image', resources: 'resources', selector: 'selector', serviceaccount: 'serviceaccount', sa: 'serviceaccount', subject: null },
  top: { node: 'node', nodes: 'node', no: 'node', pod: 'pod', pods: 'pod', po: 'pod' },
};

/** Flags whose value is the next word (cobra's stripFlags skips it when it looks for a subcommand). */
const VALUED = /^(-n|--namespace|--context|--kubeconfig|--cluster|--user|-s|--server|-f|--filename|-o|--output|-l|--selector)$/;

/**
 * The page `kubectl WORDS… --help` shows (cobra@v1.7.0 command.go Find): the verb, then each word that names a
 * subcommand of the page so far; a word that names none ends the walk (the parent's page). Returns the page's name,
 * or { missing } for a subcommand kubectl has and node1's pages have not.
 */
export function pageFor(verb: string, args: readonly string[]): string | { missing: string } {
  const dash = args.indexOf('--');
  const words = (dash < 0 ? args : args.slice(0, dash)).filter((w, i, all) => !w.startsWith('-') && !(VALUED.test(all[i - 1] ?? '') && i > 0));
  let page = verb;
  for (const w of words) {
    const subs = Object.hasOwn(SUBCOMMANDS, page) ? SUBCOMMANDS[page] : undefined;
    if (!subs || !Object.hasOwn(subs, w)) break;
    const sub = subs[w];
    if (sub === null || sub === undefined) return { missing: `${page} ${w}` };
    page = `${page} ${sub}`;
  }
  return page;
}

/** The help page of `kubectl` (''), `kubectl options` or a verb (`config current-context`), wrapped as on env's terminal; undefined for a page node1 has not got. */
export async function helpPage(page: string, env: Pick<CmdEnv, 'columns' | 'tty'>): Promise<string | undefined> {
  const load = Object.hasOwn(PAGES, page) ? PAGES[page] : undefined;
  if (!load) return undefined;
  const text = (await load()).default;
  return wrapPage(text, env.tty ? limitFor(env.columns) : 0);
}

/** term_writer.go getTerminalLimitWidth. */
export const limitFor = (columns: number): number => (columns >= 120 ? 120 : columns >= 100 ? 100 : columns >= 80 ? 80 : 0);

/** A page as a terminal of this limit shows it (0: as printed to a pipe, unwrapped). */
export function wrapPage(text: string, limit: number): string {
  if (limit === 0) return text;
  // The flags: "    -o, --output='':\n\tUSAGE" blocks after "Options:" (or after `kubectl options`' heading).
  const start = /(^|\n)(Options:\n|The following options can be passed to any command:\n\n)/.exec(text);
  let body = text;
  if (start) {
    const from = start.index + start[0].length;
    const usageAt = text.indexOf('\n\nUsage:\n', from);
    const to = usageAt < 0 ? text.length : usageAt;
    const flags = text
      .slice(from, to)
      .replace(/^( {4}[^\n]*:)\n\t([^\n]*)$/gm, (_m, head: string, usage: string) => `${head}\n\t${wrapString(usage, limit - 10).replace(/\n/g, '\n\t')}`);
    body = text.slice(0, from) + flags + text.slice(to);
  }
  return wrapString(body, limit);
}

const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\v' || c === '\f' || c === '\r' || c === '\u0085' || /^\p{Zs}$/u.test(c);

/**
 * github.com/mitchellh/go-wordwrap@v1.0.1 WrapString, which kubectl v1.30 uses (go.mod): breaks only at white space,
 * counts runes, and drops the spaces where it breaks a line.
 */
export function wrapString(s: string, lim: number): string {
  let buf = '';
  let current = 0;
  let word = '';
  let space = '';
  let wordLen = 0;
  let spaceLen = 0;
  for (const ch of s) {
    if (ch === '\n') {
      if (wordLen === 0) {
        if (current + spaceLen > lim) current = 0;
        else {
          current += spaceLen;
          buf += space;
        }
        space = '';
        spaceLen = 0;
      } else {
        current += spaceLen + wordLen;
        buf += space + word;
        space = '';
        spaceLen = 0;
        word = '';
        wordLen = 0;
      }
      buf += ch;
      current = 0;
    } else if (isSpace(ch) && ch !== '\u00a0') {
      if (spaceLen === 0 || wordLen > 0) {
        current += spaceLen + wordLen;
        buf += space + word;
        space = '';
        spaceLen = 0;
        word = '';
        wordLen = 0;
      }
      space += ch;
      spaceLen++;
    } else {
      word += ch;
      wordLen++;
      if (current + wordLen + spaceLen > lim && wordLen < lim) {
        buf += '\n';
        current = 0;
        space = '';
        spaceLen = 0;
      }
    }
  }
  if (wordLen === 0) {
    if (current + spaceLen <= lim) buf += space;
  } else buf += space + word;
  return buf;
}
