/**
 * kubectl exec (kubernetes/kubectl@v0.30.5:pkg/cmd/exec/exec.go): runs a command in a pod's
 * container through the kubelet, or with -it enters it as a shell, the way `docker exec` does
 * (the shell enters the container's root by id: runtime/roots.ts).
 */
import type { ExecResult } from '../../../api.ts';
import { resourceOfKind } from '../../../k8s/apiserver/resources.ts';
import type { CmdEnv } from '../../types.ts';
import { clusterFor } from './cluster.ts';
import { namespaceOf, out, parse } from './common.ts';

type Obj = Record<string, unknown>;
const FLAGS = [
  { long: 'container', short: 'c', type: 'string' as const },
  { long: 'stdin', short: 'i', type: 'bool' as const },
  { long: 'tty', short: 't', type: 'bool' as const },
  { long: 'quiet', short: 'q', type: 'bool' as const },
  { long: 'filename', short: 'f', type: 'list' as const },
  { long: 'pod-running-timeout', type: 'string' as const },
];
const PODS = resourceOfKind('v1', 'Pod')!;
const DEPRECATED = 'kubectl exec [POD] [COMMAND] is DEPRECATED and will be removed in a future version. Use kubectl exec [POD] -- [COMMAND] instead.\n';
const BUILTINS = ['echo', 'true', 'false', 'sh', 'test', 'printf', 'env', 'exit', 'cd', 'export'];

export async function exec(args: string[], env: CmdEnv): Promise<ExecResult> {
  const dash = args.indexOf('--');
  const p = parse(dash < 0 ? args : args.slice(0, dash), FLAGS, 'exec');
  if (!p.ok) return p.usage!;
  const quiet = Boolean(p.flags.quiet);
  let stderr = '';
  // exec.go Complete: the command follows `--`; without it the words after the pod still are, with a warning.
  const podName = p.rest[0];
  const command = dash < 0 ? p.rest.slice(1) : args.slice(dash + 1);
  if (dash < 0 && p.rest.length > 1 && !quiet) stderr += DEPRECATED;
  // exec.go Validate
  if (!podName) return out('', 'error: pod, type/name or --filename must be specified\n', 1);
  if (!command.length) return out('', `${stderr}error: you must specify at least one command for the container\n`, 1);
  const cluster = clusterFor(env.host);
  await cluster.sync();
  const ns = namespaceOf(p.flags, env);
  const name = podName.startsWith('pod/') || podName.startsWith('pods/') || podName.startsWith('po/') ? podName.slice(podName.indexOf('/') + 1) : podName;
  const pod = cluster.api.get(PODS, ns, name);
  if (!pod) return out('', `${stderr}Error from server (NotFound): pods "${name}" not found\n`, 1);
  const phase = String((pod.status as Obj | undefined)?.phase ?? 'Pending');
  if (phase === 'Succeeded' || phase === 'Failed')
    return out('', `${stderr}error: cannot exec into a container in a completed pod; current phase is ${phase}\n`, 1);
  let container = p.flags.container as string | undefined;
  if (!container) {
    // pkg/cmd/util/podcmd/podcmd.go FindOrDefaultContainerByName
    const spec = pod.spec as Obj;
    const names = (k: string) => ((spec[k] as Obj[] | undefined) ?? []).map((c) => String(c.name));
    const containers = names('containers');
    const annotated = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
    container = annotated && containers.includes(annotated) ? annotated : containers[0]!;
    // AllContainerNames: containers, then ephemeral ones, then init containers.
    const all = [...containers, ...names('ephemeralContainers').map((n) => `${n} (ephem)`), ...names('initContainers').map((n) => `${n} (init)`)];
    if (container !== annotated && !quiet && all.length > 1) stderr += `Defaulted container "${container}" out of: ${all.join(', ')}\n`;
  }
  // The kubelet answers for a container it is not running (pkg/kubelet/server: the streaming request).
  const c = cluster.kubelet?.container(ns, name, container);
  if (!c?.running) return out('', `${stderr}error: unable to upgrade connection: container not found ("${container}")\n`, 1);
  const k = env.host.kernel;
  const init = k.procs.get(c.pid);
  const root = env.host.runc.roots.get(c.id);
  if (!init || !root) return out('', `${stderr}error: unable to upgrade connection: container not found ("${container}")\n`, 1);
  const argv0 = command[0]!;
  const base = argv0.split('/').pop() ?? '';
  const known = root.commands.includes(base) || argv0 in root.files || (root.commands.includes('sh') && BUILTINS.includes(base));
  if (!known) {
    // containerd's exec of a missing program: runc's lookPath error, through the CRI and the API server.
    const why = argv0.includes('/') ? `stat ${argv0}: no such file or directory` : 'executable file not found in $PATH';
    return out(
      '',
      `${stderr}error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${env.host.rng.hex(64)}": OCI runtime exec failed: exec failed: unable to start container process: exec: "${argv0}": ${why}: unknown\n`,
      1,
    );
  }
  const shellLike = ['sh', 'bash', 'ash'].includes(base) && command.length === 1;
  if (shellLike && p.flags.stdin) {
    const proc = env.host.runc.execProcess(init, k.procs.get(init.ppid), command, init.uid, init.gid, {});
    proc.tty = p.flags.tty ? 'pts/0' : '?';
    proc.reaps = true;
    proc.handlers = new Set([2, 15]);
    env.enterSession({
      proc,
      root: c.id,
      flavor: root.flavor,
      shell: base === 'bash' ? 'bash' : 'sh',
      hostname: root.hostname,
      env: { ...proc.env },
      cwd: root.workdir || '/',
      status: 0,
      onExit: (status) => {
        k.exit(proc, status);
        return base === 'bash' ? 'exit\n' : '';
      },
    });
    return out('', stderr);
  }
  const r = await env.host.runc.exec(c.pid, command, { tty: Boolean(p.flags.tty) });
  if (!r) return out('', `${stderr}error: unable to upgrade connection: container not found ("${container}")\n`, 1);
  // A TTY carries stderr on stdout (exec.go: p.ErrOut = nil when raw).
  const text = p.flags.tty ? { stdout: r.stdout + r.stderr, stderr: '' } : r;
  // client-go remotecommand: a non-zero status becomes CodeExitError, which kubectl prints as it is.
  if (r.exitCode !== 0) return out(text.stdout, `${stderr}${text.stderr}command terminated with exit code ${r.exitCode}\n`, r.exitCode);
  return out(text.stdout, stderr + text.stderr);
}
