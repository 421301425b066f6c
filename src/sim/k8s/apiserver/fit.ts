/**
 * kube-scheduler v1.30's NodeResourcesFit filter on node1 and the preemption dry run after it:
 *   - a pod's requests (kubernetes@v1.30 pkg/api/v1/resource PodRequests, read in the copy kubectl@v0.30.5
 *     pkg/util/resource/resource.go podRequests says it simplifies; InPlacePodVerticalScaling is off): the containers' requests
 *     summed, then the max with each init container (a restartable "sidecar" init container adds to the sum and to
 *     the init containers after it), plus spec.overhead. On a Pod, limits have already defaulted the requests
 *     (defaults.ts SetDefaults_Pod);
 *   - fitsRequest (kubernetes pkg/scheduler/framework/plugins/noderesources/fit.go, read at a commit after v1.30; the
 *     same checks as v1.30's): "Too many pods" when the node's pods + 1 exceed allocatable pods, then, for a resource
 *     the pod requests (> 0), "Insufficient cpu" / "Insufficient memory" / "Insufficient ephemeral-storage" /
 *     "Insufficient NAME" when the request exceeds allocatable minus what the node's pods already request;
 *   - the node's pods are the scheduler cache's: bound to the node (spec.nodeName) and not Succeeded or Failed (the
 *     scheduler's pod informer selects status.phase!=Succeeded,status.phase!=Failed), terminating ones included;
 *   - defaultpreemption (pkg/scheduler/framework/plugins/defaultpreemption/default_preemption.go): a pod with
 *     preemptionPolicy Never is "not eligible due to preemptionPolicy=Never."; otherwise SelectVictimsOnNode removes
 *     every pod of lower priority: none, "No preemption victims found for incoming pod"; still no fit, the filter's
 *     reasons again.
 */
import { bytesValue, milliValue } from '../../../k8s/resources.ts';
import type { KObject } from '../types.ts';

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const list = (x: unknown): Obj[] => (Array.isArray(x) ? x.filter(isObj) : []);

/** A resource list in integers: cpu in millicores, everything else in units (Quantity.Value, rounded up). */
type Amounts = Map<string, number>;

const amount = (name: string, q: unknown): number => (name === 'cpu' ? milliValue(q) : bytesValue(q)) ?? 0;

function amounts(rl: unknown): Amounts {
  const m: Amounts = new Map();
  if (isObj(rl)) for (const [k, v] of Object.entries(rl)) m.set(k, amount(k, v));
  return m;
}
function add(into: Amounts, from: Amounts): void {
  for (const [k, v] of from) into.set(k, (into.get(k) ?? 0) + v);
}
function max(into: Amounts, from: Amounts): void {
  for (const [k, v] of from) if (v > (into.get(k) ?? 0)) into.set(k, v);
}
const requestsOf = (c: Obj): Amounts => amounts(isObj(c.resources) ? c.resources.requests : undefined);
const limitsOf = (c: Obj): Amounts => amounts(isObj(c.resources) ? c.resources.limits : undefined);

/** The containers summed, then the max with each init container (a restartable one adds to both sums). */
function podSum(spec: Obj, of: (c: Obj) => Amounts): Amounts {
  const total: Amounts = new Map();
  for (const c of list(spec.containers)) add(total, of(c));
  const sidecars: Amounts = new Map();
  const init: Amounts = new Map();
  for (const c of list(spec.initContainers)) {
    let r = of(c);
    if (c.restartPolicy === 'Always') {
      add(total, r);
      add(sidecars, r);
      r = sidecars;
    } else {
      const tmp: Amounts = new Map();
      add(tmp, r);
      add(tmp, sidecars);
      r = tmp;
    }
    max(init, r);
  }
  max(total, init);
  return total;
}

/** PodRequests (kubectl@v0.30.5 pkg/util/resource/resource.go podRequests): the overhead added. */
export function podRequests(spec: Obj): Amounts {
  const reqs = podSum(spec, requestsOf);
  add(reqs, amounts(spec.overhead));
  return reqs;
}

/** kubectl@v0.30.5 pkg/util/resource/resource.go podLimits: the overhead added to the limits that are set and non-zero. */
export function podLimits(spec: Obj): Amounts {
  const limits = podSum(spec, limitsOf);
  for (const [k, v] of amounts(spec.overhead)) if (limits.get(k)) limits.set(k, (limits.get(k) ?? 0) + v);
  return limits;
}

/** The scheduler cache's pods on the node: bound there and not terminated (a terminating pod still counts). */
export const podsOnNode = (pods: readonly KObject[], nodeName: string): KObject[] =>
  pods.filter((p) => isObj(p.spec) && p.spec.nodeName === nodeName && !['Succeeded', 'Failed'].includes(String((p.status as Obj | undefined)?.phase)));

/** fitsRequest's reasons, in its order ("" none: the pod fits). */
export function fitReasons(node: KObject, spec: Obj, onNode: readonly KObject[]): string[] {
  const alloc = amounts(isObj(node.status) ? node.status.allocatable : undefined);
  const reasons: string[] = [];
  if (onNode.length + 1 > (alloc.get('pods') ?? 0)) reasons.push('Too many pods');
  const want = podRequests(spec);
  const used: Amounts = new Map();
  for (const p of onNode) add(used, podRequests(isObj(p.spec) ? p.spec : {}));
  const fixed = ['cpu', 'memory', 'ephemeral-storage'];
  const scalar = [...want.keys()].filter((k) => !fixed.includes(k) && k !== 'pods').sort();
  for (const name of [...fixed, ...scalar]) {
    const r = want.get(name) ?? 0;
    if (r > 0 && r > (alloc.get(name) ?? 0) - (used.get(name) ?? 0)) reasons.push(`Insufficient ${name}`);
  }
  return reasons;
}

/** The preemption PostFilter's own message for a pod NodeResourcesFit refused (before FitError's " %v." adds a dot). */
export function preemptionMessage(node: KObject, spec: Obj, onNode: readonly KObject[]): string {
  if (spec.preemptionPolicy === 'Never') return 'preemption: not eligible due to preemptionPolicy=Never.';
  const priority = Number(spec.priority ?? 0);
  const victims = onNode.filter((p) => Number((p.spec as Obj | undefined)?.priority ?? 0) < priority);
  // Victims that would make room are preempted (evicted) in v1.30: that path is not simulated; the dry run's
  // answer without them is what the event then reads.
  const reasons = victims.length
    ? fitReasons(
        node,
        spec,
        onNode.filter((p) => !victims.includes(p)),
      )
    : [];
  return `preemption: 0/1 nodes are available: ${histogram(reasons.length ? reasons : ['No preemption victims found for incoming pod'])}.`;
}

/** FitError's reasons: one node, so each reason counted once ("1 REASON"), the strings sorted, ", " between. */
export const histogram = (reasons: readonly string[]): string =>
  reasons
    .map((r) => `1 ${r}`)
    .sort()
    .join(', ');
