/**
 * kube-system as kubeadm v1.30 leaves it on a single containerd node (src/sim/k8s/apiserver/fixture-system.ts): the
 * control plane's mirror pods, CoreDNS and kube-proxy, as API objects. node1's kubelet does not run them (their
 * processes would change the host's lsns and ps, which the lesson transcripts pin), and the learner's objects draw
 * the same names, uids and pod addresses as without them.
 */
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../../src/sim/index.ts';

const PODS = `NAMESPACE     NAME                            READY   STATUS    RESTARTS   AGE
kube-system   coredns-7db6d8ff4d-gx5mk        1/1     Running   0          14d
kube-system   coredns-7db6d8ff4d-r7q2v        1/1     Running   0          14d
kube-system   etcd-node1                      1/1     Running   0          14d
kube-system   kube-apiserver-node1            1/1     Running   0          14d
kube-system   kube-controller-manager-node1   1/1     Running   0          14d
kube-system   kube-proxy-hx9tb                1/1     Running   0          14d
kube-system   kube-scheduler-node1            1/1     Running   0          14d
`;

describe('kube-system on node1', () => {
  it('get pods -A and -n kube-system -o wide: the control plane on the node address, CoreDNS on the first pod addresses', async () => {
    const w = createWorld(undefined, { clock: 'virtual' });
    expect(await w.exec('kubectl get pods -A')).toEqual({ stdout: PODS, stderr: '', exitCode: 0 });
    expect(
      (await w.exec('kubectl get pods -n kube-system -o wide')).stdout,
    ).toBe(`NAME                            READY   STATUS    RESTARTS   AGE   IP           NODE    NOMINATED NODE   READINESS GATES
coredns-7db6d8ff4d-gx5mk        1/1     Running   0          14d   10.244.0.2   node1   <none>           <none>
coredns-7db6d8ff4d-r7q2v        1/1     Running   0          14d   10.244.0.3   node1   <none>           <none>
etcd-node1                      1/1     Running   0          14d   10.0.0.11    node1   <none>           <none>
kube-apiserver-node1            1/1     Running   0          14d   10.0.0.11    node1   <none>           <none>
kube-controller-manager-node1   1/1     Running   0          14d   10.0.0.11    node1   <none>           <none>
kube-proxy-hx9tb                1/1     Running   0          14d   10.0.0.11    node1   <none>           <none>
kube-scheduler-node1            1/1     Running   0          14d   10.0.0.11    node1   <none>           <none>
`);
  });

  it('get all -A: the kube-dns Service, the kube-proxy DaemonSet, the coredns Deployment and ReplicaSet', async () => {
    const w = createWorld(undefined, { clock: 'virtual' });
    expect(
      (await w.exec('kubectl get all -A')).stdout,
    ).toBe(`${PODS.replace(/\n(kube-system +)(\S+)( +)/g, (_m, a: string, n: string, sp: string) => `\n${a}pod/${n}${sp}`).replace('NAME                            READY', 'NAME                                READY')}
NAMESPACE     NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)                  AGE
default       service/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP                  14d
kube-system   service/kube-dns     ClusterIP   10.96.0.10   <none>        53/UDP,53/TCP,9153/TCP   14d

NAMESPACE     NAME                        DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR            AGE
kube-system   daemonset.apps/kube-proxy   1         1         1       1            1           kubernetes.io/os=linux   14d

NAMESPACE     NAME                      READY   UP-TO-DATE   AVAILABLE   AGE
kube-system   deployment.apps/coredns   2/2     2            2           14d

NAMESPACE     NAME                                 DESIRED   CURRENT   READY   AGE
kube-system   replicaset.apps/coredns-7db6d8ff4d   2         2         2       14d
`);
    expect(
      (await w.exec('kubectl get ds -n kube-system -o wide')).stdout,
    ).toBe(`NAME         DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR            AGE   CONTAINERS   IMAGES                               SELECTOR
kube-proxy   1         1         1       1            1           kubernetes.io/os=linux   14d   kube-proxy   registry.k8s.io/kube-proxy:v1.30.5   k8s-app=kube-proxy
`);
  });

  it('describe: a mirror pod controlled by the Node, with its probes; describe node sums their requests', async () => {
    const w = createWorld(undefined, { clock: 'virtual' });
    const etcd = (await w.exec('kubectl describe pod -n kube-system etcd-node1')).stdout;
    expect(etcd).toContain('Priority Class Name:  system-node-critical\n');
    expect(etcd).toContain('\nControlled By:  Node/node1\n');
    expect(etcd).toContain(`    Requests:
      cpu:        100m
      memory:     100Mi
    Liveness:     http-get http://127.0.0.1:2381/livez delay=10s timeout=15s period=10s #success=1 #failure=8
    Readiness:    http-get http://127.0.0.1:2381/readyz delay=0s timeout=15s period=1s #success=1 #failure=3
    Startup:      http-get http://127.0.0.1:2381/readyz delay=10s timeout=15s period=10s #success=1 #failure=24
    Environment:  <none>
    Mounts:
      /etc/kubernetes/pki/etcd from etcd-certs (rw)
      /var/lib/etcd from etcd-data (rw)
`);
    expect(etcd).toContain('\nTolerations:       :NoExecute op=Exists\nEvents:            <none>\n');
    const api = (await w.exec('kubectl describe pod -n kube-system kube-apiserver-node1')).stdout;
    expect(api).toContain('    Liveness:     http-get https://10.0.0.11:6443/livez delay=10s timeout=15s period=10s #success=1 #failure=8\n');
    const dns = (await w.exec('kubectl describe pod -n kube-system coredns-7db6d8ff4d-gx5mk')).stdout;
    expect(dns).toContain('\nControlled By:  ReplicaSet/coredns-7db6d8ff4d\n');
    expect(dns).toContain(
      '    Liveness:     http-get http://:8080/health delay=60s timeout=5s period=10s #success=1 #failure=5\n    Readiness:    http-get http://:8181/ready delay=0s timeout=1s period=10s #success=1 #failure=3\n',
    );
    const node = (await w.exec('kubectl describe node node1')).stdout;
    expect(node).toContain(`Non-terminated Pods:          (7 in total)
  Namespace                   Name                           CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age
  ---------                   ----                           ------------  ----------  ---------------  -------------  ---
  kube-system                 coredns-7db6d8ff4d-gx5mk       100m (2%)     0 (0%)      70Mi (0%)        170Mi (1%)     14d
  kube-system                 coredns-7db6d8ff4d-r7q2v       100m (2%)     0 (0%)      70Mi (0%)        170Mi (1%)     14d
  kube-system                 etcd-node1                     100m (2%)     0 (0%)      100Mi (0%)       0 (0%)         14d
  kube-system                 kube-apiserver-node1           250m (6%)     0 (0%)      0 (0%)           0 (0%)         14d
  kube-system                 kube-controller-manager-node1  200m (5%)     0 (0%)      0 (0%)           0 (0%)         14d
  kube-system                 kube-proxy-hx9tb               0 (0%)        0 (0%)      0 (0%)           0 (0%)         14d
  kube-system                 kube-scheduler-node1           100m (2%)     0 (0%)      0 (0%)           0 (0%)         14d
Allocated resources:
  (Total limits may be over 100 percent, i.e., overcommitted.)
  Resource           Requests    Limits
  --------           --------    ------
  cpu                850m (21%)  0 (0%)
  memory             240Mi (1%)  340Mi (2%)
`);
  });

  it("the kubelet does not run them and the controllers leave them; the learner's pods are as before", async () => {
    const w = createWorld(undefined, { clock: 'virtual' });
    expect((await w.exec('kubectl run web --image=nginx:1.25')).stdout).toBe('pod/web created\n');
    await w.exec('sleep 30');
    expect((await w.exec("kubectl get pod web -o jsonpath='{.status.podIP}'")).stdout).toBe('10.244.0.12');
    expect((await w.exec('crictl pods -q | wc -l')).stdout.trim()).toBe('1');
    expect((await w.exec('ps -e -o comm | grep -c -E "^(etcd|kube-apiserver|coredns)$"')).stdout).toBe('0\n');
    expect((await w.exec('kubectl get pods -n kube-system')).stdout).toBe(PODS.replace(/^kube-system   /gm, '').replace('NAMESPACE     ', ''));
    expect((await w.exec('kubectl get events -n kube-system')).stderr).toBe('No resources found in kube-system namespace.\n');
  });
});
