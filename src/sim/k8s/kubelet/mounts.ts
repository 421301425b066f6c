/**
 * A container's volume mounts as the kubelet makes them (kubernetes@v1.30.5 pkg/kubelet/kubelet_pods.go makeMounts,
 * called by GenerateRunContainerOptions after the environment):
 * - subPathExpr is expanded against the container's variables (pkg/kubelet/container/helpers.go
 *   ExpandContainerVolumeMounts: an unknown or empty variable is the error `missing value for A, B`, sorted);
 * - the (expanded) subPath must not be absolute (`error SubPath `/x` must not be an absolute path`) nor hold a `..`
 *   element (`unable to provision SubPath `a/../b`: must not contain '..'`, pkg/volume/validation/pv_validation.go
 *   ValidatePathNoBacksteps); either error fails the container as CreateContainerConfigError (kuberuntime_container.go
 *   startContainer);
 * - hostPath: the node's directory (joined with the subPath) bound at mountPath; ConfigMap and Secret volumes: the
 *   atomic writer's tree (volumes.ts), read-only whatever the mount says (makeMounts: mustMountRO, the plugins'
 *   GetAttributes().ReadOnly); a subPath of one is bound as it is when the container is made, so it keeps that content
 *   (a copy of the payload here); emptyDir: the pod's one directory (shared by its containers), or the subPath directory
 *   in it, which makeMounts makes when missing (SafeMakeDir, with the volume directory's mode).
 * Not simulated: the kubelet's SafeMakeDir of a hostPath's missing subPath directory, with the volume directory's mode;
 * containerd's WithMounts makes it instead, 0755 (runtime/nodefs.ts).
 */
import type { DataVolume, EmptyDirMount } from '../../runtime/roots.ts';
import type { Obj } from './config.ts';
import { expand } from './envvars.ts';
import type { PodMountSources } from './volumes.ts';

interface Mount {
  name: string;
  mountPath: string;
  readOnly?: boolean;
  subPath?: string;
  subPathExpr?: string;
}

export interface Mounts {
  writable: string[];
  binds: { source: string; destination: string; readOnly: boolean }[];
  data: DataVolume[];
  emptyDirs: EmptyDirMount[];
}

/** The subPath of a mount, expanded and checked, or makeMounts' error. */
function subPathOf(m: Mount, vars: ReadonlyMap<string, string>): string | { error: string } {
  let sub = m.subPath ?? '';
  if (m.subPathExpr) {
    const missing = new Set<string>();
    sub = expand(m.subPathExpr, (k) => {
      const v = vars.get(k);
      if (!v) missing.add(k);
      return v ?? '';
    });
    if (missing.size) return { error: `missing value for ${[...missing].sort().join(', ')}` };
  }
  if (!sub) return '';
  if (sub.startsWith('/')) return { error: `error SubPath \`${sub}\` must not be an absolute path` };
  if (sub.split('/').includes('..')) return { error: `unable to provision SubPath \`${sub}\`: must not contain '..'` };
  return sub
    .split('/')
    .filter((p) => p && p !== '.')
    .join('/');
}

export function makeMounts(spec: Obj, c: Obj, sources: PodMountSources, vars: ReadonlyMap<string, string>): Mounts | { error: string } {
  const vols = new Map(((spec.volumes as { name: string; hostPath?: { path: string } }[] | undefined) ?? []).map((v) => [v.name, v]));
  const out: Mounts = { writable: [], binds: [], data: [], emptyDirs: [] };
  for (const m of (c.volumeMounts as Mount[] | undefined) ?? []) {
    const sub = subPathOf(m, vars);
    if (typeof sub !== 'string') return sub;
    const hp = vols.get(m.name)?.hostPath;
    const dv = sources.data.get(m.name);
    const ed = sources.emptyDirs.get(m.name);
    if (hp) out.binds.push({ source: sub ? `${hp.path.replace(/\/$/, '')}/${sub}` : hp.path, destination: m.mountPath, readOnly: Boolean(m.readOnly) });
    else if (dv) out.data.push(sub ? { ...dv, payload: { ...dv.payload }, subPath: sub, destination: m.mountPath } : { ...dv, destination: m.mountPath });
    else {
      if (ed) out.emptyDirs.push({ volume: ed, destination: m.mountPath, readOnly: Boolean(m.readOnly), ...(sub ? { subPath: sub } : {}) });
      if (!m.readOnly) out.writable.push(m.mountPath);
    }
  }
  return out;
}
