/**
 * kubectl run NAME --image=IMAGE (staging/src/k8s.io/kubectl/pkg/cmd/run/run.go): a Pod labelled
 * run=NAME with one container NAME; --restart, --env, --labels, --port, --command, --privileged, -- args;
 * --dry-run=client -o yaml prints the manifest. With -i/-t it waits for the pod and attaches (run.go
 * handleAttachPod): an interactive shell becomes the learner's session, as `kubectl exec -it` does; a pod that
 * already completed has its logs printed (logOpts). --rm deletes the pod afterwards (removeCreatedObjects).
 */
import type { ExecResult } from '../../../api.ts';
import { ApiError } from '../../../k8s/apiserver/index.ts';
import { resourceOfKind } from '../../../k8s/apiserver/resources.ts';
import type { KObject } from '../../../k8s/types.ts';
import type { CmdEnv } from '../../types.ts';
import { enterShell, shellOf } from './attach-shell.ts';
import { clusterFor } from './cluster.ts';
import { DRY_RUN_FLAG, dryRunOf, errorText, namespaceOf, out, parse, warnFirst } from './common.ts';
import { badFormat, parseFormat, printObjects } from './output.ts';
import { annotationsOf, withLastApplied } from './save-config.ts';

const FLAGS = [
  { long: 'image', type: 'string' as const },
  { long: 'restart', type: 'string' as const },
  { long: 'env', type: 'list' as const },
  { long: 'labels', short: 'l', type: 'string' as const },
  { long: 'port', type: 'string' as const },
  { long: 'command', type: 'bool' as const },
  { long: 'rm', type: 'bool' as const },
  { long: 'stdin', short: 'i', type: 'bool' as const },
  { long: 'tty', short: 't', type: 'bool' as const },
  DRY_RUN_FLAG,
  { long: 'output', short: 'o', type: 'string' as const },
  { long: 'image-pull-policy', type: 'string' as const },
  // kubectl@v0.30.5:pkg/cmd/run/run.go "If true, run the container in privileged mode."; pkg/generate/versioned/run.go
  // BasicPod.Generate sets the container's securityContext to {privileged: true}.
  { long: 'privileged', type: 'bool' as const },
  // cmdutil.AddApplyAnnotationFlags; run.go createGeneratedObject annotates unless --dry-run=client (save-config.ts).
  { long: 'save-config', type: 'bool' as const },
];

export async function run(args: string[], env: CmdEnv): Promise<ExecResult> {
  const dash = args.indexOf('--');
  const own = dash < 0 ? args : args.slice(0, dash);
  const p = parse(own, FLAGS, 'run');
  if (!p.ok) return p.usage!;
  const f = p.flags;
  const [name, ...extra] = p.rest;
  const argv = [...extra, ...(dash < 0 ? [] : args.slice(dash + 1))];
  if (!name) return out('', "error: NAME is required for run\nSee 'kubectl run -h' for help and examples\n", 1);
  if (!f.image) return out('', 'error: required flag(s) "image" not set\n', 1);
  const restart = (f.restart as string | undefined) ?? 'Always';
  if (!['Always', 'OnFailure', 'Never'].includes(restart)) return out('', `error: invalid restart policy: ${restart}\n`, 1);
  // kubernetes/kubectl@v0.30.5:pkg/cmd/run/run.go Run: the usage errors, in its order.
  if (f.tty && !f.stdin) return out('', "error: -i/--stdin is required for containers with -t/--tty=true\nSee 'kubectl run -h' for help and examples\n", 1);
  if (f.rm && !f.stdin && !f.tty) return out('', "error: --rm should only be used for attached containers\nSee 'kubectl run -h' for help and examples\n", 1);
  const attach = Boolean(f.stdin);
  const dryRun = dryRunOf(env, f);
  if ('error' in dryRun) return dryRun.error;
  const dry = dryRun.mode;
  if (attach && dry !== 'none')
    return out(
      '',
      `${dryRun.warning}error: --dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)\nSee 'kubectl run -h' for help and examples\n`,
      1,
    );
  const format = parseFormat(f.output as string | undefined);
  if (!format) return out('', badFormat(String(f.output)), 1);
  const labels: Record<string, string> = {};
  if (f.labels) for (const kv of String(f.labels).split(',')) labels[kv.split('=')[0]!] = kv.split('=').slice(1).join('=');
  else labels.run = name;
  const container: Record<string, unknown> = { name, image: f.image };
  if (argv.length) container[f.command ? 'command' : 'args'] = argv;
  if (f.env) container.env = (f.env as string[]).map((kv) => ({ name: kv.split('=')[0], value: kv.split('=').slice(1).join('=') }));
  if (f.port) container.ports = [{ containerPort: Number(f.port) }];
  if (f['image-pull-policy']) container.imagePullPolicy = f['image-pull-policy'];
  container.resources = {};
  if (f.privileged) container.securityContext = { privileged: true };
  // pkg/generate/versioned/run.go BasicPod.Generate: Stdin, StdinOnce (!leaveStdinOpen && stdin), TTY.
  if (attach) Object.assign(container, { stdin: true, stdinOnce: true, ...(f.tty ? { tty: true } : {}) });
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { creationTimestamp: null, labels, name },
    spec: { containers: [container], dnsPolicy: 'ClusterFirst', restartPolicy: restart },
    status: {},
  };
  const r = resourceOfKind('v1', 'Pod')!;
  if (dry === 'client') {
    if (format.kind === 'table') return warnFirst(dryRun.warning, out(`pod/${name} created (dry run)\n`));
    return warnFirst(dryRun.warning, out(printObjects(format, [{ r, o: pod as never }], true, true).stdout));
  }
  const cluster = clusterFor(env.host);
  try {
    const { status: _status, ...body } = pod;
    void _status;
    const res = cluster.api.create(
      { ...body, metadata: { labels, name, ...annotationsOf(withLastApplied(f['save-config'] === true, pod, true)) } },
      namespaceOf(f, env),
      { dryRun: dry === 'server' },
    );
    await cluster.sync();
    let stderr = '';
    if (dry === 'server') {
      for (const w of res.warnings) stderr += `Warning: ${w}\n`;
      if (format.kind !== 'table') return out(printObjects(format, [{ r, o: res.obj }], true).stdout, stderr);
      return out(`pod/${name} created (server dry run)\n`, stderr);
    }
    for (const w of res.warnings) stderr += `Warning: ${w}\n`;
    if (attach) return attachTo(env, name, namespaceOf(f, env), Boolean(f.rm), stderr, restart);
    if (format.kind !== 'table') return out(printObjects(format, [{ r, o: res.obj }], true).stdout, stderr);
    return out(`pod/${name} created\n`, stderr);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    return out('', errorText(e), 1);
  }
}

/** run.go handleAttachPod, then removeCreatedObjects for --rm (delete's `pod "NAME" deleted`). */
function attachTo(env: CmdEnv, name: string, ns: string, rm: boolean, warnings: string, restart: string): ExecResult {
  const cluster = clusterFor(env.host);
  const pods = resourceOfKind('v1', 'Pod')!;
  const remove = () => {
    if (!rm) return '';
    try {
      cluster.api.delete(pods, ns, name);
      void cluster.sync();
      return `pod "${name}" deleted\n`;
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      return '';
    }
  };
  const shell = shellOf(env, cluster, ns, name, name);
  if (shell) {
    // kubernetes/kubectl@v0.30.5:pkg/cmd/attach/attach.go Run: the prompt hint goes to stderr before the stream is attached;
    // the deletion line is pkg/cmd/delete/delete.go's operation printer ("deleted").
    // The shell was the container's process: its status is the container's exit code (reason Error when not 0).
    enterShell(env, shell, (status) => {
      const ended =
        restart === 'Never' && status !== 0
          ? exitOf(
              {
                metadata: { name, namespace: ns },
                status: { phase: 'Failed', containerStatuses: [{ state: { terminated: { exitCode: status, reason: 'Error' } } }] },
              } as unknown as KObject,
              restart,
            )
          : undefined;
      return remove() + (ended?.stderr ?? '');
    });
    return out('', `${warnings}If you don't see a command prompt, try pressing enter.\n`);
  }
  // The pod already completed: logOpts prints its container's log instead of attaching.
  const log = cluster.kubelet?.logs(ns, name, name, false) ?? '';
  const ended = exitOf(cluster.api.get(pods, ns, name), restart);
  return out(log + remove(), warnings + ended.stderr, ended.exitCode);
}

/**
 * kubernetes/kubectl@v0.30.5:pkg/cmd/run/run.go Run, after the attach: with --restart=Never it waits for the pod to
 * complete and returns its container's exit code (a uexec.CodeExitError, which cmdutil.CheckErr prints without an
 * `error: ` prefix and exits with: pkg/cmd/util/helpers.go checkErr). The deferred --rm deletion prints first.
 * With --restart=Always (or -i left open) it does not wait and exits 0.
 */
function exitOf(pod: KObject | undefined, restart: string): { stderr: string; exitCode: number } {
  if (!pod || restart !== 'Never') return { stderr: '', exitCode: 0 };
  const status = pod.status as
    | { phase?: string; containerStatuses?: { state?: { terminated?: { exitCode: number; reason?: string; message?: string } } }[] }
    | undefined;
  if (status?.phase !== 'Failed') return { stderr: '', exitCode: 0 };
  const ns = pod.metadata.namespace ?? 'default';
  const t = status.containerStatuses?.[0]?.state?.terminated;
  // run.go: "pod %s/%s failed with unknown exit code" when there is no terminated state or its code is 0.
  if (!t || t.exitCode === 0) return { stderr: `error: pod ${ns}/${pod.metadata.name} failed with unknown exit code\n`, exitCode: 1 };
  // fmt.Errorf("pod %s/%s terminated (%s)\n%s", …, Reason, Message); fatal() adds the final newline when missing.
  const msg = `pod ${ns}/${pod.metadata.name} terminated (${t.reason ?? ''})\n${t.message ?? ''}`;
  return { stderr: msg.endsWith('\n') ? msg : `${msg}\n`, exitCode: t.exitCode };
}
