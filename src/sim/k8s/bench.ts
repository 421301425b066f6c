/**
 * Issue #11's two kubectl figures, through the world facade (virtual clock, Node): `kubectl get pods` (p50/p99 over
 * a namespace with one Deployment's pod) and `kubectl apply -f` of a one-replica Deployment until its pod is Running
 * (the apply, the controllers, the kubelet's image pull from the registry into containerd's store, the sandbox and the
 * container start: `kubectl apply` runs the cluster until it settles). Each round is a fresh world whose kubectl is
 * loaded first (`kubectl version`) and whose registry already holds nginx (`docker pull nginx`), so the figure is the
 * cluster's work, not the first load of the Kubernetes code or the registry's.
 */
import { turn } from '../bench.ts';
import { createWorld } from '../index.ts';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: nginx
`;

const quantile = (sorted: number[], q: number) => Number((sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1))] ?? 0).toFixed(3));

/** Wall time, and the process's CPU time (user + system, which a shared machine's other load does not inflate). */
export interface KubectlBenchRow {
  measure: string;
  samples: number;
  p50Ms: number;
  p99Ms: number;
  cpuP50Ms: number;
  cpuP99Ms: number;
}

/** cpuMs: the process's CPU clock in ms (the bench script passes Node's process.cpuUsage; this module stays pure). */
export async function benchKubectl(cpuMs: () => number, rounds = 20, gets = 50): Promise<KubectlBenchRow[]> {
  const apply: number[] = [];
  const get: number[] = [];
  const applyCpu: number[] = [];
  const getCpu: number[] = [];
  // Round -1 warms the JIT (its figures are dropped): the first apply in a process compiles the Kubernetes code.
  for (let r = -1; r < rounds; r++) {
    const w = createWorld(undefined, { clock: 'virtual' });
    await w.exec(`cat > /root/deploy.yaml <<'EOF'\n${DEPLOYMENT}EOF`);
    for (const line of ['kubectl version', 'docker pull -q nginx']) {
      const res = await w.exec(line);
      if (res.exitCode !== 0) throw new Error(`bench: ${line} failed:\n${res.stderr}`);
    }
    // A turn of the event loop before each timed line, as the terminal has (src/sim/bench.ts turn).
    await turn();
    const t0 = performance.now();
    const c0 = cpuMs();
    const res = await w.exec('kubectl apply -f /root/deploy.yaml');
    if (r >= 0) apply.push(performance.now() - t0);
    if (r >= 0) applyCpu.push(cpuMs() - c0);
    const pods = (await w.exec('kubectl get pods --no-headers')).stdout;
    if (res.exitCode !== 0 || !/ 1\/1 +Running /.test(pods))
      throw new Error(`bench: the Deployment's pod is not Running after kubectl apply:\n${res.stderr}${pods}`);
    for (let i = 0; i < gets; i++) {
      await turn();
      const t = performance.now();
      const c = cpuMs();
      await w.exec('kubectl get pods');
      if (r >= 0) get.push(performance.now() - t);
      if (r >= 0) getCpu.push(cpuMs() - c);
    }
  }
  const row = (measure: string, s: number[], cpu: number[]): KubectlBenchRow => {
    const sorted = [...s].sort((a, b) => a - b);
    const cpuSorted = [...cpu].sort((a, b) => a - b);
    return {
      measure,
      samples: s.length,
      p50Ms: quantile(sorted, 0.5),
      p99Ms: quantile(sorted, 0.99),
      cpuP50Ms: quantile(cpuSorted, 0.5),
      cpuP99Ms: quantile(cpuSorted, 0.99),
    };
  };
  return [
    row('kubectl get pods (1 pod; budget p99 ≤ 5 ms)', get, getCpu),
    row('kubectl apply -f of a Deployment until its pod is Running (budget ≤ 20 ms)', apply, applyCpu),
  ];
}
