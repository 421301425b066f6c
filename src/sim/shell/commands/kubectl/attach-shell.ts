/**
 * What `kubectl run -it` and `kubectl debug -it` attach to (kubernetes/kubectl@v0.30.5:pkg/cmd/attach/attach.go Run):
 * the container's main process. When that process is an interactive shell (sh, ash or bash with no arguments), the
 * attached stream becomes the learner's session, and leaving it ends the container's process.
 */
import type { Cluster } from '../../../k8s/cluster.ts';
import type { CmdEnv } from '../../types.ts';

/** The container's main process, when it is a shell the learner can take over; else undefined. */
export function shellOf(env: CmdEnv, cluster: Cluster, ns: string, pod: string, container: string) {
  const c = cluster.kubelet?.container(ns, pod, container);
  const init = c?.running ? env.host.kernel.procs.get(c.pid) : undefined;
  const root = c ? env.host.runc.roots.get(c.id) : undefined;
  const base = init?.argv[0]?.split('/').pop() ?? '';
  if (!c || !init || !root || !['sh', 'ash', 'bash'].includes(base) || init.argv.length !== 1) return undefined;
  return { id: c.id, init, root, bash: base === 'bash' };
}

/**
 * Makes the attached shell the learner's session. Leaving it exits the container's process with the shell's status;
 * bash says `exit` first, then comes what `after` prints for that status (kubectl's own lines).
 */
export function enterShell(env: CmdEnv, shell: NonNullable<ReturnType<typeof shellOf>>, after: (status: number) => string): void {
  const { id, init, root, bash } = shell;
  env.enterSession({
    proc: init,
    root: id,
    flavor: root.flavor,
    shell: bash ? 'bash' : 'sh',
    hostname: root.hostname,
    env: { ...init.env },
    cwd: root.workdir || '/',
    status: 0,
    onExit: (status) => {
      env.host.kernel.exit(init, status);
      return (bash ? 'exit\n' : '') + after(status);
    },
  });
}
