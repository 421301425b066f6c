/**
 * kube-system as kubeadm v1.30 leaves it on a single containerd node (src/sim/k8s/apiserver/fixture-system.ts): the
 * control plane's mirror pods, CoreDNS and kube-proxy, as API objects, after node1's reboot this morning
 * (fixture-reboot.ts): containerd reloaded the old containers as exited 255 "Unknown" (containerd@v1.7.22:
 * pkg/cri/server/restart.go loadContainer, unknownExitCode/unknownExitReason), and the kubelet made a new sandbox
 * with attempt + 1 (kubernetes@v1.30.5 pkg/kubelet/kuberuntime/util/util.go PodSandboxChanged) and restarted each
 * container with restartCount 1 (kuberuntime_container.go startContainer); kubectl prints RESTARTS as
 * "1 (3h32m ago)" from lastState.terminated.finishedAt (kubectl v1.30 pkg/printers/internalversion/printers.go
 * printPod). node1's kubelet does not run their processes (they would change the host's lsns and ps, which the
 * lesson transcripts pin), and the learner's objects draw the same names, uids and pod addresses as without them.
 */
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../../src/sim/index.ts';

const PODS = `NAMESPACE     NAME                            READY   STATUS    RESTARTS        AGE
kube-system   coredns-7db6d8ff4d-gx5mk        1/1     Running   1 (3h32m ago)   14d
kube-system   coredns-7db6d8ff4d-r7q2v        1/1     Running   1 (3h32m ago)   14d
kube-system   etcd-node1                      1/1     Running   1 (3h32m ago)   14d
kube-system   kube-apiserver-node1            1/1     Running   1 (3h32m ago)   14d
kube-system   kube-controller-manager-node1   1/1     Running   1 (3h32m ago)   14d
kube-system   kube-proxy-hx9tb                1/1     Running   1 (3h32m ago)   14d
kube-system   kube-scheduler-node1            1/1     Running   1 (3h32m ago)   14d
`;

describe('kube-system on node1', () => {
  it('get pods -A and -n kube-system -o wide: the control plane on the node address, CoreDNS on the addresses host-local gave after the reboot', async () => {
    const w = createWorld(undefined, { clock: 'virtual' });
    expect(await w.exec('kubectl get pods -A')).toEqual({ stdout: PODS, stderr: '', exitCode: 0 });
    expect(
      (await w.exec('kubectl get pods -n kube-system -o wide')).stdout,
    ).toBe(`NAME                            READY   STATUS    RESTARTS        AGE   IP            NODE    NOMINATED NODE   READINESS GATES
coredns-7db6d8ff4d-gx5mk        1/1     Running   1 (3h32m ago)   14d   10.244.0.10   node1   <none>           <none>
coredns-7db6d8ff4d-r7q2v        1/1     Running   1 (3h32m ago)   14d   10.244.0.11   node1   <none>           <none>
etcd-node1                      1/1     Running   1 (3h32m ago)   14d   10.0.0.11     node1   <none>           <none>
kube-apiserver-node1            1/1     Running   1 (3h32m ago)   14d   10.0.0.11     node1   <none>           <none>
kube-controller-manager-node1   1/1     Running   1 (3h32m ago)   14d   10.0.0.11     node1   <none>           <none>
kube-proxy-hx9tb                1/1     Running   1 (3h32m ago)   14d   10.0.0.11     node1   <none>           <none>
kube-scheduler-node1            1/1     Running   1 (3h32m ago)   14d   10.0.0.11     node1   <none>           <none>
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
    Liveness:     http-get http://127.0.0.1:2381/health%3Fexclude=NOSPACE&serializable=true delay=10s timeout=15s period=10s #success=1 #failure=8
    Startup:      http-get http://127.0.0.1:2381/health%3Fserializable=false delay=10s timeout=15s period=10s #success=1 #failure=24
    Environment:  <none>
    Mounts:
      /etc/kubernetes/pki/etcd from etcd-certs (rw)
      /var/lib/etcd from etcd-data (rw)
`);
    expect(etcd).toContain('\nTolerations:       :NoExecute op=Exists\nEvents:            <none>\n');
    const kcm = (await w.exec('kubectl describe pod -n kube-system kube-controller-manager-node1')).stdout;
    expect(kcm).toContain(
      '      /usr/local/share/ca-certificates from usr-local-share-ca-certificates (ro)\n      /usr/share/ca-certificates from usr-share-ca-certificates (ro)\n',
    );
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
    expect((await w.exec('crictl pods -q | wc -l')).stdout.trim()).toBe('15');
    expect((await w.exec('crictl pods --namespace default -q | wc -l')).stdout.trim()).toBe('1');
    expect((await w.exec('ps -e -o comm | grep -c -E "^(etcd|kube-apiserver|coredns)$"')).stdout).toBe('0\n');
    // Half a minute later: the reboot is 3h33m ago.
    expect((await w.exec('kubectl get pods -n kube-system')).stdout).toBe(
      PODS.replace(/^kube-system   /gm, '')
        .replace('NAMESPACE     ', '')
        .replaceAll('3h32m', '3h33m'),
    );
    expect((await w.exec('kubectl get events -n kube-system')).stderr).toBe('No resources found in kube-system namespace.\n');
  });

  it('crictl pods and ps -a: two sandboxes and two containers per pod, the ones from before the reboot NotReady and Exited (255, Unknown)', async () => {
    const w = createWorld(undefined, { clock: 'virtual' });
    const pods = (await w.exec('crictl pods')).stdout.split('\n');
    // cri-tools@v1.30.0 cmd/crictl/sandbox.go ListPodSandboxes: the columns, newest first (getSandboxesList sorts by CreatedAt).
    expect(pods[0]).toBe(
      'POD ID              CREATED             STATE               NAME                            NAMESPACE           ATTEMPT             RUNTIME',
    );
    const rows = pods.slice(1, -1).map((l) => l.split(/ {2,}/));
    expect(rows).toHaveLength(14);
    for (const name of [
      'coredns-7db6d8ff4d-gx5mk',
      'coredns-7db6d8ff4d-r7q2v',
      'etcd-node1',
      'kube-apiserver-node1',
      'kube-controller-manager-node1',
      'kube-proxy-hx9tb',
      'kube-scheduler-node1',
    ])
      expect(rows.filter((r) => r[3] === name).map((r) => [r[1], r[2], r[4], r[5], r[6]])).toEqual([
        ['4 hours ago', 'Ready', 'kube-system', '1', '(default)'],
        ['2 weeks ago', 'NotReady', 'kube-system', '0', '(default)'],
      ]);
    expect(rows.slice(0, 7).every((r) => r[2] === 'Ready')).toBe(true);
    expect((await w.exec('crictl pods -s notready -q | wc -l')).stdout.trim()).toBe('7');
    expect((await w.exec('crictl pods --state=READY --name ^etcd')).stdout.split('\n')[1]).toMatch(/^[0-9a-f]{13} {7}4 hours ago {9}Ready {15}etcd-node1 /);
    expect(await w.exec('crictl pods --state up')).toEqual({
      stdout: '',
      stderr: expect.stringMatching(/^2024\/09\/16 11:45:\d\d --state should be ready or notready\n$/),
      exitCode: 1,
    });
    expect(await w.exec('crictl pods --namespace')).toMatchObject({
      stderr: "Incorrect Usage: flag needs an argument: -namespace\n\nRun 'crictl pods --help' for usage.\n",
      exitCode: 1,
    });
    expect((await w.exec('crictl pods -a')).stderr).toBe("Incorrect Usage: flag provided but not defined: -a\n\nRun 'crictl pods --help' for usage.\n");

    // The running containers are the ones kubectl reports; the exited ones are its lastState.terminated.
    const running = (await w.exec('crictl ps -q')).stdout.trim().split('\n').sort();
    const current = (await w.exec("kubectl get pods -n kube-system -o jsonpath='{.items[*].status.containerStatuses[0].containerID}'")).stdout;
    expect(current.replaceAll('containerd://', '').split(' ').sort()).toEqual(running);
    const all = (await w.exec('crictl ps -a -q')).stdout.trim().split('\n');
    expect(all).toHaveLength(14);
    const last = (await w.exec("kubectl get pods -n kube-system -o jsonpath='{.items[*].status.containerStatuses[0].lastState.terminated.containerID}'"))
      .stdout;
    expect(last.replaceAll('containerd://', '').split(' ').sort()).toEqual(all.filter((id) => !running.includes(id)).sort());
    const etcd = (await w.exec('crictl ps -a')).stdout.split('\n').filter((l) => / etcd /.test(l));
    expect(etcd.map((l) => l.split(/ {2,}/).slice(2, 7))).toEqual(
      [
        ['4 hours ago', 'Running', 'etcd', '1'],
        ['2 weeks ago', 'Exited', 'etcd', '0'],
      ].map((r) => [...r.slice(0, 4), expect.stringMatching(/^[0-9a-f]{13}$/)].slice(0, 5)),
    );

    // cri-tools@v1.30.0 cmd/crictl/container.go ListContainers: --state and --name filter, --pod takes a unique sandbox id prefix.
    expect((await w.exec('crictl ps -s exited -q | wc -l')).stdout.trim()).toBe('7');
    expect((await w.exec('crictl ps -a --name ^kube-a -q | wc -l')).stdout.trim()).toBe('2');
    expect((await w.exec('crictl ps --state unknown -q')).stdout).toBe('');
    expect(await w.exec('crictl ps --state=up')).toEqual({
      stdout: '',
      stderr: expect.stringMatching(/^2024\/09\/16 11:45:\d\d --state should be one of created, running, exited or unknown\n$/),
      exitCode: 1,
    });
    const oldEtcd = (await w.exec('crictl pods --name etcd --state notready -q')).stdout.trim();
    expect((await w.exec(`crictl ps -a -p ${oldEtcd.slice(0, 6)}`)).stdout.split('\n').slice(1, -1)).toEqual([
      expect.stringMatching(/ Exited +etcd +0 +[0-9a-f]{13} +etcd-node1$/),
    ]);
    // containerd@v1.7.22 pkg/cri/server/restart.go: a container whose task died with the host is exited 255, "Unknown".
    const old = JSON.parse((await w.exec(`crictl inspect ${last.split(' ')[2]!.replace('containerd://', '')}`)).stdout);
    expect(old.status).toMatchObject({ state: 'CONTAINER_EXITED', exitCode: 255, reason: 'Unknown', metadata: { attempt: 0, name: 'etcd' } });
    expect(old.status.finishedAt).toMatch(/^2024-09-16T08:12:37\./);
    const imageID = (await w.exec("kubectl get pod -n kube-system etcd-node1 -o jsonpath='{.status.containerStatuses[0].imageID}'")).stdout;
    expect(old.status.imageRef).toBe(imageID);
    const describe = (await w.exec('kubectl describe pod -n kube-system etcd-node1')).stdout;
    expect(describe).toContain(`    State:          Running
      Started:      Mon, 16 Sep 2024 08:12:44 +0000
    Last State:     Terminated
      Reason:       Unknown
      Exit Code:    255
      Started:      Mon, 02 Sep 2024 09:30:17 +0000
      Finished:     Mon, 16 Sep 2024 08:12:37 +0000
    Ready:          True
    Restart Count:  1
`);
    // The node: Ready went True again after the boot (08:12:31); the pressure conditions never changed.
    const node = (await w.exec('kubectl describe node node1')).stdout;
    expect(node).toMatch(/\n {2}Ready {12}True {4}[^\n]*Mon, 16 Sep 2024 08:12:42 \+0000 {3}KubeletReady/);
    expect(node).toMatch(/\n {2}MemoryPressure {3}False {3}[^\n]*Mon, 02 Sep 2024 09:30:12 \+0000 {3}KubeletHasSufficientMemory/);
  });
});
