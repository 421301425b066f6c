/**
 * Session 22's controllers around node maintenance: the ReplicaSet controller recreates kube-system's evicted CoreDNS
 * pods (kubernetes@v1.30.0 pkg/controller/replicaset/replica_set.go), the scheduler binds them once node1 is
 * uncordoned (pkg/scheduler/internal/queue: a Node update moves unschedulable pods back to the active queue).
 */
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../../src/sim/index.ts';
import { write } from './helpers.ts';

const UNSCHEDULABLE =
  '0/1 nodes are available: 1 node(s) were unschedulable. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling..';

describe('drain, then uncordon: CoreDNS comes back', () => {
  it('the evicted CoreDNS pods are recreated Pending on the cordoned node1 and run after uncordon', async () => {
    const w = createWorld();
    const progressing = `kubectl get deploy coredns -n kube-system -o jsonpath='{.status.conditions[?(@.type=="Progressing")]}'`;
    const before = (await w.exec(progressing)).stdout;
    const d = await w.exec('kubectl drain node1 --ignore-daemonsets');
    expect(d.stdout).toContain('pod/coredns-7db6d8ff4d-gx5mk evicted\n');
    const pods = await w.exec('kubectl get pods -n kube-system -l k8s-app=kube-dns -o custom-columns=N:.metadata.name,P:.status.phase --no-headers');
    const lines = pods.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    for (const l of lines) expect(l).toMatch(/^coredns-7db6d8ff4d-[a-z0-9]{5} +Pending$/);
    expect(lines.join()).not.toContain('gx5mk');
    const name = lines[0]!.split(' ')[0]!;
    const ev = await w.exec('kubectl get events -n kube-system');
    expect(ev.stdout).toContain(`FailedScheduling   pod/${name}`);
    expect(ev.stdout).toContain(UNSCHEDULABLE);
    expect(ev.stdout).toMatch(/SuccessfulCreate +replicaset\/coredns-7db6d8ff4d +Created pod: coredns-7db6d8ff4d-/);
    expect((await w.exec('kubectl get deploy coredns -n kube-system')).stdout).toMatch(/coredns +0\/2 +2 +0 /);
    await w.exec('kubectl uncordon node1');
    await w.exec('sleep 5');
    const after = await w.exec('kubectl get pods -n kube-system -l k8s-app=kube-dns --no-headers');
    expect(after.stdout).toMatch(/^coredns-7db6d8ff4d-\w{5} +1\/1 +Running +0 /);
    expect((await w.exec('kubectl get deploy coredns -n kube-system --no-headers')).stdout).toMatch(/^coredns +2\/2 +2 +2 /);
    // progress.go syncRolloutStatus: a completed rollout's Progressing condition is not estimated again.
    expect((await w.exec(progressing)).stdout).toBe(before);
    const desc = await w.exec(`kubectl describe pod -n kube-system ${name}`);
    expect(desc.stdout).toContain(`Successfully assigned kube-system/${name} to node1`);
  });

  it('kubectl scale on CoreDNS: the Deployment controller scales its ReplicaSet, which makes the third pod', async () => {
    const w = createWorld();
    expect((await w.exec('kubectl scale deploy coredns -n kube-system --replicas=3')).stdout).toBe('deployment.apps/coredns scaled\n');
    await w.exec('sleep 3');
    expect((await w.exec('kubectl get deploy coredns -n kube-system --no-headers')).stdout).toMatch(/^coredns +3\/3 +3 +3 /);
    expect((await w.exec('kubectl describe deploy coredns -n kube-system')).stdout).toContain('Scaled up replica set coredns-7db6d8ff4d to 3 from 2');
  });

  it('an undisturbed kube-system keeps its fixture objects (no resourceVersion moves)', async () => {
    const w = createWorld();
    const before = (await w.exec('kubectl get rs,deploy -n kube-system -o jsonpath={..resourceVersion}')).stdout;
    await w.exec('kubectl create deployment web --image=nginx');
    await w.exec('sleep 2');
    expect((await w.exec('kubectl get rs,deploy -n kube-system -o jsonpath={..resourceVersion}')).stdout).toBe(before);
  });
});

const PATIENT = `apiVersion: v1
kind: Pod
metadata:
  name: patient
spec:
  containers:
  - name: c
    image: nginx
  tolerations:
  - key: k
    operator: Exists
    effect: NoExecute
    tolerationSeconds: 20
`;

describe('NoExecute taints: the taint eviction controller', () => {
  it('evicts at once a pod that does not tolerate the taint; its ReplicaSet makes a new one, Pending', async () => {
    const w = createWorld();
    await w.exec('kubectl create deployment web --image=nginx');
    await w.exec('kubectl run solo --image=busybox -- sleep 3600');
    await w.exec('sleep 3');
    const old = (await w.exec('kubectl get pods -l app=web -o name')).stdout.trim().replace('pod/', '');
    expect((await w.exec('kubectl taint node node1 k=v:NoExecute')).stdout).toBe('node/node1 tainted\n');
    const ev = (await w.exec('kubectl events --for pod/solo')).stdout;
    expect(ev).toMatch(/Normal +TaintManagerEviction +Pod\/solo +Marking for deletion Pod default\/solo\n/);
    // The reference has no uid: describe, which selects by uid, does not list it (taint_eviction.go emitPodDeletionEvent).
    expect((await w.exec(`kubectl get events -o jsonpath='{.items[?(@.reason=="TaintManagerEviction")].involvedObject}'`)).stdout).not.toContain('uid');
    expect((await w.exec(`kubectl get pod solo -o jsonpath='{.status.conditions[?(@.type=="DisruptionTarget")].message}'`)).stdout).toBe(
      'Taint manager: deleting due to NoExecute taint',
    );
    await w.exec('sleep 35');
    expect((await w.exec('kubectl get pod solo')).stderr).toBe('Error from server (NotFound): pods "solo" not found\n');
    const pods = (await w.exec('kubectl get pods -l app=web --no-headers')).stdout;
    expect(pods).toMatch(/^web-\w+-\w{5} +0\/1 +Pending +0 /);
    expect(pods).not.toContain(old);
    // kube-proxy (operator: Exists) and the control plane's mirror pods (NoExecute, Exists) tolerate it forever.
    expect((await w.exec('kubectl get pods -n kube-system --no-headers')).stdout).toMatch(/kube-proxy-\w+ +1\/1 +Running/);
    expect((await w.exec('kubectl taint node node1 k-')).stdout).toBe('node/node1 untainted\n');
    await w.exec('sleep 3');
    expect((await w.exec('kubectl get pods -l app=web --no-headers')).stdout).toMatch(/^web-\w+-\w{5} +1\/1 +Running +0 /);
  });

  it('a pod tolerating the taint for tolerationSeconds goes when they run out; the taint removed first cancels it', async () => {
    const w = createWorld();
    await write(w, 'patient.yaml', PATIENT);
    expect((await w.exec('kubectl apply -f patient.yaml')).stdout).toBe('pod/patient created\n');
    await w.exec('sleep 2');
    await w.exec('kubectl taint node node1 k=v:NoExecute');
    await w.exec('sleep 10');
    expect((await w.exec('kubectl get pod patient --no-headers')).stdout).toMatch(/^patient +1\/1 +Running/);
    await w.exec('kubectl taint node node1 k-');
    expect((await w.exec('kubectl events --for pod/patient')).stdout).toMatch(
      /TaintManagerEviction +Pod\/patient +Cancelling deletion of Pod default\/patient\n/,
    );
    await w.exec('kubectl taint node node1 k=v:NoExecute');
    await w.exec('sleep 12');
    expect((await w.exec('kubectl get pod patient --no-headers')).stdout).toMatch(/^patient +1\/1 +Running/);
    await w.exec('sleep 10');
    expect((await w.exec('kubectl get pod patient')).stderr).toBe('Error from server (NotFound): pods "patient" not found\n');
    expect((await w.exec('kubectl events --for pod/patient')).stdout).toMatch(/Marking for deletion Pod default\/patient\n/);
  });
});

const INDEXED = `apiVersion: batch/v1
kind: Job
metadata:
  name: ix
spec:
  completionMode: Indexed
  completions: 3
  parallelism: 2
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: c
        image: busybox
        command: ["sh", "-c", "echo index $JOB_COMPLETION_INDEX on $(hostname)"]
`;

describe('Indexed Jobs (indexed_job_utils.go, manageJob)', () => {
  it('pods JOB-INDEX-xxxxx with the index annotation, label, JOB_COMPLETION_INDEX and hostname; completedIndexes', async () => {
    const w = createWorld();
    await write(w, 'ix.yaml', INDEXED);
    expect((await w.exec('kubectl apply -f ix.yaml')).stdout).toBe('job.batch/ix created\n');
    await w.exec('sleep 3');
    const names = (await w.exec('kubectl get pods -o name')).stdout.trim().split('\n');
    expect(names).toHaveLength(3);
    for (const [i, n] of names.entries()) {
      expect(n).toMatch(new RegExp(`^pod/ix-${i}-[a-z0-9]{5}$`));
      expect((await w.exec(`kubectl logs ${n}`)).stdout).toBe(`index ${i} on ix-${i}\n`);
    }
    const pod = names[1]!.replace('pod/', '');
    const jp = (q: string) => w.exec(`kubectl get pod ${pod} -o jsonpath='${q}'`).then((r) => r.stdout);
    expect(await jp(`{.metadata.annotations.batch\\.kubernetes\\.io/job-completion-index}`)).toBe('1');
    expect(await jp(`{.metadata.labels.batch\\.kubernetes\\.io/job-completion-index}`)).toBe('1');
    expect(await jp('{.spec.hostname}')).toBe('ix-1');
    expect(await jp('{.spec.containers[0].env[0].valueFrom.fieldRef.fieldPath}')).toBe("metadata.labels['batch.kubernetes.io/job-completion-index']");
    expect((await w.exec(`kubectl get job ix -o jsonpath='{.status.completedIndexes} {.status.succeeded}'`)).stdout).toBe('0-2 3');
    const d = (await w.exec('kubectl describe job ix')).stdout;
    expect(d).toContain('Completion Mode:    Indexed\n');
    expect(d).toContain('Pods Statuses:      0 Active (0 Ready) / 3 Succeeded / 0 Failed\nCompleted Indexes:  0-2\n');
  });
});

describe('the scheduling queue retries an unschedulable pod (scheduling_queue.go)', () => {
  it('on a node change and after 5 minutes: FailedScheduling again, aggregated; Scheduled once it fits', async () => {
    const w = createWorld();
    await w.exec('kubectl cordon node1');
    await w.exec('kubectl run late --image=nginx');
    await w.exec('sleep 10');
    await w.exec('kubectl taint node node1 a=b:NoSchedule');
    expect((await w.exec('kubectl describe pod late')).stdout).toMatch(
      /FailedScheduling +\d+s \(x2 over \d+s\) +default-scheduler +0\/1 nodes are available: 1 node\(s\) were unschedulable\./,
    );
    await w.exec('sleep 300');
    expect((await w.exec('kubectl describe pod late')).stdout).toMatch(/FailedScheduling +\d+s \(x3 over 5m\d+s\) +default-scheduler/);
    await w.exec('kubectl uncordon node1');
    expect((await w.exec(`kubectl get pod late -o jsonpath='{.status.conditions[0].message}'`)).stdout).toBe(
      '0/1 nodes are available: 1 node(s) had untolerated taint {a: b}. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling..',
    );
    await w.exec('kubectl taint node node1 a-');
    expect((await w.exec('kubectl describe pod late')).stdout).toContain('Successfully assigned default/late to node1');
  });
});
