/**
 * The scheduler's NodeResourcesFit on node1 (kubernetes@v1.30 pkg/scheduler/framework/plugins/noderesources/fit.go):
 * a pod asking more than node1's allocatable minus what its pods request stays Pending with "Insufficient cpu" /
 * "Insufficient memory" and preemption's "No preemption victims found for incoming pod"; it is bound once a pod
 * bound to node1 is deleted and makes room (AssignedPodDelete moves it back to the active queue).
 */
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../../src/sim/index.ts';
import { fitReasons, podRequests, preemptionMessage } from '../../../src/sim/k8s/apiserver/fit.ts';
import type { KObject } from '../../../src/sim/k8s/types.ts';
import { write } from './helpers.ts';

const pod = (name: string, resources: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
  - name: app
    image: nginx
    resources:
${resources}
`;
const NO_VICTIMS = 'preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod..';

describe('NodeResourcesFit on node1', () => {
  it('cpu: 100 stays Pending with Insufficient cpu and the no-victims preemption part', async () => {
    const w = createWorld();
    await write(w, 'big.yaml', pod('big', '      requests:\n        cpu: "100"'));
    expect((await w.exec('kubectl apply -f big.yaml')).stdout).toBe('pod/big created\n');
    await w.exec('sleep 2');
    expect((await w.exec('kubectl get pod big --no-headers')).stdout).toMatch(/^big +0\/1 +Pending +0 /);
    const desc = (await w.exec('kubectl describe pod big')).stdout;
    expect(desc).toContain(`default-scheduler  0/1 nodes are available: 1 Insufficient cpu. ${NO_VICTIMS}\n`);
    expect(desc).toMatch(/Node: +<none>\n/);
    const cond = (await w.exec(`kubectl get pod big -o jsonpath='{.status.conditions[0].reason} {.status.conditions[0].message}'`)).stdout;
    expect(cond).toBe(`Unschedulable 0/1 nodes are available: 1 Insufficient cpu. ${NO_VICTIMS}`);
  });

  it('both short: the reasons sorted, "1 Insufficient cpu, 1 Insufficient memory"; limits default the requests', async () => {
    const w = createWorld();
    await write(w, 'big.yaml', pod('big', '      limits:\n        cpu: "8"\n        memory: 200Gi'));
    await w.exec('kubectl apply -f big.yaml');
    const ev = (await w.exec('kubectl get events --field-selector reason=FailedScheduling -o jsonpath={.items[*].message}')).stdout;
    expect(ev).toBe(`0/1 nodes are available: 1 Insufficient cpu, 1 Insufficient memory. ${NO_VICTIMS}`);
  });

  it('what node1 has left counts: kube-system requests 850m of 4 cpus, so 3150m fits and 3151m does not', async () => {
    const w = createWorld();
    await write(w, 'a.yaml', pod('a', '      requests:\n        cpu: 3150m'));
    await write(w, 'b.yaml', pod('b', '      requests:\n        cpu: 1m'));
    await w.exec('kubectl apply -f a.yaml');
    await w.exec('kubectl apply -f b.yaml');
    await w.exec('sleep 2');
    const pods = (await w.exec('kubectl get pods -o custom-columns=N:.metadata.name,P:.status.phase,NODE:.spec.nodeName --no-headers')).stdout;
    expect(pods).toMatch(/^a +Running +node1\nb +Pending +<none>\n$/);
    const node = (await w.exec('kubectl describe node node1')).stdout;
    expect(node).toMatch(/ {2}cpu +4 \(100%\) +0 \(0%\)\n/);
  });

  it('deleting a pod bound to node1 retries the Pending pod, which is bound and runs', async () => {
    const w = createWorld();
    await write(w, 'hog.yaml', pod('hog', '      requests:\n        cpu: "3"'));
    await write(w, 'web.yaml', pod('web', '      requests:\n        cpu: 500m'));
    await w.exec('kubectl apply -f hog.yaml');
    await w.exec('sleep 2');
    await w.exec('kubectl apply -f web.yaml');
    await w.exec('sleep 2');
    expect((await w.exec('kubectl get pod web --no-headers')).stdout).toMatch(/^web +0\/1 +Pending /);
    await w.exec('kubectl delete pod hog');
    await w.exec('sleep 3');
    expect((await w.exec('kubectl get pod web --no-headers')).stdout).toMatch(/^web +1\/1 +Running /);
    const desc = (await w.exec('kubectl describe pod web')).stdout;
    expect(desc).toContain('Successfully assigned default/web to node1');
    expect(desc).toContain(`0/1 nodes are available: 1 Insufficient cpu. ${NO_VICTIMS}`);
  });

  it('a deletion that does not make room records FailedScheduling again', async () => {
    const w = createWorld();
    await write(w, 'small.yaml', pod('small', '      requests:\n        cpu: 100m'));
    await write(w, 'big.yaml', pod('big', '      requests:\n        cpu: "100"'));
    await w.exec('kubectl apply -f small.yaml');
    await w.exec('kubectl apply -f big.yaml');
    await w.exec('kubectl delete pod small');
    const ev = (await w.exec('kubectl get events --field-selector reason=FailedScheduling --no-headers')).stdout;
    expect(ev).toMatch(/FailedScheduling +pod\/big +0\/1 nodes are available: 1 Insufficient cpu\./);
    expect((await w.exec('kubectl describe pod big')).stdout).toMatch(/FailedScheduling +\d+s \(x2 over \d+s\) +default-scheduler/);
  });

  it('a cordoned node1 answers NodeUnschedulable first (filters stop at the first refusal)', async () => {
    const w = createWorld();
    await w.exec('kubectl cordon node1');
    await write(w, 'big.yaml', pod('big', '      requests:\n        cpu: "100"'));
    await w.exec('kubectl apply -f big.yaml');
    const desc = (await w.exec('kubectl describe pod big')).stdout;
    expect(desc).toContain(
      '0/1 nodes are available: 1 node(s) were unschedulable. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling..',
    );
  });
});

describe('fit.ts', () => {
  const node = { status: { allocatable: { cpu: '2', memory: '1Gi', pods: '2' } } } as unknown as KObject;
  const bound = (cpu: string, priority = 0) =>
    ({
      metadata: { uid: cpu },
      spec: { nodeName: 'node1', priority, containers: [{ resources: { requests: { cpu } } }] },
      status: { phase: 'Running' },
    }) as unknown as KObject;

  it('PodRequests: init containers by max, a sidecar added, the overhead added', () => {
    const spec = {
      containers: [{ resources: { requests: { cpu: '500m', memory: '64Mi' } } }],
      initContainers: [{ restartPolicy: 'Always', resources: { requests: { cpu: '100m' } } }, { resources: { requests: { cpu: '1', memory: '32Mi' } } }],
      overhead: { cpu: '10m' },
    };
    const r = podRequests(spec);
    expect(r.get('cpu')).toBe(1110);
    expect(r.get('memory')).toBe(64 * 2 ** 20);
  });

  it('Too many pods, then each resource short; a terminated pod does not count', () => {
    expect(fitReasons(node, { containers: [{ resources: { requests: { cpu: '1' } } }] }, [bound('1500m'), bound('1m')])).toEqual([
      'Too many pods',
      'Insufficient cpu',
    ]);
    expect(fitReasons(node, { containers: [{}] }, [bound('2')])).toEqual([]);
  });

  it('preemption: Never, and lower-priority pods whose removal still leaves no room', () => {
    const spec = { priority: 10, containers: [{ resources: { requests: { cpu: '3' } } }] };
    expect(preemptionMessage(node, { ...spec, preemptionPolicy: 'Never' }, [])).toBe('preemption: not eligible due to preemptionPolicy=Never.');
    expect(preemptionMessage(node, spec, [bound('1', 0)])).toBe('preemption: 0/1 nodes are available: 1 Insufficient cpu.');
    expect(preemptionMessage(node, { ...spec, priority: 0 }, [bound('1', 0)])).toBe(
      'preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
    );
  });
});
