/**
 * kubectl debug node/NAME (kubernetes/kubectl@v0.30.5:pkg/cmd/debug/debug.go visitNode, generateNodeDebugPod; profiles.go
 * the `node` debug style): a pod `node-debugger-NODE-xxxxx` pinned to the node, restartPolicy Never, tolerating every
 * taint, its one container `debugger` (or -c) running the image; the profile adds the node's root at /host (a hostPath
 * volume `host-root`) and the host's network, PID and IPC namespaces.
 */
import type { DebugOptionsBase } from './debug-copy.ts';
import { applyProfile } from './debug-profiles.ts';

type Obj = Record<string, unknown>;

export interface NodeDebugOptions extends DebugOptionsBase {
  node: string;
}

/** generateNodeDebugPod: the pod to create, its container's name and the note kubectl prints on stdout. */
export function nodeDebugPod(o: NodeDebugOptions): { body: Obj; name: string; container: string; stdout: string } {
  const cn = o.container || 'debugger';
  const pn = `node-debugger-${o.node}-${o.suffix()}`;
  const stdout = o.quiet ? '' : `Creating debugging pod ${pn} with container ${cn} on node ${o.node}.\n`;
  // Go's JSON leaves out the empty fields (omitempty).
  const c: Obj = {
    name: cn,
    image: o.image,
    ...(o.args.length ? { [o.argsOnly ? 'args' : 'command']: o.args } : {}),
    ...(o.env.length ? { env: o.env } : {}),
    terminationMessagePolicy: 'File',
    ...(o.pullPolicy ? { imagePullPolicy: o.pullPolicy } : {}),
    ...(o.interactive ? { stdin: true } : {}),
    ...(o.tty ? { tty: true } : {}),
  };
  const spec: Obj = { containers: [c], restartPolicy: 'Never', nodeName: o.node, tolerations: [{ operator: 'Exists' }] };
  const mountRootPartition = () => {
    // Keys in the order kubectl's jsonpath prints a decoded object (sorted).
    spec.volumes = [{ hostPath: { path: '/' }, name: 'host-root' }];
    c.volumeMounts = [{ mountPath: '/host', name: 'host-root' }];
  };
  const useHostNamespaces = () => Object.assign(spec, { hostNetwork: true, hostPID: true, hostIPC: true });
  // profiles.go, each profile's Apply for the node style.
  switch (o.profile) {
    case 'legacy':
    case 'general':
    case 'sysadmin':
      mountRootPartition();
      useHostNamespaces();
      break;
    case 'netadmin':
      useHostNamespaces();
      break;
  }
  // The container's securityContext: general clears it (no SYS_PTRACE for a node); the others as for a pod's container.
  if (o.profile === 'general') delete c.securityContext;
  else applyProfile(o.profile, c);
  return { body: { apiVersion: 'v1', kind: 'Pod', metadata: { name: pn }, spec }, name: pn, container: cn, stdout };
}
