/**
 * kubectl v1.30 on node1 (loaded the first time `kubectl` is typed): the verbs, one file each,
 * kubectl's usage text and its answer to an unknown verb.
 */
import type { ExecResult } from '../../../api.ts';
import type { CmdEnv } from '../../types.ts';
import { applyOrCreate } from './apply.ts';
import { out, parentCommand } from './common.ts';
import { get } from './get.ts';
import { debug } from './debug.ts';
import { del } from './delete.ts';
import { describe } from './describe.ts';
import { exec } from './exec.ts';
import { explain } from './explain.ts';
import { withKubelet } from './cluster.ts';
import { connect } from './connect.ts';
import { label } from './label.ts';
import { logs } from './logs.ts';
import { run } from './run.ts';
import { version } from './version.ts';
import { helpPage, pageFor } from './help.ts';

type Verb = (args: string[], env: CmdEnv) => Promise<ExecResult>;

/** kubectl@v0.30.5:pkg/cmd/create/create.go's subcommands (and their aliases) node1's kubectl does not build. */
const CREATE_UNBUILT =
  'clusterrole clusterrolebinding cronjob cj ingress ing poddisruptionbudget pdb priorityclass pc quota resourcequota role rolebinding serviceaccount sa token'.split(
    ' ',
  );

/** set.go's subcommands node1's kubectl does not build. */
const SET_UNBUILT = ['subject'];

const VERBS: Record<string, Verb> = {
  annotate: (a, e) => import('./annotate.ts').then((m) => m.annotate(a, e)),
  apply: (a, e) => applyOrCreate('apply', a, e),
  auth: (a, e) => import('./auth.ts').then((m) => m.auth(a, e)),
  'api-resources': (a, e) => import('./api-resources.ts').then((m) => m.apiResources(a, e)),
  'api-versions': (a, e) => import('./api-resources.ts').then((m) => m.apiVersions(a, e)),
  'cluster-info': (a, e) => import('./cluster-info.ts').then((m) => m.clusterInfo(a, e)),
  create: (a, e) => {
    // `kubectl create deployment|deploy …` (create_deployment.go), the subcommand word wherever the flags put it.
    const at = a.findIndex(
      (w, i) => (w === 'deployment' || w === 'deploy') && !/^(-n|--namespace|-f|--filename|-o|--output)$/.test(a[i - 1] ?? '') && !a.slice(0, i).includes('--'),
    );
    const first = a.findIndex((w, i) => !w.startsWith('-') && !/^(-n|--namespace|-f|--filename|-o|--output)$/.test(a[i - 1] ?? ''));
    if (at >= 0 && at === first) return import('./create-deployment.ts').then((m) => m.createDeployment([...a.slice(0, at), ...a.slice(at + 1)], e));
    // create configmap|cm and create secret generic (create-config.ts), secret docker-registry (create-secret-docker.ts), tls (create-secret-tls.ts).
    if (first >= 0 && (a[first] === 'configmap' || a[first] === 'cm'))
      return import('./create-config.ts').then((m) => m.createConfig('ConfigMap', 'configmap', [...a.slice(0, first), ...a.slice(first + 1)], e));
    if (first >= 0 && a[first] === 'secret') {
      const sub = a.findIndex((w, i) => i > first && !w.startsWith('-'));
      if (sub >= 0 && a[sub] === 'generic')
        return import('./create-config.ts').then((m) =>
          m.createConfig(
            'Secret',
            'secret generic',
            a.filter((_, i) => i !== first && i !== sub),
            e,
          ),
        );
      if (sub >= 0 && a[sub] === 'docker-registry')
        return import('./create-secret-docker.ts').then((m) =>
          m.createSecretDocker(
            a.filter((_, i) => i !== first && i !== sub),
            e,
          ),
        );
      if (sub >= 0 && a[sub] === 'tls')
        return import('./create-secret-tls.ts').then((m) =>
          m.createSecretTls(
            a.filter((_, i) => i !== first && i !== sub),
            e,
          ),
        );
      // create_secret.go: a parent command (cmdutil.DefaultSubCommandRun(ErrOut): RequireNoArguments, then its page on stderr).
      return helpPage('create secret', e).then((page) => parentCommand('create secret', sub >= 0 ? a.slice(sub) : [], page!));
    }
    // create job (create-job.ts); create service|svc clusterip|nodeport|loadbalancer|externalname (create-service.ts).
    if (first >= 0 && (a[first] === 'namespace' || a[first] === 'ns'))
      return import('./create-namespace.ts').then((m) =>
        m.createNamespace(
          a.filter((_, i) => i !== first),
          e,
        ),
      );
    if (first >= 0 && a[first] === 'job')
      return import('./create-job.ts').then((m) =>
        m.createJob(
          a.filter((_, i) => i !== first),
          e,
        ),
      );
    if (first >= 0 && (a[first] === 'service' || a[first] === 'svc')) {
      const sub = a.findIndex((w, i) => i > first && !w.startsWith('-'));
      if (sub >= 0 && ['clusterip', 'nodeport', 'loadbalancer', 'externalname'].includes(a[sub]!))
        return import('./create-service.ts').then((m) =>
          m.createService(
            a[sub]!,
            a.filter((_, i) => i !== first && i !== sub),
            e,
          ),
        );
      // create_service.go: a parent command, as create secret's.
      return helpPage('create service', e).then((page) => parentCommand('create service', sub >= 0 ? a.slice(sub) : [], page!));
    }
    // Not kubectl's words: create's other subcommands (create.go's list, help/create.ts) are not built; saying so beats
    // the "unknown flag" their flags would meet in create -f's parser.
    if (first >= 0 && CREATE_UNBUILT.includes(a[first]!))
      return Promise.resolve(
        out(
          '',
          `kubectl create ${a[first]}: not simulated on node1 (this kubectl creates: -f FILE, configmap, deployment, job, namespace, secret generic, service)\n`,
          1,
        ),
      );
    return applyOrCreate('create', a, e);
  },
  cordon: (a, e) => import('./drain.ts').then((m) => m.cordon('cordon', a, e)),
  debug,
  delete: del,
  describe,
  diff: (a, e) => import('./diff.ts').then((m) => m.diffCmd(a, e)),
  drain: (a, e) => import('./drain.ts').then((m) => m.cordon('drain', a, e)),
  events: (a, e) => import('./events.ts').then((m) => m.events(a, e)),
  exec,
  explain,
  expose: (a, e) => import('./expose.ts').then((m) => m.expose(a, e)),
  get,
  label,
  logs,
  patch: (a, e) => import('./patch.ts').then((m) => m.patchCmd(a, e)),
  replace: (a, e) => import('./replace.ts').then((m) => m.replaceCmd(a, e)),
  rollout: (a, e) => import('./rollout.ts').then((m) => m.rollout(a, e)),
  run,
  scale: (a, e) => import('./scale.ts').then((m) => m.scale(a, e)),
  taint: (a, e) => import('./taint.ts').then((m) => m.taint(a, e)),
  top: (a, e) => import('./top.ts').then((m) => m.top(a, e)),
  set: (a, e) => {
    // set.go's subcommands: image, env, resources, selector and serviceaccount|sa (set-*.ts) are built; subject is not.
    const at = a.findIndex((w) => !w.startsWith('-'));
    const sub = [...a.slice(0, at), ...a.slice(at + 1)];
    if (at >= 0 && a[at] === 'image') return import('./set-image.ts').then((m) => m.setImageCmd(sub, e));
    if (at >= 0 && a[at] === 'env') return import('./set-env.ts').then((m) => m.setEnv(sub, e));
    if (at >= 0 && a[at] === 'resources') return import('./set-resources.ts').then((m) => m.setResources(sub, e));
    if (at >= 0 && a[at] === 'selector') return import('./set-selector.ts').then((m) => m.setSelector(sub, e));
    if (at >= 0 && (a[at] === 'serviceaccount' || a[at] === 'sa')) return import('./set-serviceaccount.ts').then((m) => m.setServiceAccount(sub, e));
    if (at >= 0 && SET_UNBUILT.includes(a[at]!))
      return Promise.resolve(out('', `kubectl set ${a[at]}: not simulated on node1 (this kubectl sets: env, image, resources, selector, serviceaccount)\n`, 1));
    // set.go: DefaultSubCommandRun(streams.ErrOut): `unknown command` for a word, else the page on stderr, exit 1.
    return helpPage('set', e).then((page) => parentCommand('set', at >= 0 ? a.slice(at) : [], page!));
  },
  uncordon: (a, e) => import('./drain.ts').then((m) => m.cordon('uncordon', a, e)),
  version,
  config: (a, e) => import('./config.ts').then((m) => m.config(a, e)),
  wait: (a, e) => import('./wait.ts').then((m) => m.waitCmd(a, e)),
};

export const KUBECTL_VERBS = Object.keys(VERBS).sort();

const KNOWN_UNBUILT = ['edit', 'autoscale', 'certificate', 'attach', 'port-forward', 'proxy', 'cp', 'kustomize', 'completion', 'plugin'];

export async function kubectl(args: string[], env: CmdEnv): Promise<ExecResult> {
  // Global flags may come before the verb (`kubectl -n demo get pods`).
  const pre: string[] = [];
  let i = 0;
  while (i < args.length && args[i]!.startsWith('-')) {
    const a = args[i]!;
    pre.push(a);
    i++;
    if (/^(-n|--namespace|--context|--cluster|--user|--kubeconfig)$/.test(a) && i < args.length) pre.push(args[i++]!);
  }
  const verb = args[i];
  const rest = [...pre, ...args.slice(i + 1)];
  const dash = rest.indexOf('--');
  const asksHelp = (dash < 0 ? rest : rest.slice(0, dash)).some((a) => a === '--help' || a === '-h');
  // cmd.go: bare `kubectl` prints the root command's help; so do `kubectl --help` and `kubectl help`.
  if (verb === undefined || (verb === 'help' && args.length === i + 1)) return out((await helpPage('', env))!);
  // cobra's `help VERB` is `VERB --help`.
  if (verb === 'help') {
    const topic = args.slice(i + 1).filter((a) => !a.startsWith('-'));
    if (Object.hasOwn(VERBS, topic[0]!) || KNOWN_UNBUILT.includes(topic[0]!) || topic[0] === 'options') return help(topic[0]!, topic.slice(1), env);
    // cobra@v1.7.0 command.go InitDefaultHelpCmd: `Unknown help topic %#q` and the root's usage (its help without the
    // Long text), both on stderr, exit 0.
    const root = (await helpPage('', env))!;
    return out('', `Unknown help topic [${topic.map((t) => `\`${t}\``).join(' ')}]\n\n\n${root.slice(root.indexOf('Basic Commands (Beginner):'))}`);
  }
  if (verb === 'options') {
    // kubernetes/kubectl@v0.30.5:pkg/util/templates/templates.go OptionsHelpTemplate is empty: `kubectl options --help` prints nothing.
    return out(asksHelp ? '' : (await helpPage('options', env))!);
  }
  const run: Verb | undefined = Object.hasOwn(VERBS, verb) ? VERBS[verb] : undefined;
  if (run && asksHelp) return help(verb, rest, env);
  if (run) {
    // node1's kubelet joins the cluster the first time kubectl runs (it needs the image registry).
    await withKubelet(env);
    // `config` reads and writes the kubeconfig itself; `version --client` asks no server. The others ask the one the
    // kubeconfig names (connect.ts), with its context's namespace as their default.
    if (verb === 'config' || (verb === 'version' && rest.some((a) => /^--client(=true)?$/.test(a)))) return run(rest, env);
    const to = await connect(verb, rest, env);
    return 'result' in to ? to.result : run(rest, to.env);
  }
  if (KNOWN_UNBUILT.includes(verb)) {
    // Not kubectl's words: a real kubectl has this verb; the simulated one says plainly that it does not.
    return out('', `kubectl ${verb}: not simulated on node1 (this kubectl has: ${KUBECTL_VERBS.join(', ')})\n`, 1);
  }
  // cmd.go: an unknown subcommand.
  return out('', `error: unknown command "${verb}" for "kubectl"\n`, 1);
}

/** `kubectl VERB [SUB…] --help`: the page kubectl v1.30 prints (help.ts). */
async function help(verb: string, args: readonly string[], env: CmdEnv): Promise<ExecResult> {
  const page = pageFor(verb, args);
  const text = typeof page === 'string' ? await helpPage(page, env) : undefined;
  if (text !== undefined) return out(text);
  // Not kubectl's words: the page of a verb (or subcommand) node1 does not simulate is not reproduced.
  const what = typeof page === 'string' ? page : page.missing;
  return out(
    '',
    `kubectl ${what} --help: the help page is not simulated on node1; see https://kubernetes.io/docs/reference/kubectl/generated/kubectl_${what.replaceAll(' ', '_')}/\n`,
    1,
  );
}
