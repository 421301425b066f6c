/**
 * A pod's container → the CRI ContainerConfig the kubelet sends to containerd
 * (kubernetes@v1.30.0 pkg/kubelet/kuberuntime/kuberuntime_container.go
 * generateContainerConfig, kuberuntime_container_linux.go, security_context.go), and
 * containerd's user resolution (containerd@v1.7.22 pkg/cri/sbserver/container_create_linux.go:
 * runAsUser with runAsGroup, else the image's USER looked up in its /etc/passwd).
 */
import { linuxResources } from '../../../k8s/resources.ts';
import { effectiveSecurityContext, verifyRunAsNonRoot } from '../../../k8s/securitycontext.ts';
import type { LocalImage } from '../../image/store.ts';
import type { CriContainerConfig } from '../../runtime/containerd.ts';
import type { CgroupSpec } from '../../runtime/spec.ts';
import { cpuWeightOf } from '../../runtime/runc.ts';
import type { KObject } from '../types.ts';
import { type EnvSources, expand, makeEnv } from './envvars.ts';
import { makeMounts } from './mounts.ts';
import type { PodMountSources } from './volumes.ts';

export type Obj = Record<string, unknown>;

/** The kubernetes service's variables every container gets (enableServiceLinks; pkg/kubelet/envvars/envvars.go FromServices). */
const SERVICE_ENV: [string, string][] = [
  ['KUBERNETES_SERVICE_HOST', '10.96.0.1'],
  ['KUBERNETES_SERVICE_PORT', '443'],
  ['KUBERNETES_SERVICE_PORT_HTTPS', '443'],
  ['KUBERNETES_PORT', 'tcp://10.96.0.1:443'],
  ['KUBERNETES_PORT_443_TCP', 'tcp://10.96.0.1:443'],
  ['KUBERNETES_PORT_443_TCP_PROTO', 'tcp'],
  ['KUBERNETES_PORT_443_TCP_PORT', '443'],
  ['KUBERNETES_PORT_443_TCP_ADDR', '10.96.0.1'],
];

function passwdEntry(passwd: string, match: (f: string[]) => boolean): string[] | undefined {
  for (const line of passwd.split('\n')) {
    const f = line.split(':');
    if (f.length > 3 && match(f)) return f;
  }
  return undefined;
}

/** The image's USER as the kubelet reads it: a numeric uid, or a user name. */
export function imageUser(image: LocalImage): { uid: number | undefined; username: string } {
  const user = (image.image.config.config.User ?? '').split(':')[0] ?? '';
  if (user === '') return { uid: 0, username: '' };
  if (/^\d+$/.test(user)) return { uid: Number(user), username: '' };
  return { uid: undefined, username: user };
}

export function containerArgv(c: Obj, image: LocalImage): string[] {
  const cfg = image.image.config.config;
  const command = c.command as string[] | undefined;
  const args = c.args as string[] | undefined;
  if (command?.length) return [...command, ...(args ?? [])];
  return [...(cfg.Entrypoint ?? []), ...(args ?? cfg.Cmd ?? [])];
}

/**
 * containerd's env: HOSTNAME, the image's ENV, then the kubelet's variables (envvars.ts) replacing or appending (in
 * order). HOSTNAME is the sandbox config's hostname, or the node's when it is empty (containerd@v1.7.22:
 * pkg/cri/server/container_create_linux.go containerSpec: `if hostname == "" { hostname, err = c.os.Hostname() }`); the
 * kubelet leaves it empty for a host-network pod (kubernetes@v1.30.5:pkg/kubelet/kuberuntime/kuberuntime_sandbox.go
 * generatePodSandboxConfig: Hostname is set only `if !kubecontainer.IsHostNetworkPod(pod)`), so such a pod's
 * containers get the node's name.
 */
export function containerEnv(pod: KObject, image: LocalImage, nodeHostname: string, vars: [string, string][]): Record<string, string> {
  const spec = (pod.spec ?? {}) as Obj;
  // GeneratePodHostNameAndDomain (kubernetes@v1.30 pkg/kubelet/kubelet_pods.go): spec.hostname, else the pod's name.
  const own = typeof spec.hostname === 'string' && spec.hostname ? spec.hostname : pod.metadata.name;
  const env: Record<string, string> = { HOSTNAME: spec.hostNetwork === true ? nodeHostname : own };
  for (const e of image.image.config.config.Env ?? []) if (e.includes('=')) env[e.slice(0, e.indexOf('='))] = e.slice(e.indexOf('=') + 1);
  for (const [k, v] of vars) env[k] = v;
  return env;
}

/** The container cgroup's limits: shares (→ cpu.weight by runc's formula), quota, memory.max; oom.group on v2. */
export function cgroupOf(c: Obj): Omit<CgroupSpec, 'path'> {
  const r = linuxResources(c.resources as Parameters<typeof linuxResources>[0]);
  const out: Omit<CgroupSpec, 'path'> = { cpuWeight: cpuWeightOf(r.cpuShares), oomGroup: 1 };
  if (r.cpuQuota > 0) {
    out.cpuQuota = r.cpuQuota;
    out.cpuPeriod = r.cpuPeriod;
  }
  if (r.memoryLimit > 0) {
    out.memoryMax = r.memoryLimit;
    out.swapMax = 0;
  }
  return out;
}

/** generateContainerConfig: the CRI config, or the CreateContainerConfigError message. */
export function containerConfig(
  pod: KObject,
  c: Obj,
  image: LocalImage,
  attempt: number,
  files: Record<string, string>,
  nodeHostname: string,
  sources: EnvSources & { volumes?: PodMountSources },
): CriContainerConfig | { error: string } {
  const spec = (pod.spec ?? {}) as Obj;
  // GenerateRunContainerOptions (the environment first) comes before the image user's checks.
  const made = makeEnv(pod, c, SERVICE_ENV, sources);
  if ('error' in made) return made;
  const vars = new Map(made.vars);
  // GenerateRunContainerOptions' makeMounts (mounts.ts): hostPath binds, ConfigMap and Secret volumes, the others' own directories.
  const mounts = makeMounts(spec, c, sources.volumes ?? { data: new Map(), emptyDirs: new Map() }, vars);
  if ('error' in mounts) return mounts;
  const expandAll = (list: unknown) => (Array.isArray(list) ? list.map((a) => expand(String(a), (n) => vars.get(n))) : undefined);
  const sc = effectiveSecurityContext(spec, c);
  const name = String(c.name);
  const iu = imageUser(image);
  const err = verifyRunAsNonRoot(pod.metadata, name, sc, iu.uid, iu.username);
  if (err) return { error: err };
  const passwd = files['/etc/passwd'] ?? '';
  let uid: number;
  let gid: number;
  const groupPart = (image.image.config.config.User ?? '').split(':')[1];
  if (sc.runAsUser !== undefined) {
    uid = sc.runAsUser;
    gid = sc.runAsGroup ?? Number(passwdEntry(passwd, (f) => Number(f[2]) === uid)?.[3] ?? 0);
  } else if (iu.uid !== undefined) {
    uid = iu.uid;
    gid = sc.runAsGroup ?? (groupPart && /^\d+$/.test(groupPart) ? Number(groupPart) : Number(passwdEntry(passwd, (f) => Number(f[2]) === uid)?.[3] ?? 0));
  } else {
    const ent = passwdEntry(passwd, (f) => f[0] === iu.username);
    if (!ent) return { error: `failed to create containerd container: mount callback failed on /tmp/containerd-mount: no users found` };
    uid = Number(ent[2]);
    gid = sc.runAsGroup ?? Number(ent[3]);
  }
  // fsGroup and supplementalGroups become supplementary groups beside the primary one (containerd
  // WithAdditionalGIDs + WithSupplementalGroups); the kernel sorts the list (setgroups).
  const podSc = (spec.securityContext ?? {}) as { fsGroup?: number; supplementalGroups?: number[] };
  const extra = [...(podSc.fsGroup !== undefined ? [podSc.fsGroup] : []), ...(podSc.supplementalGroups ?? [])];
  const groups = extra.length ? [...new Set([gid, ...extra])].sort((a, b) => a - b) : undefined;
  const seccomp = sc.seccompProfile?.type === 'RuntimeDefault' || sc.seccompProfile?.type === 'Localhost' ? 'runtime/default' : 'unconfined';
  return {
    name,
    attempt,
    image: String(c.image),
    // ExpandContainerCommandAndArgs: `$(VAR)` in command and args from the container's variables.
    argv: containerArgv({ command: expandAll(c.command), args: expandAll(c.args) }, image),
    env: containerEnv(pod, image, nodeHostname, made.vars),
    uid,
    gid,
    ...(groups ? { groups } : {}),
    caps: { add: sc.capabilities?.add ?? [], drop: sc.capabilities?.drop ?? [] },
    privileged: Boolean(sc.privileged),
    // securitycontext.AddNoNewPrivileges: set only when allowPrivilegeEscalation is false.
    noNewPrivs: sc.allowPrivilegeEscalation === false,
    seccomp,
    readOnlyRoot: Boolean(sc.readOnlyRootFilesystem),
    writable: mounts.writable,
    ...(mounts.binds.length ? { binds: mounts.binds } : {}),
    ...(mounts.data.length ? { dataVolumes: mounts.data } : {}),
    ...(mounts.emptyDirs.length ? { emptyDirs: mounts.emptyDirs } : {}),
    cgroup: cgroupOf(c),
    workdir: (c.workingDir as string | undefined) || image.image.config.config.WorkingDir || '/',
    tty: Boolean(c.tty),
    stdin: Boolean(c.stdin),
    labels: {
      'io.kubernetes.container.name': name,
      'io.kubernetes.pod.name': pod.metadata.name,
      'io.kubernetes.pod.namespace': pod.metadata.namespace ?? 'default',
      'io.kubernetes.pod.uid': pod.metadata.uid,
    },
  };
}
