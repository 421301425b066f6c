/**
 * The effective securityContext of a container and the kubelet's runAsNonRoot check.
 *
 * - effectiveSecurityContext: kubernetes@v1.30.0 pkg/securitycontext/util.go
 *   DetermineEffectiveSecurityContext. The pod's runAsUser, runAsGroup, runAsNonRoot,
 *   seLinuxOptions, seccompProfile and appArmorProfile apply unless the container sets its own;
 *   capabilities, privileged, readOnlyRootFilesystem, allowPrivilegeEscalation and procMount are
 *   container-only.
 * - verifyRunAsNonRoot: kubernetes@v1.30.0 pkg/kubelet/kuberuntime/security_context_others.go,
 *   with format.Pod (pkg/kubelet/util/format/pod.go): `name_namespace(uid)`.
 */

export interface SecurityContext {
  runAsUser?: number;
  runAsGroup?: number;
  runAsNonRoot?: boolean;
  fsGroup?: number;
  supplementalGroups?: number[];
  readOnlyRootFilesystem?: boolean;
  allowPrivilegeEscalation?: boolean;
  privileged?: boolean;
  capabilities?: { add?: string[]; drop?: string[] };
  seccompProfile?: { type?: string; localhostProfile?: string };
  appArmorProfile?: { type?: string; localhostProfile?: string };
  procMount?: string;
}

const POD_LEVEL = ['runAsUser', 'runAsGroup', 'runAsNonRoot', 'seLinuxOptions', 'seccompProfile', 'appArmorProfile'] as const;

function record(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/** The container's securityContext with the pod's defaults filled in (undefined fields stay unset). */
export function effectiveSecurityContext(podSpec: Record<string, unknown>, container: Record<string, unknown>): SecurityContext {
  const pod = record(podSpec.securityContext) ?? {};
  const own = record(container.securityContext) ?? {};
  const out: Record<string, unknown> = { ...own };
  for (const k of POD_LEVEL) if (out[k] === undefined && pod[k] !== undefined) out[k] = pod[k];
  return out as SecurityContext;
}

/** `name_namespace(uid)`, as the kubelet names a pod in messages. */
export function formatPod(meta: { name: string; namespace?: string; uid: string }): string {
  return `${meta.name}_${meta.namespace ?? 'default'}(${meta.uid})`;
}

/**
 * undefined when the container may start; else the kubelet's error (CreateContainerConfigError).
 * `uid` is the image user when numeric, `username` the image user when it is a name.
 */
export function verifyRunAsNonRoot(
  pod: { name: string; namespace?: string; uid: string },
  containerName: string,
  sc: SecurityContext,
  uid: number | undefined,
  username: string,
): string | undefined {
  if (!sc.runAsNonRoot) return undefined;
  const where = `(pod: "${formatPod(pod)}", container: ${containerName})`;
  if (sc.runAsUser !== undefined) return sc.runAsUser === 0 ? `container's runAsUser breaks non-root policy ${where}` : undefined;
  if (uid === undefined && username.length > 0)
    return `container has runAsNonRoot and image has non-numeric user (${username}), cannot verify user is non-root ${where}`;
  if (uid === 0) return `container has runAsNonRoot and image will run as root ${where}`;
  if (uid !== undefined && (uid < 0 || uid > 2147483647))
    return `container has runAsNonRoot and image has an invalid user id (${uid}). (Must be 1-(2147483647)): must be between 0 and 2147483647, inclusive ${where}`;
  return undefined;
}
