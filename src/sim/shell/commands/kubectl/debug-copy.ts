/**
 * kubectl debug POD --copy-to=NAME (kubernetes/kubectl@v0.30.5:pkg/cmd/debug/debug.go generatePodCopyWithDebugContainer
 * and debugByCopy; profiles.go for the podCopy style): a new pod with the original's spec (annotations kept, labels
 * not, no ephemeral containers, the node left to the scheduler unless --same-node), --set-image applied, and a debug
 * container added (or an existing one changed when -c names it). It is created, then the original deleted with
 * --replace.
 */
import type { KObject } from '../../../k8s/types.ts';
import { isObj, type Obj } from './obj.ts';

/** The DebugOptions every debugging style reads (the copy's, the node's). */
export interface DebugOptionsBase {
  image: string;
  container: string;
  args: string[];
  argsOnly: boolean;
  env: { name: string; value: string }[];
  pullPolicy: string;
  interactive: boolean;
  tty: boolean;
  quiet: boolean;
  profile: string;
  /** nameSuffixFunc(5). */
  suffix: () => string;
}

export interface CopyOptions extends DebugOptionsBase {
  copyTo: string;
  sameNode: boolean;
  /** --share-processes as given (undefined: not on the command line). */
  shareProcesses: boolean | undefined;
  setImages: Map<string, string>;
}

/** profiles.go for the podCopy style, on the debug container `c` of the copy. */
function applyCopyProfile(profile: string, pod: { metadata: Obj; spec: Obj }, c: Obj): void {
  const sc = (): Obj => (isObj(c.securityContext) ? c.securityContext : (c.securityContext = {}));
  const addCap = (cap: string) => {
    const s = sc();
    const caps = isObj(s.capabilities) ? s.capabilities : (s.capabilities = {});
    caps.add = [...(Array.isArray(caps.add) ? caps.add : []), cap];
  };
  // removeLabelsAndProbes
  const removeLabelsAndProbes = () => {
    delete pod.metadata.labels;
    for (const x of (pod.spec.containers as Obj[] | undefined) ?? []) for (const k of ['livenessProbe', 'readinessProbe', 'startupProbe']) delete x[k];
  };
  // shareProcessNamespace: only when the spec does not say.
  const share = () => {
    if (pod.spec.shareProcessNamespace === undefined) pod.spec.shareProcessNamespace = true;
  };
  switch (profile) {
    case 'legacy':
      return;
    case 'general':
      removeLabelsAndProbes();
      addCap('SYS_PTRACE');
      share();
      return;
    case 'baseline':
      delete c.securityContext;
      removeLabelsAndProbes();
      share();
      return;
    case 'restricted':
      c.securityContext = { capabilities: { drop: ['ALL'] }, runAsNonRoot: true, allowPrivilegeEscalation: false, seccompProfile: { type: 'RuntimeDefault' } };
      share();
      return;
    case 'netadmin':
      addCap('NET_ADMIN');
      addCap('NET_RAW');
      share();
      return;
    case 'sysadmin':
      sc().privileged = true;
      share();
      return;
  }
}

/** generatePodCopyWithDebugContainer: the pod to create, the container to attach to ('' for a --set-image only copy), and the notes kubectl prints. */
export function podCopy(pod: KObject, o: CopyOptions): { body: Obj; container: string; stdout: string } | { error: string } {
  const spec = structuredClone((pod.spec ?? {}) as Obj);
  const metadata: Obj = {
    name: o.copyTo,
    namespace: pod.metadata.namespace,
    ...(pod.metadata.annotations ? { annotations: { ...pod.metadata.annotations } } : {}),
  };
  const copy = { metadata, spec };
  delete spec.ephemeralContainers;
  if (o.shareProcesses !== undefined) spec.shareProcessNamespace = o.shareProcesses;
  if (!o.sameNode) delete spec.nodeName;
  const containers = (spec.containers as Obj[] | undefined) ?? [];
  for (const c of containers) {
    const override = o.setImages.get(String(c.name)) ?? o.setImages.get('*');
    if (override) c.image = override;
  }
  let stdout = '';
  const byName = (n: string) => [...containers, ...((spec.initContainers as Obj[] | undefined) ?? [])].find((c) => c.name === n);
  let name = o.container;
  let c = name ? byName(name) : undefined;
  if (!c) {
    if (!o.image) {
      if (o.setImages.size) return { body: { apiVersion: 'v1', kind: 'Pod', ...copy }, container: '', stdout };
      return { error: 'you must specify image when creating new container' };
    }
    if (!name) {
      // computeDebugContainerName
      while (!name || byName(name)) name = `debugger-${o.suffix()}`;
      if (!o.quiet) stdout += `Defaulting debug container name to ${name}.\n`;
    }
    c = { name, terminationMessagePolicy: 'File' };
    containers.push(c);
    spec.containers = containers;
  }
  if (o.args.length) {
    if (o.argsOnly) c.args = o.args;
    else {
      c.command = o.args;
      delete c.args;
    }
  }
  if (o.env.length) c.env = o.env;
  if (o.image) c.image = o.image;
  if (o.pullPolicy) c.imagePullPolicy = o.pullPolicy;
  if (o.interactive) c.stdin = true;
  else delete c.stdin;
  if (o.tty) c.tty = true;
  else delete c.tty;
  applyCopyProfile(o.profile, copy, c);
  return { body: { apiVersion: 'v1', kind: 'Pod', ...copy }, container: name, stdout };
}
