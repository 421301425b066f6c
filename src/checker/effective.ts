/**
 * The effective securityContext of each container: container value, else the
 * pod-level value for the fields Kubernetes inherits, else the Kubernetes
 * default, each with where it came from. This is the analysis the peers get
 * wrong (checkov#3300, kube-score#239, trivy#9329).
 */
import { isPlainObject, pointer, type Workload } from './parse/yaml.ts';
import type { Origin } from './types.ts';

export type ContainerGroup = 'initContainers' | 'containers' | 'ephemeralContainers';

export interface ContainerRef {
  name: string;
  group: ContainerGroup;
  index: number;
  /** JSON pointer of the container in its document. */
  path: string;
  spec: Record<string, unknown>;
}

export function containersOf(w: Workload, groups: ContainerGroup[] = ['initContainers', 'containers', 'ephemeralContainers']): ContainerRef[] {
  const out: ContainerRef[] = [];
  for (const group of groups) {
    const list = w.podSpec[group];
    if (!Array.isArray(list)) continue;
    list.forEach((c, index) => {
      if (!isPlainObject(c)) return;
      out.push({ name: typeof c.name === 'string' ? c.name : `#${index}`, group, index, path: `${w.podSpecPath}/${group}/${index}`, spec: c });
    });
  }
  return out;
}

/** Fields of PodSecurityContext that a container inherits when it does not set them. */
export const INHERITED = ['runAsUser', 'runAsGroup', 'runAsNonRoot', 'seLinuxOptions', 'seccompProfile', 'appArmorProfile', 'windowsOptions'] as const;

/** Kubernetes' defaults for container-only fields (what the runtime does when unset). */
const DEFAULTS: Record<string, unknown> = {
  privileged: false,
  allowPrivilegeEscalation: true,
  readOnlyRootFilesystem: false,
  procMount: 'Default',
};

export function getPath(obj: unknown, dotted: string): unknown {
  let v: unknown = obj;
  for (const seg of dotted.split('.')) {
    if (!isPlainObject(v)) return undefined;
    v = v[seg];
  }
  return v;
}

export interface EffectiveValue {
  value: unknown;
  origin: Origin;
  /** JSON pointer where the value is (or would be) set on the container. */
  containerPath: string;
}

/**
 * Effective value of `field` (dotted, relative to securityContext, e.g. `seccompProfile.type`)
 * for container `c` of workload `w`. The pod level is consulted for inherited fields only.
 */
/** A field's pointer below securityContext and whether the pod level is consulted: worked out once per field name (bounded cache). */
const fields = new Map<string, { ptr: string; inherited: boolean }>();

function fieldInfo(field: string): { ptr: string; inherited: boolean } {
  let info = fields.get(field);
  if (!info) {
    const segs = field.split('.');
    info = { ptr: pointer(...segs), inherited: (INHERITED as readonly string[]).includes(segs[0]!) };
    if (fields.size >= 256) fields.clear();
    if (field.length <= 256) fields.set(field, info);
  }
  return info;
}

export function effective(w: Workload, c: ContainerRef, field: string, locate?: (ptr: string) => { line: number }): EffectiveValue {
  const { ptr, inherited } = fieldInfo(field);
  const containerPath = `${c.path}/securityContext${ptr}`;
  const own = getPath(c.spec.securityContext, field);
  if (own !== undefined && own !== null) {
    return { value: own, origin: { from: 'container', path: containerPath, line: locate?.(containerPath).line }, containerPath };
  }
  if (inherited) {
    const podPath = `${w.podSpecPath}/securityContext${ptr}`;
    const pod = getPath(w.podSpec.securityContext, field);
    if (pod !== undefined && pod !== null) {
      return { value: pod, origin: { from: 'pod', path: podPath, line: locate?.(podPath).line }, containerPath };
    }
  }
  // allowPrivilegeEscalation is always true for privileged containers or with CAP_SYS_ADMIN.
  return { value: Object.hasOwn(DEFAULTS, field) ? DEFAULTS[field] : undefined, origin: { from: 'default' }, containerPath };
}

/** "runAsNonRoot: true, from the pod spec, line 12" */
export function describeOrigin(field: string, v: EffectiveValue): { en: string; 'zh-cn': string } {
  const val = v.value === undefined ? 'unset' : JSON.stringify(v.value);
  switch (v.origin.from) {
    case 'container':
      return { en: `${field}: ${val}, set on the container, line ${v.origin.line}`, 'zh-cn': `${field}: ${val}，在容器上设置，第 ${v.origin.line} 行` };
    case 'pod':
      return { en: `${field}: ${val}, from the pod spec, line ${v.origin.line}`, 'zh-cn': `${field}: ${val}，继承自 Pod 规约，第 ${v.origin.line} 行` };
    case 'image':
      return { en: `${field}: ${val}, from the image`, 'zh-cn': `${field}: ${val}，来自镜像` };
    default:
      return { en: `${field}: ${val} (Kubernetes default; not set anywhere)`, 'zh-cn': `${field}: ${val}（Kubernetes 默认值，未在任何地方设置）` };
  }
}
