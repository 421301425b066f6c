/**
 * The kubelet's conversions of a container's resources into what the CRI carries
 * (FACTS §3): kubernetes@v1.30.0 pkg/kubelet/cm/helpers_linux.go MilliCPUToShares and
 * MilliCPUToQuota, and the QoS class (pkg/apis/core/v1/helper/qos/qos.go GetPodQOS).
 */
import { parseQuantity } from './quantity.ts';

export const MIN_SHARES = 2;
export const MAX_SHARES = 262144;
export const SHARES_PER_CPU = 1024;
export const QUOTA_PERIOD = 100000;
export const MIN_QUOTA_PERIOD = 1000;

export function milliCpuToShares(milli: number): number {
  if (milli === 0) return MIN_SHARES;
  const shares = Math.floor((milli * SHARES_PER_CPU) / 1000);
  return Math.min(MAX_SHARES, Math.max(MIN_SHARES, shares));
}

export function milliCpuToQuota(milli: number, period = QUOTA_PERIOD): number {
  if (milli === 0) return 0;
  const quota = Math.floor((milli * period) / 1000);
  return Math.max(quota, MIN_QUOTA_PERIOD);
}

/** resource.Quantity MilliValue (rounded up), for cpu. */
export function milliValue(q: unknown): number | undefined {
  const p = parseQuantity(q);
  return p ? Math.ceil(p.value * 1000 - 1e-9) : undefined;
}

/** resource.Quantity Value (rounded up), for memory. */
export function bytesValue(q: unknown): number | undefined {
  const p = parseQuantity(q);
  return p ? Math.ceil(p.value - 1e-9) : undefined;
}

export interface LinuxResources {
  cpuShares: number;
  cpuQuota: number;
  cpuPeriod: number;
  /** 0: no limit. */
  memoryLimit: number;
}

type Res = { requests?: Record<string, unknown>; limits?: Record<string, unknown> } | undefined;

/** kuberuntime_container_linux.go generateLinuxContainerResources: requests.cpu (or limits.cpu) → shares, limits → quota and memory. */
export function linuxResources(resources: Res): LinuxResources {
  const req = resources?.requests ?? {};
  const lim = resources?.limits ?? {};
  // A limit with no request: the API server defaults the request to the limit.
  const cpuReq = milliValue(req.cpu ?? lim.cpu) ?? 0;
  const cpuLim = milliValue(lim.cpu) ?? 0;
  return { cpuShares: milliCpuToShares(cpuReq), cpuQuota: milliCpuToQuota(cpuLim), cpuPeriod: QUOTA_PERIOD, memoryLimit: bytesValue(lim.memory) ?? 0 };
}

export type QosClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

/** GetPodQOS over the regular containers: requests = limits for cpu and memory everywhere → Guaranteed; nothing set → BestEffort. */
export function podQos(containers: { resources?: Res }[]): QosClass {
  let any = false;
  let guaranteed = true;
  for (const c of containers) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    for (const r of ['cpu', 'memory']) {
      const l = lim[r];
      const q = req[r] ?? l;
      if (q !== undefined || l !== undefined) any = true;
      if (l === undefined || q === undefined || parseQuantity(q)?.value !== parseQuantity(l)?.value) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
